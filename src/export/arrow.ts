import { RecordBatch, Schema, Table, tableToIPC } from 'apache-arrow';
import { META_KEY, type ExportMeta } from './meta';

/**
 * The table as an Arrow IPC stream, with the export metadata in the schema's key-value
 * metadata (`onemap:meta`). The column buffers are shared, not copied.
 */
export function toArrowIpc(table: Table, meta: ExportMeta | null): Uint8Array {
  if (!meta) return tableToIPC(table, 'stream');
  const metadata = new Map(table.schema.metadata);
  metadata.set(META_KEY, JSON.stringify(meta));
  const schema = new Schema(table.schema.fields, metadata, table.schema.dictionaries);
  const batches = table.batches.map((batch) => new RecordBatch(schema, batch.data));
  return tableToIPC(batches.length > 0 ? new Table(batches) : new Table(schema), 'stream');
}

/** The export metadata carried by an Arrow schema, if any. */
export function readArrowMeta(table: Table): ExportMeta | null {
  const text = table.schema.metadata.get(META_KEY);
  return text ? (JSON.parse(text) as ExportMeta) : null;
}
