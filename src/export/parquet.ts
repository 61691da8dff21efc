import * as parquet from 'parquet-wasm/esm';
import { META_KEY, type ExportMeta } from './meta';

let ready: Promise<void> | null = null;

/**
 * Start parquet-wasm once. The caller says where its wasm is: in the app the URL Vite
 * bundled (`parquet-wasm/esm/parquet_wasm_bg.wasm?url`, never a CDN), in Node the bytes.
 */
export function initParquet(wasm: URL | string | Uint8Array): Promise<void> {
  ready ??= (async () => {
    if (wasm instanceof Uint8Array) parquet.initSync({ module: wasm });
    else await parquet.default({ module_or_path: wasm });
  })();
  ready.catch(() => { ready = null; });
  return ready;
}

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
