import { inBothLanguages } from '../i18n';
import * as parquet from 'parquet-wasm/esm';
import { initParquetWasm, parquetWasmReady } from '../engine/parquet-wasm';
import { readArrowIpc } from './arrow';
import { emptyTable, type RawTable } from './raw-table';
import { createIssue } from './rules';

/** Start parquet-wasm (shared with the Parquet export: src/engine/parquet-wasm.ts). */
export const initParquetReader = initParquetWasm;

/**
 * Parquet bytes → a raw table, via parquet-wasm (Parquet → Arrow IPC) and apache-arrow.
 * DuckDB-WASM cannot read Parquet offline (its extension is downloaded on demand).
 * Call initParquetReader first; without it the file is refused with that reason.
 */
export async function readParquet(bytes: Uint8Array, fileName: string): Promise<RawTable> {
  const refuse = (detail: { zh: string; en: string }): RawTable => emptyTable(fileName, createIssue(fileName, null, null, 'unsupported_file', null, detail));
  const ready = parquetWasmReady();
  if (!ready) return refuse(inBothLanguages((m) => m.data.details.parquetNotStarted));
  let ipc: Uint8Array;
  try {
    await ready;
    ipc = parquet.readParquet(bytes).intoIPCStream();
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    return refuse(inBothLanguages((m) => m.data.details.parquetUnreadable, { message }));
  }
  return readArrowIpc(ipc, fileName);
}
