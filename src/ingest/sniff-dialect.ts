import { DEFAULT_DIALECT, type CsvDelimiter, type CsvDialect } from './csv-dialect';
import { forEachCsvRecord } from './csv-records';

/** The start of the text the sniffer reads, and the records it looks at: enough to see the shape, fast on any file. */
const SNIFF_CHARS = 65_536;
const SNIFF_RECORDS = 60;
/** Multi-character delimiters first: where ", " fits as well as ",", the fields have no leading space. */
const DELIMITERS: readonly CsvDelimiter[] = [', ', ',', '\t', '; ', ';', '|'];
const QUOTES = ['"', "'"] as const;

interface RecordShape { line: number; fields: string[] }

function readShapes(sample: string, dialect: CsvDialect): RecordShape[] {
  const shapes: RecordShape[] = [];
  forEachCsvRecord(sample, dialect, (fields, line) => { shapes.push({ line, fields }); return shapes.length < SNIFF_RECORDS; });
  return shapes;
}

/** The field count most records have (the larger on a tie), and where the first such record is. */
function bodyWidth(shapes: readonly RecordShape[]): { width: number; firstAt: number } {
  const tally = new Map<number, number>();
  for (const shape of shapes) tally.set(shape.fields.length, (tally.get(shape.fields.length) ?? 0) + 1);
  let width = 0;
  let most = 0;
  for (const [count, n] of tally) if (n > most || (n === most && count > width)) { width = count; most = n; }
  return { width, firstAt: shapes.findIndex((shape) => shape.fields.length === width) };
}

/**
 * How well a dialect splits the sample: the body's width, times 1000 when at least 80 % of
 * the records from the first full-width one on have that width, times that share, less for
 * every leading record that had to be taken as a preamble. A delimiter that splits every
 * line the same way beats one that is merely frequent.
 */
function score(shapes: readonly RecordShape[]): number {
  const { width, firstAt } = bodyWidth(shapes);
  if (width <= 1 || firstAt < 0) return 0;
  // Only short leading records (a title, a note) are a preamble; a header of another width counts against the dialect.
  const preamble = isPreamble(shapes, width, firstAt) ? firstAt : 0;
  const counted = shapes.slice(preamble);
  const consistency = counted.filter((shape) => shape.fields.length === width).length / counted.length;
  return (width - 1) * (consistency >= 0.8 ? 1000 : 1) * consistency * (1 - (0.5 * preamble) / shapes.length);
}

/**
 * Leading records of at most half the body's width are a preamble (a title, an export
 * note); a header a field short of the rows (rows ending with a delimiter) is not.
 */
function isPreamble(shapes: readonly RecordShape[], width: number, firstAt: number): boolean {
  return firstAt > 0 && shapes.slice(0, firstAt).every((shape) => shape.fields.length <= width / 2);
}

/**
 * '#' when lines start with it — unless the only such line is the first one and splits like
 * the next (a header whose first column is named "#id").
 */
function sniffComment(sample: string): string {
  const lines = sample.split(/\r\n|\n|\r/, 200).filter((line) => line.trim() !== '');
  const commented = lines.filter((line) => line.startsWith('#'));
  if (commented.length === 0) return '';
  const separators = (line: string) => line.replace(/[^,;\t|]/g, '').length;
  if (commented.length === 1 && lines[0] === commented[0] && lines.length > 1 && separators(lines[0]!) === separators(lines[1]!)) return '';
  return '#';
}

/** A number (with a decimal point or comma) or a date: what a data row has and a header does not. */
const VALUE_LIKE = /^\s*(?:[-+]?\d+(?:[.,]\d+)*|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}.*|\d{1,2}\/\d{1,2}\/\d{2,4}.*)\s*$/;

/**
 * The dialect of a delimited text, from its first records: delimiter (',', tab, ';', '|',
 * ', ', '; ', and space when it splits the lines far more evenly than the others), quote character, escape style,
 * comment lines, preamble lines to skip and whether a header row is there. Every guess is
 * shown to the user, who can change it (docs/ingest.md, "Encodings and CSV dialects").
 */
export function sniffDialect(text: string): CsvDialect {
  const sample = text.slice(0, SNIFF_CHARS);
  const comment = sniffComment(sample);
  let best: CsvDialect = { ...DEFAULT_DIALECT, comment };
  let bestScore = 0;
  const consider = (dialect: CsvDialect, weight = 1) => {
    const value = score(readShapes(sample, dialect)) * weight;
    if (value > bestScore) { best = dialect; bestScore = value; }
  };
  for (const quote of QUOTES) {
    // A quote character is only tried where it opens a field: apostrophes inside text are not quotes.
    if (quote !== DEFAULT_DIALECT.quote && !new RegExp(`(?:^|[,;\\t| ])${quote}`, 'm').test(sample)) continue;
    // Backslash escapes are only tried where a backslash stands before a quote.
    const escapes: CsvDialect['escape'][] = sample.includes(`\\${quote}`) ? ['double', 'backslash'] : ['double'];
    for (const escape of escapes) for (const delimiter of DELIMITERS) consider({ ...DEFAULT_DIALECT, delimiter, quote, escape, comment });
  }
  // Space at half weight and for three columns or more: text values and times hold spaces in
  // any CSV, so space must split the lines far more evenly than the others to win.
  const spaced = { ...DEFAULT_DIALECT, delimiter: ' ', comment };
  if (bodyWidth(readShapes(sample, spaced)).width >= 3) consider(spaced, 0.5);
  const shapes = readShapes(sample, best);
  const { width, firstAt } = bodyWidth(shapes);
  const preamble = isPreamble(shapes, width, firstAt);
  const skipRows = preamble ? shapes[firstAt]!.line - 1 : 0;
  const first = preamble ? shapes[firstAt] : shapes[0];
  const header = !first || !first.fields.some((field) => VALUE_LIKE.test(field));
  return { ...best, skipRows, header };
}

/** The sniffed delimiter alone (kept for callers that only need it). */
export function sniffDelimiter(text: string): CsvDelimiter {
  return sniffDialect(text).delimiter;
}
