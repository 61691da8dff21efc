import { EVENT_TABLE_COLUMNS } from '../../src/domain/events';
import type { Database } from '../../src/engine/database';
import { EVENT_COLUMN_TYPES } from '../../src/sql/load';
import { sqlIdentifier, sqlString } from '../../src/sql/literal';

export type EventFixture = Partial<Record<(typeof EVENT_TABLE_COLUMNS)[number], string | number | null>>;

let counter = 0;

/** Create the `events` table from a few hand-written rows; unspecified columns get harmless defaults. */
export async function createEventsTable(db: Database, rows: EventFixture[]): Promise<void> {
  const columns = EVENT_TABLE_COLUMNS.map((c) => `${sqlIdentifier(c)} ${EVENT_COLUMN_TYPES[c]}`).join(', ');
  await db.query(`CREATE OR REPLACE TABLE events (${columns})`);
  for (const row of rows) {
    const filled: EventFixture = {
      event_id: `T${++counter}`, channel: 'hotline', category: 'noise', subcategory: '施工噪声', severity: 1,
      lon: 119.9, lat: 28.45, grid_code: '331102001001001', department: '综合执法局', status: 'reported', ...row,
    };
    const values = EVENT_TABLE_COLUMNS.map((c) => {
      const value = filled[c];
      if (value === null || value === undefined) return 'NULL';
      return `CAST(${typeof value === 'number' ? String(value) : sqlString(value)} AS ${EVENT_COLUMN_TYPES[c]})`;
    });
    await db.query(`INSERT INTO events VALUES (${values.join(', ')})`);
  }
}
