/**
 * The bad-input corpus of issue 8 (tests/fixtures/README.md): each file, read and
 * validated as the app does, must give exactly these counts and these messages (file,
 * row and rule named), and nothing may be lost: accepted + rejected = input rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBoundaryModel, decodeText, ingestCsvInChunks, parseCsv, readBoundaryFile, readEventsFile, rejectedResult, rejectedRowsCsv, suggestMapping, validateEvents, type BoundaryModel } from '../../src/ingest';

const DIR = join(__dirname, '../fixtures/ingest');

interface CorpusCase {
  file: string;
  /** Validate against tests/fixtures/ingest/boundaries/grids.geojson. */
  boundaries: boolean;
  input: number;
  rejected: number;
  doubtful: number;
  /** English messages that must be among the issues, exactly (a trailing * matches a prefix: the JSON parser's own words vary). */
  messages: string[];
  encoding?: string;
}

const CASES: CorpusCase[] = [
  { file: 'empty.csv', boundaries: true, input: 0, rejected: 0, doubtful: 0, messages: ['empty.csv: The file is empty [empty_file]'] },
  { file: 'header-only.csv', boundaries: true, input: 0, rejected: 0, doubtful: 0, messages: ['header-only.csv: The file has a header but no data rows [header_only]'] },
  { file: 'quoted.csv', boundaries: true, input: 4, rejected: 0, doubtful: 0, messages: [] },
  { file: 'mixed-line-endings.csv', boundaries: true, input: 4, rejected: 0, doubtful: 0, messages: [] },
  { file: 'utf8-bom.csv', boundaries: true, input: 3, rejected: 0, doubtful: 0, messages: [], encoding: 'utf-8-bom' },
  { file: 'gb18030.csv', boundaries: true, input: 3, rejected: 0, doubtful: 0, messages: [], encoding: 'gb18030' },
  { file: 'tab-separated.tsv', boundaries: true, input: 2, rejected: 0, doubtful: 0, messages: [] },
  { file: 'semicolon.csv', boundaries: true, input: 2, rejected: 0, doubtful: 0, messages: [] },
  {
    file: 'ragged.csv', boundaries: true, input: 4, rejected: 2, doubtful: 0, messages: [
      'ragged.csv, row 3: Fewer fields than the header (a missing separator or a stray quote): the fields cannot be matched to columns: 5 fields, header has 6 [ragged_row_short]',
      'ragged.csv, row 4: More fields than the header: the fields cannot be matched to columns: 7 fields, header has 6 [ragged_row_long]',
    ],
  },
  {
    file: 'duplicate-columns.csv', boundaries: true, input: 2, rejected: 0, doubtful: 0, messages: [
      'duplicate-columns.csv, column "经度 (2)": Duplicate column name, renamed ("经度") [duplicate_column]',
      'duplicate-columns.csv, column "column 7": Empty column name, named by position [empty_column_name]',
    ],
  },
  {
    file: 'values-coordinates.csv', boundaries: true, input: 10, rejected: 5, doubtful: 3, messages: [
      'values-coordinates.csv, row 3, column "经度": Longitude and latitude look swapped and were swapped back ("28.445, 119.905") [coordinates_swapped]',
      'values-coordinates.csv, row 4, column "经度": Coordinates out of range (longitude −180…180, latitude −90…90) ("190.5, 28.445") [coordinates_out_of_range]',
      'values-coordinates.csv, row 5, column "经度": Coordinates are (0,0), taken as missing ("0, 0") [coordinates_zero]',
      'values-coordinates.csv, row 6, column "经度": The point lies outside all boundaries ("120.5, 28.0") [outside_boundaries]',
      'values-coordinates.csv, row 7, column "经度": Coordinates are not numbers ("abc, 28.445") [coordinates_unparseable]',
      'values-coordinates.csv, row 8, column "经度": No coordinates: counted by grid code, not drawn on the map [coordinates_missing]',
      'values-coordinates.csv, row 9, column "经度": Neither coordinates nor a grid code [location_missing]',
      'values-coordinates.csv, row 10, column "网格编码": Grid code not among the boundaries: reassigned from the coordinates to 331102001001 ("999999") [grid_code_unknown]',
    ],
  },
  {
    file: 'values-times.csv', boundaries: true, input: 21, rejected: 7, doubtful: 0, messages: [
      'values-times.csv, row 15, column "上报时间": Impossible date or time ("2024-02-30 10:00:00") [time_impossible]',
      'values-times.csv, row 16, column "上报时间": Impossible date or time ("2023-02-29") [time_impossible]',
      'values-times.csv, row 17, column "上报时间": Impossible date or time ("2024-13-01") [time_impossible]',
      'values-times.csv, row 18, column "上报时间": Impossible date or time ("2024-01-01 24:00:00") [time_impossible]',
      'values-times.csv, row 19, column "上报时间": Impossible date or time ("13/26/2019 01:00:00 PM") [time_impossible]',
      'values-times.csv, row 20, column "上报时间": Unrecognised timestamp ("yesterday") [time_unparseable]',
      'values-times.csv, row 21, column "上报时间": A required value is empty [required_value_empty]',
    ],
  },
  {
    file: 'values-lifecycle.csv', boundaries: true, input: 5, rejected: 3, doubtful: 0, messages: [
      'values-lifecycle.csv, row 3, column "办结时间": Lifecycle timestamps out of order: closed_at 2026-02-28 08:00:00 < reported_at 2026-03-01 08:00:00 [lifecycle_out_of_order]',
      'values-lifecycle.csv, row 4, column "受理时间": Lifecycle timestamps out of order: accepted_at 2026-03-01 07:00:00 < reported_at 2026-03-01 08:00:00 [lifecycle_out_of_order]',
      'values-lifecycle.csv, row 5, column "办结时限": Lifecycle timestamps out of order: due_at 2026-02-01 08:00:00 < reported_at 2026-03-01 08:00:00 [lifecycle_out_of_order]',
    ],
  },
  {
    file: 'values-ids-severity-category.csv', boundaries: true, input: 12, rejected: 2, doubtful: 6, messages: [
      'values-ids-severity-category.csv, row 3, column "事件编号": Duplicate event id (the first occurrence is kept): first seen on row 2 ("D01") [duplicate_id]',
      'values-ids-severity-category.csv, row 4, column "紧急程度": Severity outside 1–4, set to empty ("0") [severity_out_of_range]',
      'values-ids-severity-category.csv, row 5, column "紧急程度": Severity outside 1–4, set to empty ("5") [severity_out_of_range]',
      'values-ids-severity-category.csv, row 7, column "紧急程度": Unrecognised value, set to empty ("很严重") [value_unknown]',
      'values-ids-severity-category.csv, row 8, column "事件类型": Unknown category, counted as "other"; the original text is kept (category_text) ("外星人入侵") [category_unknown]',
      'values-ids-severity-category.csv, row 11, column "上报时间": Unrecognised timestamp ("not a time") [time_unparseable]',
      'values-ids-severity-category.csv, row 13, column "事件编号": No event id: one was made from the file name and row number [id_generated]',
    ],
  },
  {
    file: 'hostile.csv', boundaries: true, input: 8, rejected: 1, doubtful: 2, messages: [
      'hostile.csv, row 5, column "事件描述": Control characters removed from the text [control_characters]',
      'hostile.csv, row 6, column "事件描述": Text too long, cut: 5000 characters, 4000 kept [text_too_long]',
      'hostile.csv, row 8, column "上报时间": Unrecognised timestamp ("not a time") [time_unparseable]',
    ],
  },
  {
    file: 'nyc-311-sample.csv', boundaries: false, input: 5, rejected: 2, doubtful: 1, messages: [
      'nyc-311-sample.csv, row 4, column "Closed Date": Lifecycle timestamps out of order: closed_at 2019-05-26 09:00:00 < reported_at 2019-05-27 08:15:00 [lifecycle_out_of_order]',
      'nyc-311-sample.csv, row 5, column "Complaint Type": Unknown category, counted as "other"; the original text is kept (category_text) ("Rodent") [category_unknown]',
      'nyc-311-sample.csv, row 6, column "Longitude": Neither coordinates nor a grid code [location_missing]',
    ],
  },
  // Encodings and dialects of issue #14 (their own tests: ingest-encoding, ingest-dialect); here they must validate like the rest.
  { file: 'windows-1252.csv', boundaries: false, input: 4, rejected: 0, doubtful: 1, messages: [], encoding: 'windows-1252' },
  { file: 'big5.csv', boundaries: true, input: 3, rejected: 0, doubtful: 0, messages: [], encoding: 'big5' },
  { file: 'shift-jis.csv', boundaries: true, input: 3, rejected: 0, doubtful: 0, messages: [], encoding: 'shift_jis' },
  { file: 'utf16le-nobom.csv', boundaries: true, input: 3, rejected: 0, doubtful: 0, messages: [], encoding: 'utf-16le' },
  { file: 'dialect-preamble.csv', boundaries: true, input: 3, rejected: 0, doubtful: 0, messages: [] },
  { file: 'dialect-comments.csv', boundaries: true, input: 3, rejected: 0, doubtful: 0, messages: [] },
  { file: 'dialect-space.txt', boundaries: true, input: 3, rejected: 0, doubtful: 0, messages: [] },
  { file: 'dialect-comma-space.csv', boundaries: true, input: 3, rejected: 0, doubtful: 0, messages: [] },
  { file: 'dialect-single-quote.csv', boundaries: true, input: 3, rejected: 0, doubtful: 0, messages: [] },
  { file: 'dialect-backslash-escape.csv', boundaries: true, input: 3, rejected: 0, doubtful: 0, messages: [] },
  { file: 'events.json', boundaries: true, input: 4, rejected: 1, doubtful: 0, messages: ['events.json, row 3: The record is not an object ("\\"not an object\\"") [not_an_object]'] },
  {
    file: 'events.geojson', boundaries: true, input: 4, rejected: 1, doubtful: 1, messages: [
      'events.geojson, row 3, column "geometry": The feature is not a Point ("LineString") [geometry_not_point]',
      'events.geojson, row 4, column "lon": No coordinates: counted by grid code, not drawn on the map [coordinates_missing]',
    ],
  },
  { file: 'not-events.json', boundaries: true, input: 0, rejected: 0, doubtful: 0, messages: ['not-events.json: Unsupported JSON shape (expected an array of objects or a FeatureCollection of Points): type = "Topology" [unsupported_json]'] },
  { file: 'invalid.json', boundaries: true, input: 0, rejected: 0, doubtful: 0, messages: ['invalid.json: Invalid JSON: *'] },
];

