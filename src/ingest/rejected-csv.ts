import type { RawTable } from './raw-table';
import type { Issue } from './rules';
import type { ValidationResult } from './validate';

/** A plain decimal number, signed or with an exponent: a spreadsheet reads it as that number, runs nothing. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading
 * apostrophe; a plain number does not, so that a negative longitude comes back as the
 * number when the fixed rows are loaded again.
 */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The rejected rows as CSV for download: file, row, rules, messages (zh and en), then the
 * row's own cells under its own header. UTF-8 with a BOM so that Excel reads Chinese;
 * formula-like cells neutralised so that opening the file runs nothing.
 */
export function rejectedRowsCsv(table: RawTable, result: Pick<ValidationResult, 'issues' | 'rejectedRows'>): string {
  const byRow = new Map<number, Issue[]>();
  for (const issue of result.issues) {
    if (issue.row === null || issue.outcome !== 'rejected') continue;
    const list = byRow.get(issue.row);
    if (list) list.push(issue); else byRow.set(issue.row, [issue]);
  }
  const width = Math.max(table.columns.length, ...Array.from(result.rejectedRows, (r) => table.rows[r]!.length));
  const extra = Array.from({ length: width - table.columns.length }, (_, k) => `extra ${k + 1}`);
  const lines = [['file', 'row', 'rules', 'message_zh', 'message_en', ...table.columns, ...extra].map(csvCell).join(',')];
  for (const r of result.rejectedRows) {
    const rowNo = table.rowNumbers[r]!;
    const issues = byRow.get(rowNo) ?? [];
    const cells = [table.fileName, String(rowNo), issues.map((i) => i.rule).join('; '), issues.map((i) => i.zh).join('\n'), issues.map((i) => i.en).join('\n')];
    const row = table.rows[r]!;
    for (let k = 0; k < width; k++) cells.push(row[k] ?? '');
    lines.push(cells.map((c) => csvCell(c === '' ? null : c)).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
