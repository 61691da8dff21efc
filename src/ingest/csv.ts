import { inBothLanguages } from '../i18n';
import { emptyTable, uniqueColumnNames, type RawTable } from './raw-table';
import { createIssue, type Issue } from './rules';

const QUOTE = 34;
const LF = 10;
const CR = 13;

export type CsvDelimiter = ',' | '\t' | ';' | '|';
const CANDIDATES: readonly CsvDelimiter[] = [',', '\t', ';', '|'];

/** Counts of each candidate delimiter outside quotes in the first lines; picks the most consistent one. */
export function sniffDelimiter(text: string): CsvDelimiter {
  const sample = text.slice(0, 65_536);
  const perLine: number[][] = CANDIDATES.map(() => []);
  let counts = CANDIDATES.map(() => 0);
  let quoted = false;
  for (let i = 0; i < sample.length && perLine[0]!.length < 20; i++) {
    const c = sample[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (c === '\r' && sample[i + 1] === '\n') i++;
      counts.forEach((n, k) => perLine[k]!.push(n));
      counts = CANDIDATES.map(() => 0);
    } else if (!quoted) {
      const k = CANDIDATES.indexOf(c as CsvDelimiter);
      if (k >= 0) counts[k]!++;
    }
  }
  if (perLine[0]!.length === 0) counts.forEach((n, k) => perLine[k]!.push(n));
  // A delimiter that appears the same number of times on every line beats one that is merely frequent.
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  CANDIDATES.forEach((delimiter, k) => {
    const lines = perLine[k]!;
    const header = lines[0] ?? 0;
    if (header === 0) return;
    const consistent = lines.filter((n) => n === header).length / lines.length;
    const score = header * (consistent >= 0.8 ? 1000 : 1);
    if (score > bestScore) { bestScore = score; best = delimiter; }
  });
  return best;
}

function countLineBreaks(value: string): number {
  let breaks = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === LF) breaks++;
    else if (c === CR) { breaks++; if (value.charCodeAt(i + 1) === LF) i++; }
  }
  return breaks;
}

/**
 * RFC 4180 records, each with the source line it starts on. Quoted fields may hold
 * delimiters, doubled quotes and line breaks; CRLF, LF and CR all end a line (files
 * pasted together from several tools mix them). Unquoted fields are sliced by a
 * charCode scan and quoted ones by indexOf, which keeps ~1M rows in a few seconds.
 */
export function forEachCsvRecord(text: string, delimiter: CsvDelimiter, onRecord: (fields: string[], line: number, unterminated: boolean) => void): void {
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    let unterminated = false;
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        let value = '';
        let start = ++i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) { value += text.slice(start); i = n; unterminated = true; break; }
          if (text.charCodeAt(q + 1) === QUOTE) { value += text.slice(start, q + 1); i = q + 2; start = i; continue; }
          value += text.slice(start, q);
          i = q + 1;
          break;
        }
        // Text between a closing quote and the next delimiter is kept (lenient, as spreadsheets are).
        const rest = i;
        while (i < n) { const c = text.charCodeAt(i); if (c === delim || c === LF || c === CR) break; i++; }
        if (i > rest) value += text.slice(rest, i);
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) line += countLineBreaks(value);
        fields.push(value);
      } else {
        let j = i;
        while (j < n) { const c = text.charCodeAt(j); if (c === delim || c === LF || c === CR) break; j++; }
        fields.push(text.slice(i, j));
        i = j;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === delim) {
        i++;
        if (i >= n) { fields.push(''); break; }
        continue;
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    // A blank line holds no record (a lone empty field); it is skipped, not counted.
    if (fields.length === 1 && fields[0] === '' && !unterminated) continue;
    onRecord(fields, recordLine, unterminated);
  }
}

export interface CsvOptions { delimiter?: CsvDelimiter }

/** CSV/TSV text → a raw table: header from the first record, ragged and unterminated rows reported. */
export function parseCsv(text: string, fileName: string, options: CsvOptions = {}): RawTable & { delimiter: CsvDelimiter } {
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  if (text.trim() === '') return { ...emptyTable(fileName, createIssue(fileName, null, null, 'empty_file')), delimiter };
  let header: string[] | null = null;
  const rows: (string | null)[][] = [];
  const lines: number[] = [];
  const rowProblems: (Issue | null)[] = [];
  const readIssues: Issue[] = [];
  let width = 0;
  forEachCsvRecord(text, delimiter, (fields, line, unterminated) => {
    if (header === null) { header = fields; width = fields.length; return; }
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
  const names = uniqueColumnNames(header ?? [], fileName);
  const issues = [...names.issues, ...readIssues];
  if (rows.length === 0) issues.unshift(createIssue(fileName, null, null, 'header_only'));
  return { fileName, columns: names.columns, rows, rowNumbers: Int32Array.from(lines), rowProblems, issues, delimiter };
}
