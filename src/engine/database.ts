import type { Table } from 'apache-arrow';

/**
 * The one door to DuckDB. The browser (duckdb-wasm in a worker) and Node (the same wasm
 * build, blocking) implement it, so panels, scripts and tests run the very same SQL.
 */
export interface Database {
  /** Run one statement; results come back columnar as an Arrow table. */
  query(sql: string): Promise<Table>;
  /**
   * Create `table` from Arrow IPC stream bytes, or append them to it ('append': the
   * columns must match). The engine may take (detach) the buffer: pass a copy to keep it.
   */
  insertArrowIpc(table: string, bytes: Uint8Array, mode?: 'create' | 'append'): Promise<void>;
  /** Make bytes readable by SQL under `name` (e.g. read_csv('units.csv')). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
  /**
   * Start a query that can be cancelled (the SQL console). Optional: engines that cannot
   * interrupt a query (the blocking Node build) leave it out and callers fall back to query().
   */
  startQuery?(sql: string, options?: { maxRows?: number }): RunningQuery;
}

/** A query in flight: its result, and a way to stop it. */
export interface RunningQuery {
  /**
   * The whole result, or its first maxRows + 1 rows when it is longer (the extra row tells
   * the caller there was more); rejects with QueryCancelledError after cancel().
   */
  result: Promise<Table>;
  /** Ask the engine to stop; resolves true when a query was running and got the request. */
  cancel(): Promise<boolean>;
}

/** What a cancelled query rejects with, so callers can tell it from an SQL error. */
export class QueryCancelledError extends Error {
  constructor() {
    super('The query was cancelled');
    this.name = 'QueryCancelledError';
  }
}
