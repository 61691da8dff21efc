import { readFileSync, writeFileSync } from 'node:fs';
import { createNodeDatabase } from '../../src/engine/node';
import { createTableFromCsv, EVENT_COLUMN_TYPES, EVENTS_ORDER } from '../../src/sql/load';

/**
 * Convert the canonical events CSV into the Arrow IPC stream that the browser loads.
 * DuckDB itself writes it, so the types are exactly those the CSV load would give. Rows are
 * written in EVENTS_ORDER, the order the queries are fast in: the browser inserts them as
 * they come, so the sort is paid here once and not at every page load (seconds in wasm).
 */
export async function packEventsArrow(csvPath: string, arrowPath: string): Promise<void> {
  const db = await createNodeDatabase();
  try {
    await db.registerFile('events.csv', readFileSync(csvPath));
    await db.query(createTableFromCsv('events', 'events.csv', EVENT_COLUMN_TYPES));
    writeFileSync(arrowPath, db.exportArrowIpc(`SELECT * FROM events ORDER BY ${EVENTS_ORDER}`));
  } finally {
    await db.close();
  }
}
