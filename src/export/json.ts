import type { Table } from 'apache-arrow';
import { createColumnReaders, type ReaderOptions } from './cell-text';
import type { ExportMeta } from './meta';

/**
 * The table as JSON: `{ "meta": …, "columns": [{name, type}], "rows": [{…}, …] }`. Rows are
 * written one by one from the columns, so no array of row objects is built. Big integers
 * that a double cannot hold exactly are strings; times are city-local text.
 */
export function toJson(table: Table, meta: ExportMeta, options: ReaderOptions = {}): string {
  const readers = createColumnReaders(table, options);
  const keys = readers.map((r) => JSON.stringify(r.name));
  const parts: string[] = [];
  for (let row = 0; row < table.numRows; row++) {
    parts.push(`{${readers.map((reader, i) => `${keys[i]}:${JSON.stringify(reader.json(row))}`).join(',')}}`);
  }
  const columns = readers.map((r) => ({ name: r.name, type: r.type }));
  return `{"meta":${JSON.stringify(meta)},"columns":${JSON.stringify(columns)},"rows":[\n${parts.join(',\n')}\n]}\n`;
}
