import type { Table } from 'apache-arrow';

export type Scalar = number | string | boolean | null;

/**
 * Arrow cells as plain JS scalars: BIGINT and DECIMAL become numbers, timestamps epoch ms.
 * Used only for small results (KPIs, lists); large ones stay in typed arrays.
 */
export function toScalar(value: unknown): Scalar {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.getTime();
  return String(value);
}

/** The first row of a result as a record of scalars; throws when there is none. */
export function firstRow(table: Table): Record<string, Scalar> {
  if (table.numRows === 0) throw new Error('Expected one row, the query returned none');
  const row: Record<string, Scalar> = {};
  for (const field of table.schema.fields) row[field.name] = toScalar(table.getChild(field.name)?.get(0));
  return row;
}

/** All rows as records; for small results only (the caller knows the size). */
export function rowsOf(table: Table): Record<string, Scalar>[] {
  const columns = table.schema.fields.map((f) => [f.name, table.getChild(f.name)] as const);
  return Array.from({ length: table.numRows }, (_, i) => {
    const row: Record<string, Scalar> = {};
    for (const [name, vector] of columns) row[name] = toScalar(vector?.get(i));
    return row;
  });
}

/** One numeric column as a typed array, without copying when Arrow holds it in one chunk. */
export function numericColumn(table: Table, name: string): Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array {
  const vector = table.getChild(name);
  if (!vector) throw new Error(`Column "${name}" is missing from the result (columns: ${table.schema.fields.map((f) => f.name).join(', ')})`);
  const array = vector.toArray() as unknown;
  if (array instanceof Float32Array || array instanceof Float64Array || array instanceof Int8Array || array instanceof Int16Array || array instanceof Int32Array || array instanceof Uint8Array) return array;
  throw new Error(`Column "${name}" is not a fixed-width number column (type ${String(vector.type)})`);
}
