import * as parquet from 'parquet-wasm/esm';

let ready: Promise<void> | null = null;

/**
 * Start parquet-wasm once for the whole app (5 MB of wasm that most sessions never need):
 * the exports write Parquet with it and the data loader reads Parquet with it. The caller
 * says where its wasm is: in the app the URL Vite bundled
 * (`parquet-wasm/esm/parquet_wasm_bg.wasm?url`, never a CDN), in Node the bytes.
 */
export function initParquetWasm(wasm: URL | string | Uint8Array): Promise<void> {
  ready ??= (async () => {
    if (wasm instanceof Uint8Array) parquet.initSync({ module: wasm });
    else await parquet.default({ module_or_path: wasm });
  })();
  ready.catch(() => { ready = null; });
  return ready;
}

/** The start-up under way or done, or null when nobody started parquet-wasm yet. */
export function parquetWasmReady(): Promise<void> | null {
  return ready;
}
