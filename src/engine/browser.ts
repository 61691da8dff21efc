import { AsyncDuckDB, ConsoleLogger, LogLevel } from '@duckdb/duckdb-wasm';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Table } from 'apache-arrow';
import { OFFLINE_SETTINGS } from '../sql/load';
import type { Database } from './database';

/**
 * DuckDB-WASM in a Web Worker, from files bundled with the app (no CDN). Only the
 * single-threaded `eh` build is offered: the threaded `coi` build failed intermittently
 * and was not faster on 2 cores (DESIGN.md §6).
 */
export async function createBrowserDatabase(): Promise<Database> {
  const worker = new Worker(ehWorkerUrl);
  const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker);
  await db.instantiate(ehWasmUrl);
  const connection = await db.connect();
  for (const setting of OFFLINE_SETTINGS) await connection.query(setting);
  // One connection runs one query at a time; a queue keeps callers from interleaving.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    query: (sql) => serial(async () => (await connection.query(sql)) as unknown as Table),
    insertArrowIpc: (table, bytes) => serial(() => connection.insertArrowFromIPCStream(bytes, { name: table, create: true })),
    registerFile: (name, bytes) => serial(() => db.registerFileBuffer(name, bytes)),
    close: async () => { await connection.close(); await db.terminate(); worker.terminate(); },
  };
}
