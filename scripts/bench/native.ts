import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createTableFromCsv, EVENT_COLUMN_TYPES, EVENTS_ORDER, UNIT_COLUMN_TYPES } from '../../src/sql/load';

/**
 * Native DuckDB in Node: "the limit" the browser is compared with. It runs the very same
 * SQL text as the app, on the same CSV files.
 */
export class NativeDuckDB {
  private constructor(private readonly connection: DuckDBConnection) {}

  static async open(threads?: number): Promise<NativeDuckDB> {
    const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
    return new NativeDuckDB(await instance.connect());
  }

  async load(eventsCsv: string, unitsCsv: string): Promise<void> {
    await this.connection.run(createTableFromCsv('units', unitsCsv, UNIT_COLUMN_TYPES));
    // In the browser's physical order (events.arrow is written in it), so that both run the same plans.
    await this.connection.run(createTableFromCsv('events', eventsCsv, EVENT_COLUMN_TYPES, EVENTS_ORDER));
  }

  /** Rows as JSON-friendly objects (numbers, strings; BIGINT as text, DATE as YYYY-MM-DD). */
  async rows(sql: string): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  }

  close(): void {
    this.connection.closeSync();
  }
}
