import { EVENT_TABLE_COLUMNS } from '../../src/domain/events';
import type { Database } from '../../src/engine/database';
import { EVENT_COLUMN_TYPES } from '../../src/sql/load';
import { sqlString } from '../../src/sql/literal';
import { createEventsTable, type EventFixture } from './events-table';

let counter = 0;

/**
 * Like createEventsTable (same defaults), but with one INSERT per 500 rows: hand-made
 * histories of a few hundred events load in milliseconds instead of seconds.
 */
export async function createEventsTableBulk(db: Database, rows: EventFixture[]): Promise<void> {
  await createEventsTable(db, []);
  for (let offset = 0; offset < rows.length; offset += 500) {
    const values = rows.slice(offset, offset + 500).map((row) => {
      const filled: EventFixture = {
        event_id: `B${++counter}`, channel: 'hotline', category: 'noise', subcategory: '施工噪声', severity: 1,
        lon: 119.9, lat: 28.45, grid_code: '331102001001001', department: '综合执法局', status: 'reported', ...row,
      };
      return `(${EVENT_TABLE_COLUMNS.map((c) => {
        const value = filled[c];
        if (value === null || value === undefined) return 'NULL';
        return `CAST(${typeof value === 'number' ? String(value) : sqlString(value)} AS ${EVENT_COLUMN_TYPES[c]})`;
      }).join(', ')})`;
    });
    await db.query(`INSERT INTO events VALUES ${values.join(',\n')}`);
  }
}
