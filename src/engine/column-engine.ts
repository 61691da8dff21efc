import { Float64, Int32, Table, tableToIPC, Type, Utf8, makeData, makeVector, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import type { Database } from './database';

/**
 * What SQL validation (src/ingest/sql) needs of an engine: run statements, read results
 * column by column (numbers as typed arrays, never one object per row), and write columns
 * computed in JS back as a table. The page's DuckDB-WASM (through Database) and native
 * DuckDB in Node (src/engine/native.ts) both provide it, so the same SQL runs in both.
 */
export interface ColumnEngine {
  run(sql: string): Promise<void>;
  /**
   * A result's columns: numeric columns as Float64Array (NULL = NaN), every other column as
   * an array of string | boolean | null. Use for column data; small results too.
   */
  columns(sql: string): Promise<Record<string, Float64Array | (string | boolean | null)[]>>;
  /** Create `table` from columns of equal length (replacing any table of that name). */
  createTable(table: string, columns: readonly ColumnSpec[]): Promise<void>;
}

export type ColumnSpec =
  | { name: string; type: 'DOUBLE'; values: Float64Array }
  | { name: string; type: 'INTEGER'; values: Int32Array }
  | { name: string; type: 'VARCHAR'; values: readonly (string | null)[] };

const NUMERIC_TYPES: ReadonlySet<Type> = new Set([Type.Int, Type.Float, Type.Decimal]);

function numericColumn(vector: Vector<DataType>): Float64Array {
  const out = new Float64Array(vector.length);
  // Doubles without nulls come out as one copy; anything else value by value (BigInt, nulls).
  if (vector.nullCount === 0 && vector.type.typeId === Type.Float && (vector.type as Float64).precision === 2) {
    out.set(vector.toArray() as Float64Array);
    return out;
  }
  for (let i = 0; i < vector.length; i++) {
    const value: unknown = vector.get(i);
    out[i] = value === null || value === undefined ? NaN : Number(value);
  }
  return out;
}

/** Arrow results → plain columns (shared with tests that read an Arrow table). */
export function columnsOfArrow(table: Table): Record<string, Float64Array | (string | boolean | null)[]> {
  const out: Record<string, Float64Array | (string | boolean | null)[]> = {};
  for (const field of table.schema.fields) {
    const vector = table.getChild(field.name)!;
    if (NUMERIC_TYPES.has(field.type.typeId)) out[field.name] = numericColumn(vector);
    else out[field.name] = Array.from({ length: vector.length }, (_, i) => {
      const value: unknown = vector.get(i);
      return value === null || value === undefined ? null : typeof value === 'boolean' ? value : String(value);
    });
  }
  return out;
}

/** Doubles with NaN as null (the validity bitmap Arrow wants, built once). */
function float64Vector(values: Float64Array): Vector<Float64> {
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i]!)) nullCount++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  }
  return makeVector(makeData({ type: new Float64(), length: values.length, nullCount, nullBitmap: nullCount ? bitmap : null, data: values }));
}

/** Columns → Arrow IPC stream bytes, the form Database.insertArrowIpc takes. */
export function columnsToArrowIpc(columns: readonly ColumnSpec[]): Uint8Array {
  const vectors: Record<string, Vector<DataType>> = {};
  for (const column of columns) {
    if (column.type === 'DOUBLE') vectors[column.name] = float64Vector(column.values);
    else if (column.type === 'INTEGER') vectors[column.name] = makeVector(makeData({ type: new Int32(), length: column.values.length, data: column.values }));
    else vectors[column.name] = vectorFromArray(column.values as (string | null)[], new Utf8());
  }
  return tableToIPC(new Table(vectors), 'stream');
}

/** The page's (or the Node wasm build's) Database as a ColumnEngine. */
export function columnEngineOf(db: Database): ColumnEngine {
  return {
    run: async (sql) => { await db.query(sql); },
    columns: async (sql) => columnsOfArrow(await db.query(sql)),
    createTable: async (table, columns) => {
      const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;
      await db.query(`DROP TABLE IF EXISTS ${quote(table)}`);
      // An empty Arrow stream carries no batch to take the schema from: the table is declared instead.
      if ((columns[0]?.values.length ?? 0) === 0) await db.query(`CREATE TABLE ${quote(table)} (${columns.map((c) => `${quote(c.name)} ${c.type}`).join(', ')})`);
      else await db.insertArrowIpc(table, columnsToArrowIpc(columns));
    },
  };
}
