import type { CsvDialect } from './csv-dialect';
import type { EncodingGuess } from './encoding-guess';
import { createIssue, type Issue } from './rules';
import type { SuspiciousText } from './suspicious';

/** How a text file was read, for the page to show and to let the user change (docs/ingest.md, "Encodings and CSV dialects"). */
export interface TextReadReport {
  /** What encoding detection found (the encoding used is RawTable.encoding). */
  guess: EncodingGuess;
  /** The dialect used and the one sniffed, for CSV and other delimited text. */
  dialect?: CsvDialect;
  sniffed?: CsvDialect;
  /** Lines from the start of the decoded text with typical mojibake. */
  suspicious: SuspiciousText[];
}

/**
 * A file read into rows of text cells, before any mapping: what every reader (CSV, JSON,
 * GeoJSON, Arrow, Parquet) produces. Cells stay text (null = empty) so that one
 * validator handles every format, and a value is never interpreted before it is checked.
 */
export interface RawTable {
  fileName: string;
  /** Column names, unique and non-empty (duplicates renamed "name (2)", empty ones "column 3"). */
  columns: string[];
  rows: (string | null)[][];
  /** For each row, where it starts in the source: CSV line number (header = 1), JSON record index + 1. */
  rowNumbers: Int32Array;
  /** Per row, a problem found while reading it that rejects it (e.g. too many fields); null when none. */
  rowProblems: (Issue | null)[];
  /** File-level findings (empty file, renamed columns) and doubtful row findings from reading. */
  issues: Issue[];
  /** How the bytes were decoded, for text formats. */
  encoding?: string;
  /** For text formats: the encoding guess, the dialect and suspicious characters. */
  textRead?: TextReadReport;
}

/** Column names made unique and non-empty, with one file-level issue per change. */
export function uniqueColumnNames(names: readonly string[], fileName: string): { columns: string[]; issues: Issue[] } {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  const columns = names.map((raw, index) => {
    let name = raw.trim();
    if (name === '') {
      name = `column ${index + 1}`;
      issues.push(createIssue(fileName, null, name, 'empty_column_name'));
    }
    if (seen.has(name)) {
      let n = 2;
      while (seen.has(`${name} (${n})`)) n++;
      const renamed = `${name} (${n})`;
      issues.push(createIssue(fileName, null, renamed, 'duplicate_column', name));
      name = renamed;
    }
    seen.add(name);
    return name;
  });
  return { columns, issues };
}

/** An empty table with one file-level issue (empty file, invalid JSON …). */
export function emptyTable(fileName: string, issue: Issue, columns: string[] = []): RawTable {
  return { fileName, columns, rows: [], rowNumbers: new Int32Array(0), rowProblems: [], issues: [issue] };
}
