import { readArrowIpc } from './arrow';
import { parseCsv } from './csv';
import type { CsvDialect } from './csv-dialect';
import { decodeText, type TextEncodingName } from './decode';
import { parseJsonEvents } from './json';
import { readParquet } from './parquet';
import type { RawTable } from './raw-table';
import { findSuspiciousText } from './suspicious';

export type EventFileFormat = 'csv' | 'json' | 'arrow' | 'parquet';

/**
 * The format of an events file, from its first bytes (Parquet's "PAR1", Arrow's "ARROW1"
 * or a stream's continuation marker, a JSON opening bracket) and then its extension:
 * content wins because files are often renamed (.txt, .dat) on their way to a user.
 */
export function detectEventFormat(bytes: Uint8Array, fileName: string): EventFileFormat {
  const ascii = (start: number, text: string): boolean => [...text].every((c, i) => bytes[start + i] === c.charCodeAt(0));
  if (ascii(0, 'PAR1')) return 'parquet';
  if (ascii(0, 'ARROW1') || (bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff)) return 'arrow';
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (extension === 'parquet') return 'parquet';
  if (extension === 'arrow' || extension === 'arrows' || extension === 'ipc' || extension === 'feather') return 'arrow';
  if (extension === 'json' || extension === 'geojson' || extension === 'ndjson') return 'json';
  // Skip a BOM and whitespace to see whether the text starts like JSON.
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (bytes[i] === 0x5b || bytes[i] === 0x7b) return 'json';
  return 'csv';
}

/** What a user may set to read a text file differently from the guesses; anything left out is detected. */
export interface ReadOptions {
  encoding?: TextEncodingName;
  dialect?: Partial<CsvDialect>;
}

/** Decoded and parsed text (CSV or JSON) with what was detected and used, for the page to show. */
export function readEventsText(bytes: Uint8Array, fileName: string, format: 'csv' | 'json', options: ReadOptions = {}, partial = false): RawTable {
  const { text, encoding, guess } = decodeText(bytes, partial, options.encoding);
  const suspicious = findSuspiciousText(text);
  if (format === 'json') return { ...parseJsonEvents(text, fileName), encoding, textRead: { guess, suspicious } };
  const { delimiter: _delimiter, dialect, sniffed, ...table } = parseCsv(text, fileName, options.dialect);
  return { ...table, encoding, textRead: { guess, dialect, sniffed, suspicious } };
}

/** Any supported events file → a raw table, with the encoding used and what was detected for text formats. */
export async function readEventsFile(bytes: Uint8Array, fileName: string, format: EventFileFormat = detectEventFormat(bytes, fileName), options: ReadOptions = {}): Promise<RawTable> {
  if (format === 'parquet') return readParquet(bytes, fileName);
  if (format === 'arrow') return readArrowIpc(bytes, fileName);
  return readEventsText(bytes, fileName, format, options);
}
