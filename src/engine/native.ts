import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ColumnEngine, ColumnSpec } from './column-engine';

/**
 * Native DuckDB in Node (@duckdb/node-api) as a ColumnEngine: the CLI, tests and the bench
 * run SQL validation (src/ingest/sql) on it with the very SQL text the page runs in
 * DuckDB-WASM. Node only: the browser bundle never imports this file.
 */
export async function createNativeColumnEngine(threads?: number): Promise<ColumnEngine & { connection: DuckDBConnection; close(): void }> {
  const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
  const connection = await instance.connect();
  const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;
  return {
    connection,
    run: async (sql) => { await connection.run(sql); },
    columns: async (sql) => {
      const reader = await connection.runAndReadAll(sql);
      const names = reader.columnNames();
      const types = reader.columnTypes();
      const data = reader.getColumnsJS();
      const out: Record<string, Float64Array | (string | boolean | null)[]> = {};
      names.forEach((name, k) => {
        const values = data[k] ?? [];
        const type = String(types[k]);
        if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/.test(type)) {
          out[name] = Float64Array.from(values, (v) => (v === null || v === undefined ? NaN : Number(v)));
        } else {
          out[name] = values.map((v) => (v === null || v === undefined ? null : typeof v === 'boolean' ? v : String(v)));
        }
      });
      return out;
    },
    createTable: async (table, columns: readonly ColumnSpec[]) => {
      await connection.run(`CREATE OR REPLACE TABLE ${quote(table)} (${columns.map((c) => `${quote(c.name)} ${c.type}`).join(', ')})`);
      const appender = await connection.createAppender(table);
      const length = columns[0]?.values.length ?? 0;
      for (let i = 0; i < length; i++) {
        for (const column of columns) {
          if (column.type === 'VARCHAR') { const v = column.values[i]; if (v === null || v === undefined) appender.appendNull(); else appender.appendVarchar(v); }
          else if (column.type === 'INTEGER') appender.appendInteger(column.values[i]!);
          else { const v = column.values[i]!; if (Number.isNaN(v)) appender.appendNull(); else appender.appendDouble(v); }
        }
        appender.endRow();
      }
      appender.closeSync();
    },
    close: () => { connection.closeSync(); instance.closeSync(); },
  };
}
