import type { Database } from '../../src/engine/database';
import { UNIT_COLUMN_TYPES } from '../../src/sql/load';
import { sqlIdentifier, sqlString } from '../../src/sql/literal';

type UnitColumn = keyof typeof UNIT_COLUMN_TYPES;
export type UnitFixture = { code: string; level: string } & Partial<Record<UnitColumn, string | number | null>>;

const UNIT_COLUMNS = Object.keys(UNIT_COLUMN_TYPES) as UnitColumn[];

/** Create the `units` table from a few hand-written rows; unspecified columns get harmless defaults. */
export async function createUnitsTable(db: Database, rows: UnitFixture[]): Promise<void> {
  const columns = UNIT_COLUMNS.map((c) => `${sqlIdentifier(c)} ${UNIT_COLUMN_TYPES[c]}`).join(', ');
  await db.query(`CREATE OR REPLACE TABLE units (${columns})`);
  for (const row of rows) {
    const filled: Partial<Record<UnitColumn, string | number | null>> = {
      name: row.code, parent_code: null, population: 0, households: 0, area_km2: 0, grid_workers: 0,
      kind: row.level === 'grid' ? 'urban' : null, label_lon: 119.9, label_lat: 28.45, ...row,
    };
    const values = UNIT_COLUMNS.map((c) => {
      const value = filled[c];
      if (value === null || value === undefined) return 'NULL';
      return `CAST(${typeof value === 'number' ? String(value) : sqlString(value)} AS ${UNIT_COLUMN_TYPES[c]})`;
    });
    await db.query(`INSERT INTO units VALUES (${values.join(', ')})`);
  }
}
