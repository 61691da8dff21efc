/**
 * How a delimited text file is written: everything a user may need to set to read a file
 * without editing it. sniff-dialect.ts guesses it; the page lets the user change each part.
 */
export interface CsvDialect {
  /** One or more characters between fields: ',', '\t', ';', '|', ' ', or a sequence such as ', '. */
  delimiter: string;
  /** The character that opens and closes a quoted field ('"' or "'"); '' reads quotes as text. */
  quote: string;
  /** How a quote is written inside a quoted field: doubled ("") or after a backslash (\"), which then also escapes itself and the delimiter. */
  escape: 'double' | 'backslash';
  /** Whether the first row read (after skipRows) names the columns; without one they are "column 1" … "column n". */
  header: boolean;
  /** Source lines dropped before the header: a title, an export note, a blank line, the first row of a two-row header. */
  skipRows: number;
  /** Lines starting with this text are ignored wherever they are ('' = none). */
  comment: string;
}

/** The delimiter is kept as a string: any text, up to a few characters, may separate fields. */
export type CsvDelimiter = string;

/** RFC 4180: what is assumed where nothing is sniffed or set. */
export const DEFAULT_DIALECT: Readonly<CsvDialect> = { delimiter: ',', quote: '"', escape: 'double', header: true, skipRows: 0, comment: '' };

/** A dialect from a partial one (or a bare delimiter, as older callers pass), the rest RFC 4180. */
export function completeDialect(dialect: CsvDelimiter | Partial<CsvDialect>): CsvDialect {
  if (typeof dialect === 'string') return { ...DEFAULT_DIALECT, delimiter: dialect };
  const defined = Object.fromEntries(Object.entries(dialect).filter(([, value]) => value !== undefined)) as Partial<CsvDialect>;
  const complete = { ...DEFAULT_DIALECT, ...defined };
  // An empty delimiter would match everywhere; a negative or fractional skip means nothing.
  if (complete.delimiter === '') complete.delimiter = DEFAULT_DIALECT.delimiter;
  complete.skipRows = Math.max(0, Math.floor(complete.skipRows) || 0);
  complete.quote = complete.quote.slice(0, 1);
  return complete;
}
