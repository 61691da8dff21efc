import { inBothLanguages } from '../i18n';
import { completeDialect, type CsvDelimiter, type CsvDialect } from './csv-dialect';
import { forEachCsvRecord } from './csv-records';
import { emptyTable, uniqueColumnNames, type RawTable } from './raw-table';
import { createIssue, type Issue } from './rules';
import { sniffDialect } from './sniff-dialect';

export { forEachCsvRecord } from './csv-records';
export { sniffDelimiter, sniffDialect } from './sniff-dialect';
export { DEFAULT_DIALECT, type CsvDelimiter, type CsvDialect } from './csv-dialect';

/** Options of parseCsv: any part of the dialect; what is not given is sniffed from the text. */
export type CsvOptions = Partial<CsvDialect>;

/** Names for a file without a header row, by position as a spreadsheet's user counts them. */
export function positionalColumnNames(width: number): string[] {
  return Array.from({ length: width }, (_, i) => `column ${i + 1}`);
}

/** CSV/TSV text → a raw table: header from the first record (or positional names), ragged and unterminated rows reported. */
export function parseCsv(text: string, fileName: string, options: CsvOptions = {}): RawTable & { delimiter: CsvDelimiter; dialect: CsvDialect; sniffed: CsvDialect } {
  const sniffed = sniffDialect(text);
  const dialect = completeDialect({ ...sniffed, ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) });
  const delimiter = dialect.delimiter;
  if (text.trim() === '') return { ...emptyTable(fileName, createIssue(fileName, null, null, 'empty_file')), delimiter, dialect, sniffed };
  let header: string[] | null = null;
  const rows: (string | null)[][] = [];
  const lines: number[] = [];
  const rowProblems: (Issue | null)[] = [];
  let width = -1;
  forEachCsvRecord(text, dialect, (fields, line, unterminated) => {
    if (width < 0) {
      width = fields.length;
      if (dialect.header) { header = fields; return; }
    }
    let problem: Issue | null = null;
    if (unterminated) problem = createIssue(fileName, line, null, 'unterminated_quote');
    else if (fields.length > width) problem = createIssue(fileName, line, null, 'ragged_row_long', null, inBothLanguages((m) => m.data.details.fieldCount, { fields: fields.length, width }));
    // A short row is rejected too: a missing separator shifts every later field into the wrong
    // column (a time under "category"), and nothing says which one is missing.
    else if (fields.length < width) problem = createIssue(fileName, line, null, 'ragged_row_short', null, inBothLanguages((m) => m.data.details.fieldCount, { fields: fields.length, width }));
    // The fields array becomes the row (no copy: a million rows make a second array per row costly).
    // A long row keeps its extra fields, so the rejected-rows download shows all of it.
    const row = fields as (string | null)[];
    for (let k = 0; k < row.length; k++) if (row[k] === '') row[k] = null;
    while (row.length < width) row.push(null);
    rows.push(row);
    lines.push(line);
    rowProblems.push(problem);
  });
  const names = dialect.header ? uniqueColumnNames(header ?? [], fileName) : { columns: positionalColumnNames(Math.max(0, width)), issues: [] };
  const issues = [...names.issues];
  if (rows.length === 0) issues.unshift(createIssue(fileName, null, null, width < 0 ? 'empty_file' : 'header_only'));
  return { fileName, columns: names.columns, rows, rowNumbers: Int32Array.from(lines), rowProblems, issues, delimiter, dialect, sniffed };
}
