import { Table, Type, Utf8, vectorFromArray, type Vector } from 'apache-arrow';

/**
 * A copy of the table whose text columns went through `maskText` (phone and ID numbers in
 * citizens' free text, DESIGN.md §7), for the binary exports (Arrow, Parquet). Other
 * columns are shared, not copied; dictionary text comes out as plain text.
 */
export function maskTextColumns(table: Table, maskText: (text: string) => string): Table {
  const columns: Record<string, Vector> = {};
  table.schema.fields.forEach((field, index) => {
    const vector = table.getChildAt(index)!;
    const valueType = field.type.typeId === Type.Dictionary ? (field.type as { dictionary: { typeId: Type } }).dictionary.typeId : field.type.typeId;
    if (valueType !== Type.Utf8 && valueType !== Type.LargeUtf8) { columns[field.name] = vector; return; }
    const values = Array.from({ length: vector.length }, (_, i) => { const v = vector.get(i) as string | null; return v === null ? null : maskText(v); });
    columns[field.name] = vectorFromArray(values, new Utf8());
  });
  return new Table(columns);
}
