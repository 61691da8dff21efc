import type { Table } from 'apache-arrow';
import { sqlIdentifier, sqlString } from '../../sql/literal';

export interface SchemaColumn { name: string; type: string }
export interface SchemaTable { schema: string; name: string; kind: 'table' | 'view'; columns: SchemaColumn[]; rows: number | null }

/** Every user table and view with its columns, in DuckDB's own catalog order. */
export const SCHEMA_SQL = `SELECT c.schema_name, c.table_name, c.column_name, c.data_type, (t.table_name IS NULL) AS is_view
FROM duckdb_columns() c
LEFT JOIN duckdb_tables() t ON t.database_name = c.database_name AND t.schema_name = c.schema_name AND t.table_name = c.table_name
WHERE NOT c.internal
ORDER BY c.schema_name = 'main' DESC, c.schema_name, c.table_name, c.column_index`;

/** Tables (not views) with their columns, from the SCHEMA_SQL result. */
export function parseSchema(table: Table): SchemaTable[] {
  const byName = new Map<string, SchemaTable>();
  const get = (name: string) => table.getChild(name);
  for (let i = 0; i < table.numRows; i++) {
    const schema = String(get('schema_name')?.get(i));
    const name = String(get('table_name')?.get(i));
    const key = `${schema}.${name}`;
    let entry = byName.get(key);
    if (!entry) {
      entry = { schema, name, kind: get('is_view')?.get(i) ? 'view' : 'table', columns: [], rows: null };
      byName.set(key, entry);
    }
    entry.columns.push({ name: String(get('column_name')?.get(i)), type: String(get('data_type')?.get(i)) });
  }
  return [...byName.values()];
}

/** Exact row counts of the base tables (views could be expensive, they are left out). */
export function rowCountsSql(tables: readonly SchemaTable[]): string | null {
  const base = tables.filter((t) => t.kind === 'table');
  if (base.length === 0) return null;
  return base.map((t) => `SELECT ${sqlString(`${t.schema}.${t.name}`)} AS k, count(*)::BIGINT AS n FROM ${sqlIdentifier(t.schema)}.${sqlIdentifier(t.name)}`).join('\nUNION ALL\n');
}

/** The completion schema for @codemirror/lang-sql: table → column names. */
export function completionSchema(tables: readonly SchemaTable[]): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const t of tables) result[t.schema === 'main' ? t.name : `${t.schema}.${t.name}`] = t.columns.map((c) => c.name);
  return result;
}
