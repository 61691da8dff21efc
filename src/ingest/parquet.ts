import { readArrowIpc } from './arrow';
import type { RawTable } from './raw-table';
import { createIssue } from './rules';
import { emptyTable } from './raw-table';

interface ParquetWasm {
  default?: unknown;
  readParquet(bytes: Uint8Array): { intoIPCStream(): Uint8Array };
}

let ready: Promise<ParquetWasm> | null = null;

/**
 * parquet-wasm, loaded on first use (5 MB of wasm that most sessions never need). In Node
 * its build initialises itself; the browser (ESM) build exports an init function that
 * fetches the wasm file next to the module, which Vite bundles as an asset.
 */
function loadParquetWasm(): Promise<ParquetWasm> {
  ready ??= (async () => {
    const module = (await import('parquet-wasm')) as unknown as ParquetWasm;
    if (typeof module.default === 'function') await (module.default as () => Promise<unknown>)();
    return module;
  })();
  return ready;
}

/**
 * Parquet bytes → a raw table, via parquet-wasm (Parquet → Arrow IPC) and apache-arrow.
 * DuckDB-WASM cannot read Parquet offline (its extension is downloaded on demand).
 */
export async function readParquet(bytes: Uint8Array, fileName: string): Promise<RawTable> {
  let ipc: Uint8Array;
  try {
    ipc = (await loadParquetWasm()).readParquet(bytes).intoIPCStream();
  } catch (error) {
    return emptyTable(fileName, createIssue(fileName, null, null, 'unsupported_file', null, { zh: `不是可读的 Parquet：${String((error as Error)?.message ?? error)}`, en: `not readable Parquet: ${String((error as Error)?.message ?? error)}` }));
  }
  return readArrowIpc(ipc, fileName);
}
