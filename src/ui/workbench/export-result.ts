import type { Table } from 'apache-arrow';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { maskPersonalData } from '../../domain/mask';
import { toArrowIpc } from '../../export/arrow';
import { toCsv } from '../../export/csv';
import { downloadFile, MIME_TYPES } from '../../export/download';
import { exportFileName } from '../../export/filename';
import { toJson } from '../../export/json';
import { maskTextColumns } from '../../export/mask-table';
import type { ExportMeta, ExportSource } from '../../export/meta';

/**
 * Load parquet-wasm (5 MB, bundled) ahead of the click: a download started seconds after
 * the click, once the wasm has compiled, has lost the click's user activation and Chromium
 * may block it as an automatic download.
 */
export function preloadParquet(): Promise<typeof import('../../export/parquet')> {
  parquetModule ??= import('../../export/parquet').then(async (module) => { await module.initParquet(parquetWasmUrl); return module; });
  parquetModule.catch(() => { parquetModule = null; });
  return parquetModule;
}
let parquetModule: Promise<typeof import('../../export/parquet')> | null = null;

export type ExportFormat = 'csv' | 'parquet' | 'json' | 'arrow';

export interface ExportRequest {
  table: Table;
  format: ExportFormat;
  sql: string;
  source: ExportSource | null;
  edited: boolean;
  dataAsOf: string;
  /** Mask phone and ID numbers in text cells (on by default, docs/domain.md §5). */
  mask: boolean;
}

export function createExportMeta(request: Omit<ExportRequest, 'format' | 'mask'>): ExportMeta {
  return {
    what: request.source && !request.edited ? request.source.panel : 'sql',
    sql: request.sql,
    source: request.source,
    edited: request.edited,
    dataAsOf: request.dataAsOf,
    exportedAt: new Date().toISOString(),
    rows: request.table.numRows,
    columns: request.table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) })),
  };
}

/**
 * Write the result in the chosen format and hand it to the browser. CSV gets its metadata
 * as a sidecar `<name>.meta.json` (a comment line would not be valid CSV); the other
 * formats carry it inside. Parquet loads parquet-wasm on first use, from the bundled wasm.
 */
export async function exportResult(request: ExportRequest): Promise<string[]> {
  const meta = createExportMeta(request);
  const maskText = request.mask ? maskPersonalData : undefined;
  const name = exportFileName(meta, request.format);
  switch (request.format) {
    case 'csv': {
      downloadFile(toCsv(request.table, { maskText }), name, MIME_TYPES.csv);
      const sidecar = `${name}.meta.json`;
      downloadFile(`${JSON.stringify(meta, null, 2)}\n`, sidecar, MIME_TYPES.json);
      return [name, sidecar];
    }
    case 'json':
      downloadFile(toJson(request.table, meta, { maskText }), name, MIME_TYPES.json);
      return [name];
    case 'arrow': {
      const table = maskText ? maskTextColumns(request.table, maskText) : request.table;
      downloadFile(toArrowIpc(table, meta), name, MIME_TYPES.arrow);
      return [name];
    }
    case 'parquet': {
      const { arrowIpcToParquet } = await preloadParquet();
      const table = maskText ? maskTextColumns(request.table, maskText) : request.table;
      downloadFile(arrowIpcToParquet(toArrowIpc(table, null), meta), name, MIME_TYPES.parquet);
      return [name];
    }
  }
}
