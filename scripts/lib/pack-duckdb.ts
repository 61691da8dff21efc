import { rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { sqlString } from '../../src/sql/literal';
import { createTableFromCsv, EVENT_COLUMN_TYPES, EVENTS_ORDER } from '../../src/sql/load';

/**
 * The storage version the file is written in: the one of the DuckDB inside duckdb-wasm
 * (1.4.x), which cannot read a file written in a newer format. Native DuckDB writes older
 * formats on request; raise this when duckdb-wasm is upgraded.
 */
const BROWSER_STORAGE_VERSION = 'v1.4.0';

/**
 * Write the events CSV as a DuckDB database file (one table, `events`, in EVENTS_ORDER),
 * which the browser attaches instead of building a table (src/sql/event-store.ts). Native
 * DuckDB writes it: the wasm build in Node cannot hold 5 million events and their CSV at once.
 * One thread, so the same CSV always gives the same bytes (the manifest records their hash).
 */
export async function packEventsDuckDb(csvPath: string, dbPath: string): Promise<void> {
  rmSync(dbPath, { force: true });
  rmSync(`${dbPath}.wal`, { force: true });
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    await connection.run(`ATTACH ${sqlString(dbPath)} AS packed (STORAGE_VERSION '${BROWSER_STORAGE_VERSION}')`);
    await connection.run('USE packed');
    await connection.run(createTableFromCsv('events', csvPath, EVENT_COLUMN_TYPES, EVENTS_ORDER));
    await connection.run('USE memory');
    await connection.run('DETACH packed');
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
