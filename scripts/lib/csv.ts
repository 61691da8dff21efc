/** A small RFC 4180 parser: an implementation independent of DuckDB's reader, for tests and the plain-JS baseline. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  forEachCsvRow(text, (row) => { rows.push(row); });
  return rows;
}

/** Call `onRow` for each row in turn, so that a million-row file is never held twice. */
export function forEachCsvRow(text: string, onRow: (row: string[]) => void): void {
  const reader = new CsvRowReader(onRow);
  reader.push(text);
  reader.end();
}

/**
 * The same parser fed text in pieces (a file larger than the longest string V8 allows,
 * about 512 MB, read in parts): a row or a quoted field may span pieces.
 */
export class CsvRowReader {
  private row: string[] = [];
  private field = '';
  private quoted = false;
  /** A '"' or '\r' that ended the last piece, whose meaning depends on the next character. */
  private carry = '';

  constructor(private readonly onRow: (row: string[]) => void) {}

  push(piece: string): void {
    const text = this.carry + piece;
    this.carry = '';
    const last = text.length - 1;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (i === last && (c === '\r' || (this.quoted && c === '"'))) { this.carry = c; return; }
      if (this.quoted) {
        if (c === '"' && text[i + 1] === '"') { this.field += '"'; i++; }
        else if (c === '"') this.quoted = false;
        else this.field += c;
      } else if (c === '"') this.quoted = true;
      else if (c === ',') { this.row.push(this.field); this.field = ''; }
      else if (c === '\n' || c === '\r') {
        if (c === '\r' && text[i + 1] === '\n') i++;
        this.emit();
      } else this.field += c;
    }
  }

  end(): void {
    const carry = this.carry;
    this.carry = '';
    if (carry === '"') this.quoted = false;
    if (carry === '\r') { this.emit(); return; }
    if (this.field !== '' || this.row.length > 0) this.emit();
  }

  private emit(): void {
    this.row.push(this.field);
    this.onRow(this.row);
    this.row = [];
    this.field = '';
  }
}

/** Rows as records keyed by the header; empty fields become null. */
export function parseCsvRecords(text: string): Record<string, string | null>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] === '' || cells[i] === undefined ? null : cells[i]!])));
}
