import { createRequire } from 'node:module';
import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import { OFFLINE_SETTINGS } from '../sql/load';
import type { Database } from './database';

const require = createRequire(import.meta.url);
// duckdb-wasm's Node build is CommonJS and uses the CommonJS copy of apache-arrow; Arrow
// objects only work with functions of the same copy, so we take tableToIPC from it too.
const arrowCjs = require('apache-arrow') as typeof import('apache-arrow');

/** The browser's DuckDB build (wasm, single-threaded `eh`), run in Node for tests and scripts. */
export async function createNodeDatabase(): Promise<Database & { exportArrowIpc(sql: string): Uint8Array }> {
  const dist = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm').replace(/duckdb-eh\.wasm$/, '');
  const db = await createDuckDB(
    { mvp: { mainModule: `${dist}duckdb-mvp.wasm`, mainWorker: '' }, eh: { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: '' } },
    new VoidLogger(),
    NODE_RUNTIME,
  );
  await db.instantiate();
  const connection = db.connect();
  for (const setting of OFFLINE_SETTINGS) connection.query(setting);
  return {
    query: async (sql: string) => connection.query(sql) as unknown as Table,
    insertArrowIpc: async (table, bytes, mode = 'create') => connection.insertArrowFromIPCStream(bytes, { name: table, create: mode === 'create' }),
    registerFile: async (name, bytes) => db.registerFileBuffer(name, bytes),
    exportArrowIpc: (sql) => arrowCjs.tableToIPC(connection.query(sql) as unknown as Table, 'stream'),
    close: async () => { connection.close(); db.reset(); },
  };
}
