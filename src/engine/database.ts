import type { Table } from 'apache-arrow';

/**
 * The one door to DuckDB. The browser (duckdb-wasm in a worker) and Node (the same wasm
 * build, blocking) implement it, so panels, scripts and tests run the very same SQL.
 */
export interface Database {
  /** Run one statement; results come back columnar as an Arrow table. */
  query(sql: string): Promise<Table>;
  /** Create or append to `table` from Arrow IPC stream bytes. */
  insertArrowIpc(table: string, bytes: Uint8Array): Promise<void>;
  /** Make bytes readable by SQL under `name` (e.g. read_csv('units.csv')). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
