import type { Table } from 'apache-arrow';
import { createColumnReaders, type ReaderOptions } from './cell-text';

/** Excel reads a CSV as UTF-8 only when it starts with this byte-order mark (otherwise Chinese turns to mojibake). */
export const UTF8_BOM = '\uFEFF';

/** First characters that make Excel, LibreOffice or Sheets treat a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe to open in a spreadsheet: a leading apostrophe keeps "=1+1" or
 * "@SUM(A1)" as text. Only text cells pass through here: a number such as -5 stays a number.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The table as CSV: UTF-8 with a BOM, a header row, CRLF line ends, NULL as an empty
 * field. Text cells are neutralised against formula injection; numbers, booleans and
 * times are written as they are. Column names are text from the user's SQL: neutralised too.
 */
export function toCsv(table: Table, options: ReaderOptions = {}): string {
  const readers = createColumnReaders(table, options);
  const lines: string[] = [readers.map((r) => csvField(neutraliseFormula(r.name))).join(',')];
  for (let row = 0; row < table.numRows; row++) {
    const fields = readers.map((reader) => {
      const text = reader.text(row);
      if (text === null) return '';
      return csvField(reader.kind === 'text' || reader.kind === 'other' ? neutraliseFormula(text) : text);
    });
    lines.push(fields.join(','));
  }
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
