/**
 * CSV dialects (issue #14 point 5): the sniffed delimiter, quote, escape, header, skipped
 * rows and comment lines; the rows and their true source line numbers; and overrides.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forEachCsvRecord, ingestCsvInChunks, parseCsv, readEventsFile, sniffDialect, suggestMapping, validateEvents, type CsvDialect, type EventMapping } from '../../src/ingest';

const DIR = join(__dirname, '../fixtures/ingest');
const text = (name: string) => readFileSync(join(DIR, name), 'utf8');
const RFC: CsvDialect = { delimiter: ',', quote: '"', escape: 'double', header: true, skipRows: 0, comment: '' };
const HEADER = ['event_id', 'reported_at', 'category', 'lon', 'lat', 'description'];
const DESCRIPTIONS = ['loud, late music', 'blocked "fire" lane, again', 'square dance, speakers'];

describe('dialect sniffing: each fixture gives its dialect, the same three rows and the lines they are on', () => {
  it.each([
    { file: 'dialect-preamble.csv', dialect: { skipRows: 3 }, lines: [5, 6, 7] },
    { file: 'dialect-comments.csv', dialect: { comment: '#' }, lines: [4, 6, 7] },
    { file: 'dialect-space.txt', dialect: { delimiter: ' ' }, lines: [2, 3, 4] },
    { file: 'dialect-comma-space.csv', dialect: { delimiter: ', ' }, lines: [2, 3, 4] },
    { file: 'dialect-single-quote.csv', dialect: { quote: "'" }, lines: [2, 3, 4] },
    { file: 'dialect-backslash-escape.csv', dialect: { escape: 'backslash' }, lines: [2, 3, 4] },
    { file: 'dialect-no-header.csv', dialect: { header: false }, lines: [1, 2, 3] },
  ] as const)('$file', ({ file, dialect, lines }) => {
    const sniffed = sniffDialect(text(file));
    expect(sniffed).toEqual({ ...RFC, ...dialect });
    const table = parseCsv(text(file), file);
    expect(table.columns).toEqual(dialect.header === false ? ['column 1', 'column 2', 'column 3', 'column 4', 'column 5', 'column 6'] : HEADER);
    expect(table.rows.map((row) => row[0])).toEqual(['D1', 'D2', 'D3']);
    expect(Array.from(table.rowNumbers)).toEqual(lines);
    expect(table.rowProblems).toEqual([null, null, null]);
    if (file === 'dialect-backslash-escape.csv') expect(table.rows.map((row) => row[5])).toEqual(['loud, late music "1", see', 'blocked "fire" lane, again', 'square dance, speakers "3", see']);
    else expect(table.rows.map((row) => row[5])).toEqual(DESCRIPTIONS);
  });

  it('keeps the plain cases plain', () => {
    expect(sniffDialect('a,b,c\n1,2,3\n')).toEqual(RFC);
    expect(sniffDialect("name,note\nO'Brien,it's fine\n").quote).toBe('"');
    expect(sniffDialect('#id,name,value\n1,a,2\n').comment).toBe('');
    // A header one field short of rows that end with a delimiter is still the header.
    expect(sniffDialect('a,b,c\n1,2,3,\n4,5,6,\n').skipRows).toBe(0);
  });
});

describe('each dialect fixture validates as events', () => {
  const mapping = (columns: string[]): EventMapping => (columns[0] === 'column 1'
    ? { ...suggestMapping(columns), columns: { event_id: 'column 1', reported_at: 'column 2', category: 'column 3', lon: 'column 4', lat: 'column 5', description: 'column 6' } }
    : suggestMapping(columns));
  it.each(['dialect-preamble.csv', 'dialect-comments.csv', 'dialect-space.txt', 'dialect-comma-space.csv', 'dialect-single-quote.csv', 'dialect-backslash-escape.csv', 'dialect-no-header.csv'])('%s: 3 accepted, whole and in chunks', async (file) => {
    const table = await readEventsFile(readFileSync(join(DIR, file)), file);
    const whole = validateEvents(table, mapping(table.columns));
    expect(whole.counts).toEqual({ input: 3, accepted: 3, rejected: 0, doubtful: 0 });
    expect(whole.events.description[1]).toContain('fire');
    const chunked = ingestCsvInChunks(text(file), file, mapping(table.columns), { chunkRows: 2 });
    expect(chunked.counts).toEqual(whole.counts);
  });
});

describe('dialect overrides', () => {
  it('changes the result when the user sets a part of the dialect', () => {
    const preamble = text('dialect-preamble.csv');
    // Without skipping, the title is the header: every row is ragged.
    const unskipped = parseCsv(preamble, 'p.csv', { skipRows: 0 });
    expect(unskipped.columns).toEqual(['Events export: Liandu district', 'March 2026']);
    expect(unskipped.rowProblems.slice(-4).every((p) => p?.rule === 'ragged_row_long')).toBe(true);
    // A line number stays the source line after skipping.
    const skipTwo = parseCsv(preamble, 'p.csv', { skipRows: 4, header: false });
    expect(Array.from(skipTwo.rowNumbers)).toEqual([5, 6, 7]);
    const tab = parseCsv(text('dialect-comma-space.csv'), 'c.csv', { delimiter: ',' });
    expect(tab.columns[1]).toBe('reported_at');
    expect(tab.rowProblems.every((p) => p?.rule === 'ragged_row_long')).toBe(true);
    const semicolon = parseCsv('a;b\n1;2\n', 's.csv', { delimiter: '|' });
    expect(semicolon.columns).toEqual(['a;b']);
    expect(parseCsv(text('dialect-no-header.csv'), 'n.csv', { header: true }).columns[0]).toBe('D1');
    expect(parseCsv(text('dialect-comments.csv'), 'c.csv', { comment: '' }).columns).toEqual(['# Events export', 'March 2026']);
  });

  it('reads with the override through readEventsFile and reports the sniffed dialect beside it', async () => {
    const table = await readEventsFile(readFileSync(join(DIR, 'dialect-preamble.csv')), 'dialect-preamble.csv', 'csv', { dialect: { skipRows: 1 } });
    expect(table.textRead?.sniffed?.skipRows).toBe(3);
    expect(table.textRead?.dialect?.skipRows).toBe(1);
  });

  it('parses a multi-character delimiter, a quote of choice and backslash escapes', () => {
    const records: string[][] = [];
    forEachCsvRecord('a::b::c\n"x::y"::\\::z::w\n', { ...RFC, delimiter: '::', escape: 'backslash' }, (fields) => { records.push(fields); });
    expect(records).toEqual([['a', 'b', 'c'], ['x::y', '::z', 'w']]);
    const quoted: string[][] = [];
    forEachCsvRecord("'it''s',\"b\"\n", { ...RFC, quote: "'" }, (fields) => { quoted.push(fields); });
    expect(quoted).toEqual([["it's", '"b"']]);
  });
});
