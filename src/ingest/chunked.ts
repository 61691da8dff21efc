import { inBothLanguages } from '../i18n';
import { forEachCsvRecord, positionalColumnNames, sniffDialect, type CsvDelimiter, type CsvDialect } from './csv';
import { completeDialect } from './csv-dialect';
import type { EventMapping } from './mapping';
import { uniqueColumnNames, type RawTable } from './raw-table';
import { createIssue, type Issue, type RuleId } from './rules';
import { eventsToArrowIpc } from './to-table';
import { validateEvents, type ValidateOptions, type ValidationCounts } from './validate';

export interface ChunkedIngestResult {
  counts: ValidationCounts;
  byRule: Partial<Record<RuleId, number>>;
  /** Every issue, file-level first. */
  issues: Issue[];
  /** The rejected rows only (with their source row numbers), for rejectedRowsCsv with `rejectedResult`. */
  rejected: RawTable;
  /** Arrow IPC streams of the accepted events, one per chunk, to insert in order (insertArrowIpc appends). */
  batches: Uint8Array[];
}

/**
 * A large CSV text validated and encoded in chunks of `chunkRows` records: each chunk's
 * rows are dropped once its accepted events are Arrow bytes, so memory stays flat instead
 * of holding every cell of a million rows as a string (which made the garbage collector
 * the main cost at 1M rows). Duplicate ids are found across chunks.
 */
export function ingestCsvInChunks(text: string, fileName: string, mapping: EventMapping, options: Omit<ValidateOptions, 'seenIds' | 'skipFileIssues' | 'onProgress'> & { delimiter?: CsvDelimiter; dialect?: Partial<CsvDialect>; chunkRows?: number; onProgress?: (rowsDone: number) => void } = {}): ChunkedIngestResult {
  // The same dialect parseCsv would use: the sniffed one, with what the caller sets on top.
  const dialect = completeDialect({ ...sniffDialect(text), ...options.dialect, ...(options.delimiter ? { delimiter: options.delimiter } : {}) });
  const chunkRows = options.chunkRows ?? 50_000;
  const seenIds = new Map<string, number>();
  const counts: ValidationCounts = { input: 0, accepted: 0, rejected: 0, doubtful: 0 };
  const byRule: Partial<Record<RuleId, number>> = {};
  const issues: Issue[] = [];
  const batches: Uint8Array[] = [];
  let columns: string[] | null = null;
  let width = 0;
  const rejected: RawTable = { fileName, columns: [], rows: [], rowNumbers: new Int32Array(0), rowProblems: [], issues: [] };
  const rejectedLines: number[] = [];
  let chunk: RawTable | null = null;
  let chunkIndex = 0;

  const flush = (): void => {
    if (!chunk) return;
    // The caller's onProgress counts rows of the whole file, reported here per chunk; the validator's own would count within a chunk.
    const { onProgress: _wholeFile, delimiter: _delimiter, dialect: _dialect, ...validateOptions } = options;
    const result = validateEvents(chunk, mapping, { ...validateOptions, seenIds, skipFileIssues: chunkIndex > 0 });
    chunkIndex++;
    counts.input += result.counts.input;
    counts.accepted += result.counts.accepted;
    counts.rejected += result.counts.rejected;
    counts.doubtful += result.counts.doubtful;
    for (const [rule, n] of Object.entries(result.byRule)) byRule[rule as RuleId] = (byRule[rule as RuleId] ?? 0) + (n ?? 0);
    for (const issue of result.issues) issues.push(issue);
    for (const r of result.rejectedRows) { rejected.rows.push(chunk.rows[r]!); rejectedLines.push(chunk.rowNumbers[r]!); rejected.rowProblems.push(chunk.rowProblems[r] ?? null); }
    if (result.counts.accepted > 0) batches.push(eventsToArrowIpc(result.events));
    options.onProgress?.(counts.input);
    chunk = null;
  };

  forEachCsvRecord(text, dialect, (fields, line, unterminated) => {
    if (columns === null) {
      const names = dialect.header ? uniqueColumnNames(fields, fileName) : { columns: positionalColumnNames(fields.length), issues: [] };
      columns = names.columns;
      width = fields.length;
      rejected.columns = columns;
      issues.push(...names.issues);
      if (dialect.header) return;
    }
    chunk ??= { fileName, columns, rows: [], rowNumbers: new Int32Array(chunkRows), rowProblems: [], issues: [] };
    let problem: Issue | null = null;
    if (unterminated) problem = createIssue(fileName, line, null, 'unterminated_quote');
    else if (fields.length > width) problem = createIssue(fileName, line, null, 'ragged_row_long', null, inBothLanguages((m) => m.data.details.fieldCount, { fields: fields.length, width }));
    // Rejected like a long row: the fields of a short one cannot be matched to columns (see csv.ts).
    else if (fields.length < width) problem = createIssue(fileName, line, null, 'ragged_row_short', null, inBothLanguages((m) => m.data.details.fieldCount, { fields: fields.length, width }));
    const row = fields as (string | null)[];
    for (let k = 0; k < row.length; k++) if (row[k] === '') row[k] = null;
    while (row.length < width) row.push(null);
    chunk.rowNumbers[chunk.rows.length] = line;
    chunk.rows.push(row);
    chunk.rowProblems.push(problem);
    if (chunk.rows.length === chunkRows) flush();
  });
  if (chunk !== null) {
    const last: RawTable = chunk;
    chunk = { ...last, rowNumbers: last.rowNumbers.slice(0, last.rows.length) };
    flush();
  }
  if (columns === null) issues.unshift(createIssue(fileName, null, null, 'empty_file'));
  else if (counts.input === 0) issues.unshift(createIssue(fileName, null, null, 'header_only'));
  rejected.rowNumbers = Int32Array.from(rejectedLines);
  return { counts, byRule, issues, rejected, batches };
}

/** The shape rejectedRowsCsv expects, for the rejected rows of a chunked ingest. */
export function rejectedResult(result: ChunkedIngestResult): { issues: Issue[]; rejectedRows: Int32Array } {
  return { issues: result.issues, rejectedRows: Int32Array.from(result.rejected.rows, (_, i) => i) };
}
