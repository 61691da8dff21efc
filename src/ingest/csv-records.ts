import { completeDialect, type CsvDelimiter, type CsvDialect } from './csv-dialect';

const LF = 10;
const CR = 13;
const BACKSLASH = 92;

function countLineBreaks(value: string): number {
  let breaks = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === LF) breaks++;
    else if (c === CR) { breaks++; if (value.charCodeAt(i + 1) === LF) i++; }
  }
  return breaks;
}

export type OnRecord = (fields: string[], line: number, unterminated: boolean) => void | boolean;

/**
 * RFC 4180 records with a one-character delimiter: unquoted fields are sliced by a charCode
 * scan and quoted ones by indexOf, which keeps ~1M rows in a few seconds.
 */
function forEachSimpleRecord(text: string, start: number, firstLine: number, delimiter: string, quoteChar: string, onRecord: OnRecord): void {
  const delim = delimiter.charCodeAt(0);
  // -1 never matches a character: a dialect without quoting reads every quote as text.
  const quote = quoteChar === '' ? -1 : quoteChar.charCodeAt(0);
  const n = text.length;
  let i = start;
  let line = firstLine;
  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    let unterminated = false;
    for (;;) {
      if (text.charCodeAt(i) === quote) {
        let value = '';
        let start = ++i;
        for (;;) {
          const q = text.indexOf(quoteChar, i);
          if (q < 0) { value += text.slice(start); i = n; unterminated = true; break; }
          if (text.charCodeAt(q + 1) === quote) { value += text.slice(start, q + 1); i = q + 2; start = i; continue; }
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
    if (onRecord(fields, recordLine, unterminated) === false) return;
  }
}


/**
 * Records of any other dialect: a delimiter of several characters, backslash escapes,
 * comment lines. A character-by-character scan, slower than forEachSimpleRecord, which
 * is why that one is kept for the common case.
 */
function forEachDialectRecord(text: string, start: number, firstLine: number, dialect: CsvDialect, onRecord: OnRecord): void {
  const { delimiter, comment } = dialect;
  const delimFirst = delimiter.charCodeAt(0);
  const delimLength = delimiter.length;
  const quote = dialect.quote === '' ? -1 : dialect.quote.charCodeAt(0);
  const backslash = dialect.escape === 'backslash';
  const isDelimiter = (at: number): boolean => text.charCodeAt(at) === delimFirst && (delimLength === 1 || text.startsWith(delimiter, at));
  const n = text.length;
  let i = start;
  let line = firstLine;
  while (i < n) {
    if (comment !== '' && text.startsWith(comment, i)) {
      while (i < n && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
      if (i < n) { i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1; line++; }
      continue;
    }
    const recordLine = line;
    const fields: string[] = [];
    let unterminated = false;
    for (;;) {
      let value = '';
      let from = i;
      if (text.charCodeAt(i) === quote) {
        from = ++i;
        for (;;) {
          if (i >= n) { value += text.slice(from); unterminated = true; break; }
          const c = text.charCodeAt(i);
          if (backslash && c === BACKSLASH && i + 1 < n) { value += text.slice(from, i) + text[i + 1]; i += 2; from = i; continue; }
          if (c === quote) {
            if (!backslash && text.charCodeAt(i + 1) === quote) { value += text.slice(from, i + 1); i += 2; from = i; continue; }
            value += text.slice(from, i);
            i++;
            break;
          }
          i++;
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) line += countLineBreaks(value);
        from = i;
      }
      // Unquoted text, or what follows a closing quote up to the delimiter (kept, as spreadsheets do).
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === LF || c === CR || isDelimiter(i)) break;
        if (backslash && c === BACKSLASH && i + 1 < n && text.charCodeAt(i + 1) !== LF && text.charCodeAt(i + 1) !== CR) {
          value += text.slice(from, i) + text[i + 1];
          i += 2;
          from = i;
          continue;
        }
        i++;
      }
      value += text.slice(from, i);
      fields.push(value);
      if (i >= n) break;
      if (isDelimiter(i)) {
        i += delimLength;
        if (i >= n) { fields.push(''); break; }
        continue;
      }
      i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    if (fields.length === 1 && fields[0] === '' && !unterminated) continue;
    if (onRecord(fields, recordLine, unterminated) === false) return;
  }
}

/** Where the text after `lines` source lines starts (raw lines: a preamble is not CSV). */
function skipLines(text: string, lines: number): number {
  let i = 0;
  for (let skipped = 0; skipped < lines && i < text.length; skipped++) {
    while (i < text.length && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
    if (i < text.length) i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
  }
  return i;
}

/**
 * Records, each with the source line it starts on (skipped and comment lines counted, so
 * that messages name the line a user sees in an editor). Quoted fields may hold
 * delimiters, escaped quotes and line breaks; CRLF, LF and CR all end a line (files
 * pasted together from several tools mix them). Blank lines hold no record. `onRecord`
 * may return false to stop (the sniffer reads only the first records).
 */
export function forEachCsvRecord(text: string, dialect: CsvDelimiter | Partial<CsvDialect>, onRecord: OnRecord): void {
  const complete = completeDialect(dialect);
  const start = skipLines(text, complete.skipRows);
  const firstLine = complete.skipRows + 1;
  if (complete.delimiter.length === 1 && complete.escape === 'double' && complete.comment === '') forEachSimpleRecord(text, start, firstLine, complete.delimiter, complete.quote, onRecord);
  else forEachDialectRecord(text, start, firstLine, complete, onRecord);
}
