/**
 * Ingest output on a real DuckDB (the wasm build the browser uses): the events table gets
 * the app's types, values come back as loaded, hostile text and column names stay data.
 * Also the Arrow IPC and Parquet readers, on files written at test time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Float64, Int32, Table, TimestampMillisecond, Utf8, tableToIPC, vectorFromArray, Dictionary, Int8, type DataType, type Vector } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeDatabase } from '../../src/engine/node';
import { EVENT_COLUMN_TYPES } from '../../src/sql/load';
import { addMissingOptionalColumns, schemaProblem } from '../../src/engine/refresh';
import { sqlIdentifier } from '../../src/sql/literal';
import { createBoundaryModel, eventsToArrowIpc, formatLocalTimestamp, ingestCsvInChunks, ingestEventsFile, initParquetReader, loadEventBatches, rawTableToArrowIpc, readArrowIpc, readBoundaryFile, readEventsFile, readParquet, suggestMapping, validateEvents } from '../../src/ingest';

const DIR = join(__dirname, '../fixtures/ingest');
let db: Awaited<ReturnType<typeof createNodeDatabase>>;
beforeAll(async () => { db = await createNodeDatabase(); });
afterAll(async () => { await db.close(); });

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await db.query(sql)).toArray().map((row) => row.toJSON() as Record<string, unknown>);
}

describe('ingest → DuckDB', () => {
  it('loads accepted events into an events table with the app\'s column types', async () => {
    const boundaries = createBoundaryModel([await readBoundaryFile(readFileSync(join(DIR, 'boundaries/grids.geojson')), 'grids.geojson')]);
    const { result, ipc } = await ingestEventsFile(readFileSync(join(DIR, 'gb18030.csv')), 'gb18030.csv', { boundaries });
    await db.query('DROP TABLE IF EXISTS events');
    await db.insertArrowIpc('events', ipc);
    const types = Object.fromEntries((await rows('DESCRIBE events')).map((r) => [r.column_name, r.column_type]));
    expect(types).toEqual(EVENT_COLUMN_TYPES);
    const loaded = await rows(`SELECT event_id, channel, category, subcategory, severity, lon, lat, grid_code, department, status,
      strftime(reported_at, '%Y-%m-%d %H:%M:%S') AS reported, strftime(closed_at, '%Y-%m-%d %H:%M:%S') AS closed, description FROM events ORDER BY event_id`);
    expect(loaded.length).toBe(result.counts.accepted);
    expect(loaded[0]).toEqual({
      event_id: 'GB001', channel: 'hotline', category: 'noise', subcategory: '施工噪声', severity: 1, lon: 119.905, lat: 28.445, grid_code: '331102001001',
      department: '综合执法局', status: 'closed', reported: '2026-03-01 08:00:00', closed: '2026-03-01 12:00:00', description: '夜间施工噪声扰民，请处理。',
    });
    expect(loaded.map((r) => [r.event_id, r.category, r.severity, r.status, r.reported])).toEqual([
      ['GB001', 'noise', 1, 'closed', '2026-03-01 08:00:00'],
      ['GB002', 'manhole', 2, 'reported', '2026-03-01 09:05:00'],
      ['GB003', 'appearance', 3, 'reported', '2026-03-01 10:07:00'],
    ]);
  });

  it('gives back hostile values byte for byte, as data', async () => {
    const { result, ipc } = await ingestEventsFile(readFileSync(join(DIR, 'hostile.csv')), 'hostile.csv');
    await db.query('DROP TABLE IF EXISTS events');
    await db.insertArrowIpc('events', ipc);
    const loaded = await rows('SELECT event_id, description FROM events ORDER BY event_id');
    const expected = result.events.event_id.map((id, i) => ({ event_id: id, description: result.events.description[i] })).sort((a, b) => a.event_id.localeCompare(b.event_id));
    expect(loaded).toEqual(expected);
    expect(loaded.find((r) => r.event_id === 'H02')!.description).toBe("'; DROP TABLE events; --");
    expect((await rows('SELECT count(*)::INTEGER AS n FROM events'))[0]!.n).toBe(7);
  });

  it('appends the Arrow batches of a chunked ingest into one table', async () => {
    const bytes = readFileSync(join(DIR, 'values-ids-severity-category.csv'));
    const table = await readEventsFile(bytes, 'values-ids-severity-category.csv');
    const chunked = ingestCsvInChunks(new TextDecoder().decode(bytes), 'values-ids-severity-category.csv', suggestMapping(table.columns), { chunkRows: 4 });
    expect(chunked.batches.length).toBe(3);
    await loadEventBatches(db, chunked.batches);
    const loaded = await rows('SELECT count(*)::INTEGER AS n, count(DISTINCT event_id)::INTEGER AS ids FROM events');
    expect(loaded[0]).toEqual({ n: chunked.counts.accepted, ids: chunked.counts.accepted });
  });

  it('keeps SQL-injection column names as names when the raw file is loaded as it is', async () => {
    const table = await readEventsFile(readFileSync(join(DIR, 'hostile.csv')), 'hostile.csv');
    await db.query('DROP TABLE IF EXISTS raw_upload');
    await db.insertArrowIpc('raw_upload', rawTableToArrowIpc(table));
    const names = (await rows('DESCRIBE raw_upload')).map((r) => r.column_name);
    expect(names).toEqual(table.columns);
    const injected = table.columns[6]!;
    expect(injected).toBe('x");DROP TABLE events;--');
    const values = await rows(`SELECT ${sqlIdentifier(injected)} AS v FROM raw_upload ORDER BY rowid`);
    expect(values.map((r) => r.v)).toEqual(table.rows.map((row) => row[6]));
    expect((await rows("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'events'"))[0]!.n).toBe(1);
  });

  it('writes nulls for empty timestamps, coordinates and severities', async () => {
    const { ipc } = await ingestEventsFile(readFileSync(join(DIR, 'values-coordinates.csv')), 'values-coordinates.csv');
    await db.query('DROP TABLE IF EXISTS events');
    await db.insertArrowIpc('events', ipc);
    const v07 = (await rows("SELECT lon, lat, closed_at, severity, grid_code FROM events WHERE event_id = 'V07'"))[0];
    expect(v07).toEqual({ lon: null, lat: null, closed_at: null, severity: 1, grid_code: '331102001001' });
  });

  it('keeps the file\'s own category word beside "other", without taking the subcategory\'s place (issue #14 point 7)', async () => {
    const { ipc } = await ingestEventsFile(readFileSync(join(DIR, 'nyc-311-sample.csv')), 'nyc-311-sample.csv');
    await db.query('DROP TABLE IF EXISTS events');
    await db.insertArrowIpc('events', ipc);
    expect(await rows("SELECT category, subcategory, category_text FROM events WHERE event_id = '41234004'")).toEqual([{ category: 'other', subcategory: 'Rat Sighting', category_text: 'Rodent' }]);
    // A known category keeps its own word too (the taxonomy's code is in category).
    expect(await rows("SELECT category, category_text FROM events WHERE event_id = '41234001'")).toEqual([{ category: 'noise', category_text: 'Noise - Residential' }]);
  });

  it('adds category_text, empty, to events made before it existed, so that a stored dataset still loads', async () => {
    const { result } = await ingestEventsFile(readFileSync(join(DIR, 'utf8.csv')), 'utf8.csv');
    await db.query('DROP TABLE IF EXISTS old_events');
    await db.insertArrowIpc('old_events', eventsToArrowIpc(result.events));
    await db.query('ALTER TABLE old_events DROP COLUMN category_text');
    const columns = async () => (await rows("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'old_events' ORDER BY ordinal_position")) as { column_name: string; data_type: string }[];
    expect(schemaProblem(await columns())).toBeNull();
    await addMissingOptionalColumns(db, 'old_events');
    expect((await columns()).map((c) => c.column_name)).toEqual(Object.keys(EVENT_COLUMN_TYPES));
    expect(await rows('SELECT count(*)::INTEGER AS n FROM old_events WHERE category_text IS NOT NULL')).toEqual([{ n: 0 }]);
  });
});

function arrowSample(): Uint8Array {
  const vectors: Record<string, Vector<DataType>> = {
    event_id: vectorFromArray(['A1', 'A2', 'A3'], new Utf8()),
    reported_at: vectorFromArray([Date.UTC(2026, 2, 1, 8, 0, 0), Date.UTC(2026, 2, 1, 9, 30, 0), null], new TimestampMillisecond()),
    closed_at_utc: vectorFromArray([Date.UTC(2026, 2, 1, 2, 0, 0), null, null], new TimestampMillisecond('UTC')),
    category: vectorFromArray(['noise', 'parking', 'noise'], new Dictionary(new Utf8(), new Int32())),
    severity: vectorFromArray([1, 5, 2], new Int8()),
    lon: vectorFromArray([119.905, 119.915, 119.925], new Float64()),
    lat: vectorFromArray([28.445, 28.455, 28.465], new Float64()),
  };
  return tableToIPC(new Table(vectors), 'stream');
}

describe('Arrow IPC and Parquet events', () => {
  const mapping = { version: 1 as const, crs: 'wgs84' as const, columns: { event_id: 'event_id', reported_at: 'reported_at', closed_at: 'closed_at_utc', category: 'category', severity: 'severity', lon: 'lon', lat: 'lat' } };

  it('reads Arrow IPC with wall-clock and zoned timestamps and dictionary text', () => {
    const table = readArrowIpc(arrowSample(), 'sample.arrow');
    expect(table.rows).toEqual([
      ['A1', '2026-03-01 08:00:00', '2026-03-01T02:00:00.000Z', 'noise', '1', '119.905', '28.445'],
      ['A2', '2026-03-01 09:30:00', null, 'parking', '5', '119.915', '28.455'],
      ['A3', null, null, 'noise', '2', '119.925', '28.465'],
    ]);
    const result = validateEvents(table, mapping);
    expect(result.counts).toEqual({ input: 3, accepted: 2, rejected: 1, doubtful: 1 });
    // 02:00 UTC is 10:00 in the city.
    expect(formatLocalTimestamp(result.events.closed_at[0]!)).toBe('2026-03-01 10:00:00');
    expect(result.issues.map((i) => i.en)).toEqual([
      'sample.arrow, row 2, column "severity": Severity outside 1–4, set to empty ("5") [severity_out_of_range]',
      'sample.arrow, row 3, column "reported_at": A required value is empty [required_value_empty]',
    ]);
  });

  it('reads Parquet (written by parquet-wasm) into the same rows as the Arrow file', async () => {
    const require = createRequire(import.meta.url);
    expect((await readParquet(new Uint8Array([0x50, 0x41, 0x52, 0x31]), 'early.parquet')).issues[0]!.en).toBe('early.parquet: The file cannot be read: the Parquet reader was not started (initParquetReader) [unsupported_file]');
    await initParquetReader(readFileSync(require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')));
    const parquet = await import('parquet-wasm/esm');
    const bytes = parquet.writeParquet(parquet.Table.fromIPCStream(arrowSample()));
    const fromParquet = await readParquet(bytes, 'sample.parquet');
    expect(fromParquet.rows).toEqual(readArrowIpc(arrowSample(), 'sample.arrow').rows);
    const detected = await readEventsFile(bytes, 'renamed.bin');
    expect(detected.rows.length).toBe(3);
    const broken = await readParquet(new TextEncoder().encode('PAR1 not really'), 'broken.parquet');
    expect(broken.issues[0]!.rule).toBe('unsupported_file');
  });

  it('refuses bytes that are not Arrow with a message', () => {
    const table = readArrowIpc(new Uint8Array([1, 2, 3, 4]), 'junk.arrow');
    expect(table.rows).toEqual([]);
    expect(table.issues[0]!.en).toMatch(/^junk\.arrow: The file cannot be read: not readable Arrow IPC/);
  });

  it('round-trips the events of the demo CSV through validation into DuckDB unchanged', async () => {
    const csv = readFileSync(join(__dirname, '../fixtures/ingest/utf8.csv'));
    const table = await readEventsFile(csv, 'utf8.csv');
    const result = validateEvents(table, suggestMapping(table.columns));
    await db.query('DROP TABLE IF EXISTS events');
    await db.insertArrowIpc('events', eventsToArrowIpc(result.events));
    expect((await rows('SELECT count(*)::INTEGER AS n, count(DISTINCT event_id)::INTEGER AS ids FROM events'))[0]).toEqual({ n: 3, ids: 3 });
  });
});