let model: BoundaryModel | null = null;
async function boundaries(): Promise<BoundaryModel> {
  model ??= createBoundaryModel([await readBoundaryFile(readFileSync(join(DIR, 'boundaries/grids.geojson')), 'grids.geojson')]);
  return model;
}

describe('ingest corpus: each bad input gives its message and loses nothing', () => {
  it.each(CASES)('$file: $rejected of $input rows rejected', async (test) => {
    const table = await readEventsFile(readFileSync(join(DIR, test.file)), test.file);
    if (test.encoding) expect(table.encoding).toBe(test.encoding);
    const mapping = suggestMapping(table.columns);
    const index = test.boundaries ? await boundaries() : null;
    const result = validateEvents(table, mapping, index ? { boundaries: index.index, knownGridCodes: index.gridCodes } : {});
    expect(result.counts).toEqual({ input: test.input, accepted: test.input - test.rejected, rejected: test.rejected, doubtful: test.doubtful });
    const messages = result.issues.map((issue) => issue.en);
    for (const message of test.messages) {
      if (message.endsWith('*')) expect(messages.some((m) => m.startsWith(message.slice(0, -1)))).toBe(true);
      else expect(messages).toContain(message);
    }
    // Nothing dropped: every row is accepted or rejected, once; every rejected row has a rejecting reason.
    const all = [...result.acceptedRows, ...result.rejectedRows].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: test.input }, (_, i) => i));
    for (const r of result.rejectedRows) {
      expect(result.issues.some((issue) => issue.row === table.rowNumbers[r] && issue.outcome === 'rejected')).toBe(true);
    }
    expect(result.events.length).toBe(result.counts.accepted);
    // The download holds exactly the rejected rows, after its header.
    const download = parseCsv(rejectedRowsCsv(table, result).slice(1), 'rejected.csv');
    expect(download.rows.length).toBe(test.rejected);
    expect(download.columns.slice(0, 5)).toEqual(['file', 'row', 'rules', 'message_zh', 'message_en']);
  });

  it('names file, row and rule in Chinese too', async () => {
    const table = await readEventsFile(readFileSync(join(DIR, 'values-lifecycle.csv')), 'values-lifecycle.csv');
    const result = validateEvents(table, suggestMapping(table.columns), {});
    expect(result.issues[0]!.zh).toBe('values-lifecycle.csv，第 3 行，列 "办结时间"：流转时间顺序颠倒：closed_at 2026-02-28 08:00:00 < reported_at 2026-03-01 08:00:00 [lifecycle_out_of_order]');
  });

  it('reads the same rows from UTF-8, UTF-8 with BOM and GB18030', async () => {
    const read = async (file: string) => (await readEventsFile(readFileSync(join(DIR, file)), file));
    const [plain, bom, gb] = await Promise.all([read('utf8.csv'), read('utf8-bom.csv'), read('gb18030.csv')]);
    expect(plain.encoding).toBe('utf-8');
    expect(bom.columns).toEqual(plain.columns);
    expect(gb.columns).toEqual(plain.columns);
    expect(bom.rows).toEqual(plain.rows);
    expect(gb.rows).toEqual(plain.rows);
    expect(gb.rows[1]![13]).toBe('井盖缺失，"危险"！');
    expect(gb.rows[2]![13]).toBe('𠀀生僻字与〇测试');
  });

  it('keeps hostile text as data and neutralises formulas only in the rejected-rows download', async () => {
    const table = await readEventsFile(readFileSync(join(DIR, 'hostile.csv')), 'hostile.csv');
    const result = validateEvents(table, suggestMapping(table.columns), { ...(await boundaries()), boundaries: (await boundaries()).index });
    const description = new Map(result.events.event_id.map((id, i) => [id, result.events.description[i]]));
    expect(description.get('H01')).toBe('<img src=x onerror=alert(1)>');
    expect(description.get('H02')).toBe("'; DROP TABLE events; --");
    expect(description.get('H03')).toBe('Robert\'); DROP TABLE students;--  "quoted"');
    expect(description.get('H04')).toBe('bell and [31mred[0m and nul end');
    expect(description.get('H05')).toBe('A'.repeat(4000));
    expect(description.get('H06')).toBe('=HYPERLINK("http://example.invalid","click")');
    expect(description.get('H08')).toBe('\u202eevil\u202c 反向文字 <b>bold</b> &amp; ${7*7} {{7*7}}');
    expect(table.columns).toContain('x");DROP TABLE events;--');
    const download = rejectedRowsCsv(table, result);
    expect(download.startsWith('\ufeff')).toBe(true);
    expect(download).toContain(`H07,not a time,噪声扰民,119.905,28.445,'=1+1,'+cmd,'@SUM(A1)`);
  });
});

describe('chunked ingest of large CSV files gives the same answer as the whole-file path', () => {
  const CSV_FILES = CASES.map((c) => c.file).filter((file) => /\.(csv|tsv)$/.test(file));
  it.each(CSV_FILES)('%s in chunks of 3 rows', async (file) => {
    const bytes = readFileSync(join(DIR, file));
    const table = await readEventsFile(bytes, file);
    const mapping = suggestMapping(table.columns);
    const index = await boundaries();
    const options = { boundaries: index.index, knownGridCodes: index.gridCodes };
    const whole = validateEvents(table, mapping, options);
    const chunked = ingestCsvInChunks(decodeText(bytes).text, file, mapping, { ...options, chunkRows: 3 });
    expect(chunked.counts).toEqual(whole.counts);
    expect(chunked.issues.map((i) => i.en)).toEqual(whole.issues.map((i) => i.en));
    expect(rejectedRowsCsv(chunked.rejected, rejectedResult(chunked))).toBe(rejectedRowsCsv(table, whole));
  });
});
