import { inBothLanguages } from '../i18n';

/**
 * Whether a file can be loaded into DuckDB-WASM without running the tab out of memory,
 * decided from its size before a byte is read, so that a file that cannot fit is refused
 * with a message instead of crashing the tab (issue #8, "Failures").
 *
 * The hard limit is the engine's address space: the `eh` build is 32-bit WebAssembly,
 * whose memory cannot grow past 4 GiB, whatever the machine has. Loading needs the file's
 * bytes inside that memory (registered or streamed in) and the table it becomes, both at
 * once. Measured (npm run bench, 1M events): a 353 MB Arrow stream became 405 MiB of
 * DuckDB memory, i.e. the table is ≈ 1.15× the Arrow bytes.
 */
export type LoadFormat = 'csv' | 'arrow' | 'parquet' | 'geojson' | 'shapefile';

const GiB = 1024 ** 3;
/** 32-bit WebAssembly memory cannot exceed 4 GiB. */
export const WASM32_MEMORY_BYTES = 4 * GiB;
/** Room kept for queries (sorts, group-bys, results) and the engine itself. */
const HEADROOM_BYTES = 1 * GiB;

/**
 * Table size per file byte. Arrow is measured; CSV text is no smaller as columns than as
 * text in the worst case (short numbers); Parquet is compressed and can expand several
 * times (5× is a typical ceiling for event tables); GeoJSON and shapefiles become far
 * smaller geometry columns but are parsed in JavaScript first, which costs about as much.
 */
const TABLE_BYTES_PER_FILE_BYTE: Record<LoadFormat, number> = { arrow: 1.15, csv: 1, parquet: 5, geojson: 1, shapefile: 1 };

export interface MemoryVerdict {
  fits: boolean;
  /** Estimated peak engine memory for loading the file on top of what is in use. */
  neededBytes: number;
  /** What the engine can still take. */
  availableBytes: number;
}

/** Estimate whether a file of `fileBytes` in `format` can be loaded while the engine already uses `usedBytes`. */
export function checkLoadFits(fileBytes: number, format: LoadFormat, usedBytes = 0): MemoryVerdict {
  if (!Number.isFinite(fileBytes) || fileBytes < 0) throw new Error(`file size must be a non-negative number of bytes (got ${fileBytes})`);
  const neededBytes = Math.ceil(fileBytes * (1 + TABLE_BYTES_PER_FILE_BYTE[format]));
  const availableBytes = Math.max(0, WASM32_MEMORY_BYTES - HEADROOM_BYTES - usedBytes);
  return { fits: neededBytes <= availableBytes, neededBytes, availableBytes };
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2).toLocaleString('en-US')} MB`;

/** The refusal, in both languages, naming the file, its size and the limit, with what to do instead. */
export function tooLargeMessage(fileName: string, fileBytes: number, verdict: MemoryVerdict): { zh: string; en: string } {
  return inBothLanguages((m) => m.data.details.tooLarge, { file: fileName, size: mb(fileBytes), needed: mb(verdict.neededBytes), available: mb(verdict.availableBytes) });
}
