import * as parquet from 'parquet-wasm/esm';
import { readArrowIpc } from './arrow';
import { emptyTable, type RawTable } from './raw-table';
import { createIssue } from './rules';

let ready: Promise<void> | null = null;

/**
 * Start parquet-wasm once (5 MB of wasm that most sessions never need). The caller says
 * where its wasm is, as src/export/parquet.ts does: in the app the URL Vite bundled
 * (`parquet-wasm/esm/parquet_wasm_bg.wasm?url`, never a CDN), in Node the bytes.
 */
export function initParquetReader(wasm: URL | string | Uint8Array): Promise<void> {
  ready ??= (async () => {
    if (wasm instanceof Uint8Array) parquet.initSync({ module: wasm });
    else await parquet.default({ module_or_path: wasm });
  })();
  ready.catch(() => { ready = null; });
  return ready;
}

/**
 * Parquet bytes → a raw table, via parquet-wasm (Parquet → Arrow IPC) and apache-arrow.
 * DuckDB-WASM cannot read Parquet offline (its extension is downloaded on demand).
 * Call initParquetReader first; without it the file is refused with that reason.
 */
export async function readParquet(bytes: Uint8Array, fileName: string): Promise<RawTable> {
  const refuse = (zh: string, en: string): RawTable => emptyTable(fileName, createIssue(fileName, null, null, 'unsupported_file', null, { zh, en }));
  if (!ready) return refuse('Parquet 读取器未初始化（initParquetReader）', 'the Parquet reader was not started (initParquetReader)');
  let ipc: Uint8Array;
  try {
    await ready;
    ipc = parquet.readParquet(bytes).intoIPCStream();
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    return refuse(`不是可读的 Parquet：${message}`, `not readable Parquet: ${message}`);
  }
  return readArrowIpc(ipc, fileName);
}
