import type { RawTable } from './raw-table';
import { detectEventFormat, readEventsFile, readEventsText, type ReadOptions } from './read';

/** Bytes read from the start of a large text file for the mapping step. */
const PREVIEW_BYTES = 1 << 20;

/**
 * The header and first rows of an events file, for the column-mapping step: a CSV of
 * hundreds of MB is not parsed in full before the user has confirmed the mapping. Only
 * the first megabyte is decoded; a record cut at its end is left out. Other formats are
 * read in full (JSON must be, Arrow and Parquet are cheap to read) and cut to `maxRows`.
 */
export async function previewEventsFile(bytes: Uint8Array, fileName: string, maxRows = 50, options: ReadOptions = {}): Promise<RawTable> {
  const format = detectEventFormat(bytes, fileName);
  const cut = (table: RawTable): RawTable => ({
    ...table, rows: table.rows.slice(0, maxRows), rowNumbers: table.rowNumbers.slice(0, maxRows), rowProblems: table.rowProblems.slice(0, maxRows),
    issues: table.issues.filter((issue) => issue.row === null || issue.row <= (table.rowNumbers[maxRows - 1] ?? Infinity)),
  });
  if (format !== 'csv' || bytes.length <= PREVIEW_BYTES) return cut(await readEventsFile(bytes, fileName, format, options));
  const table = readEventsText(bytes.subarray(0, PREVIEW_BYTES), fileName, 'csv', options, true);
  // The last record may be cut by the byte limit: drop it unless the preview is that short anyway.
  const complete = table.rows.length > 1 ? cut({ ...table, rows: table.rows.slice(0, -1), rowNumbers: table.rowNumbers.slice(0, -1), rowProblems: table.rowProblems.slice(0, -1) }) : cut(table);
  return complete;
}
