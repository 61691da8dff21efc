import * as parquet from 'parquet-wasm/esm';
import { initParquetWasm } from '../engine/parquet-wasm';
import { META_KEY, type ExportMeta } from './meta';

/** Start parquet-wasm (shared with the data loader's Parquet reader: src/engine/parquet-wasm.ts). */
export const initParquet = initParquetWasm;

/**
 * Arrow IPC stream bytes → a Parquet file (zstd), with the export metadata as Parquet
 * key-value metadata (`onemap:meta`). Call initParquet first.
 */
export function arrowIpcToParquet(ipcStream: Uint8Array, meta: ExportMeta | null): Uint8Array {
  const table = parquet.Table.fromIPCStream(ipcStream);
  let builder = new parquet.WriterPropertiesBuilder().setCompression(parquet.Compression.ZSTD).setCreatedBy('OneMap');
  if (meta) builder = builder.setKeyValueMetadata(new Map([[META_KEY, JSON.stringify(meta)]]));
  return parquet.writeParquet(table, builder.build());
}

/** A Parquet file → Arrow IPC stream bytes (for checks and round trips). */
export function parquetToArrowIpc(file: Uint8Array): Uint8Array {
  return parquet.readParquet(file).intoIPCStream();
}
