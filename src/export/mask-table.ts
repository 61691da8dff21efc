import { makeData, makeVector, Table, Type, Utf8, type Vector } from 'apache-arrow';

/**
 * A Utf8 vector from strings, built by hand: Arrow's builders (vectorFromArray) compile
 * their null check with `new Function`, which the page's CSP (no 'unsafe-eval') refuses.
 */
function utf8Vector(values: readonly (string | null)[]): Vector {
  const encoder = new TextEncoder();
  const encoded = values.map((v) => (v === null ? null : encoder.encode(v)));
  const offsets = new Int32Array(values.length + 1);
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let total = 0;
  let nullCount = 0;
  encoded.forEach((bytes, i) => {
    if (bytes === null) nullCount++;
    else { nullBitmap[i >> 3]! |= 1 << (i & 7); total += bytes.length; }
    offsets[i + 1] = total;
  });
  const data = new Uint8Array(total);
  encoded.forEach((bytes, i) => { if (bytes) data.set(bytes, offsets[i]!); });
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount, nullBitmap, valueOffsets: offsets, data }));
}

/**
 * A copy of the table whose text columns went through `maskText` (phone and ID numbers in
 * citizens' free text, docs/domain.md §5), for the binary exports (Arrow, Parquet). Other
 * columns are shared, not copied; dictionary text comes out as plain text.
 */
export function maskTextColumns(table: Table, maskText: (text: string) => string): Table {
  const columns: Record<string, Vector> = {};
  table.schema.fields.forEach((field, index) => {
    const vector = table.getChildAt(index)!;
    const valueType = field.type.typeId === Type.Dictionary ? (field.type as { dictionary: { typeId: Type } }).dictionary.typeId : field.type.typeId;
    if (valueType !== Type.Utf8 && valueType !== Type.LargeUtf8) { columns[field.name] = vector; return; }
    columns[field.name] = utf8Vector(Array.from({ length: vector.length }, (_, i) => { const v = vector.get(i) as string | null; return v === null ? null : maskText(v); }));
  });
  return new Table(columns);
}
