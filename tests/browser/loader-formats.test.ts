import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Float64, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoundaryModel, ingestEventsFile, initParquetReader, parseShapefileZip, readBoundaryFile, suggestMapping } from '../../src/ingest';
import { parseCsvRecords } from '../support/csv';
import { writeBigGeoJson } from '../support/big-geojson';
import { requireTestData } from '../support/test-data';
import { openBrowser, type BrowserSession } from '../../scripts/lib/browser-session';
import { startPreview } from '../../scripts/lib/preview-server';

/**
 * The same 2,000 events as CSV, JSON, GeoJSON points, Arrow IPC and Parquet through the real
 * file input: each is read in the loader worker (Parquet by the bundled parquet-wasm, under
 * the page's CSP), gets the same mapping suggestions and the same counts as the library in
 * Node. The Parquet file is then loaded to the map (its unknown categories filterable as
 * "Other"), and a zipped shapefile of grids is read.
 */
const ROWS = 2_000;
const SHAPEFILE = resolve('tests/fixtures/ingest/boundaries/grids-shapefile.zip');
const GRIDS = resolve('tests/fixtures/ingest/boundaries/grids.geojson');
const GCJ02_EVENTS = resolve('tests/fixtures/ingest/crs-gcj02.csv');


interface SourceEvent { event_id: string; category: string; lon: number; lat: number; reported_at: string; closed_at: string | null }

/** Every OTHER_EVERY-th event gets a category outside the taxonomy: kept as "other", with a legend entry and a chip. */
const OTHER_EVERY = 10;
const UNKNOWN_CATEGORY = '共享单车乱停';

function sourceEvents(dataDir: string): SourceEvent[] {
  return parseCsvRecords(readFileSync(join(dataDir, 'events.csv'), 'utf8')).slice(0, ROWS).map((r, i) => ({
    event_id: r.event_id!, category: i % OTHER_EVERY === 0 ? UNKNOWN_CATEGORY : r.category!, lon: Number(r.lon), lat: Number(r.lat),
    reported_at: r.reported_at!, closed_at: r.closed_at || null,
  }));
}

async function writeFormats(events: SourceEvent[], dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const put = (name: string, bytes: Uint8Array | string) => { writeFileSync(join(dir, name), bytes); files[name.split('.').pop()!] = join(dir, name); };
  put('events.csv', ['event_id,category,lon,lat,reported_at,closed_at', ...events.map((e) => [e.event_id, e.category, e.lon, e.lat, e.reported_at, e.closed_at ?? ''].join(','))].join('\n'));
  put('events.json', JSON.stringify(events));
  put('events.geojson', JSON.stringify({
    type: 'FeatureCollection',
    features: events.map(({ lon, lat, ...properties }) => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lon, lat] } })),
  }));
  const text = (key: keyof SourceEvent) => vectorFromArray(events.map((e) => e[key] as string | null), new Utf8());
  const arrow = tableToIPC(new Table({
    event_id: text('event_id'), category: text('category'), reported_at: text('reported_at'), closed_at: text('closed_at'),
    lon: vectorFromArray(events.map((e) => e.lon), new Float64()), lat: vectorFromArray(events.map((e) => e.lat), new Float64()),
  }), 'stream');
  put('events.arrow', arrow);
  const require = createRequire(import.meta.url);
  await initParquetReader(readFileSync(require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')));
  const parquet = await import('parquet-wasm/esm');
  put('events.parquet', parquet.writeParquet(parquet.Table.fromIPCStream(arrow)));
  return files;
}

describe('event and boundary formats through the data loader in headless Chromium', () => {
  const data = requireTestData();
  const scratch = mkdtempSync(join(tmpdir(), 'onemap-loader-formats-'));
  const events = sourceEvents(data.dir);
  let files: Record<string, string> = {};
  let server: Awaited<ReturnType<typeof startPreview>>;
  let session: BrowserSession;

  beforeAll(async () => {
    files = await writeFormats(events, scratch);
    server = await startPreview(data.dir);
    session = await openBrowser(server.url);
    await session.page.goto(`${server.url}/?lang=en&mode=data`);
    await session.page.getByTestId('data-loader').waitFor({ timeout: 180_000 });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  for (const format of ['csv', 'json', 'geojson', 'arrow', 'parquet']) {
    it(`reads ${format}: the columns suggested, the counts as the library gives them`, async () => {
      const page = session.page;
      await page.getByTestId('events-input').setInputFiles(files[format]!);
      await page.getByTestId('mapping-step').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('mapping-step').textContent()).toContain(`${ROWS.toLocaleString('en-US')} rows`);
      for (const column of ['event_id', 'category', 'reported_at', 'closed_at', 'lon', 'lat']) {
        expect(await page.getByTestId(`map-${column}`).inputValue(), column).not.toBe('');
      }
      await page.getByTestId('validate').click();
      await page.getByTestId('review-step').waitFor({ timeout: 60_000 });
      const expected = (await ingestEventsFile(new Uint8Array(readFileSync(files[format]!)), `events.${format}`)).result.counts;
      expect(expected.accepted).toBe(ROWS);
      for (const id of ['input', 'accepted', 'rejected', 'doubtful'] as const) {
        expect(Number(await page.getByTestId(`count-${id}`).getAttribute('data-value')), id).toBe(expected[id]);
      }
      if (format !== 'parquet') { await page.getByTestId('cancel').click(); return; }
      await page.getByTestId('confirm-load').click();
      await page.getByTestId('loader-done').waitFor({ timeout: 120_000 });
      expect(await page.getByTestId('loader-done').textContent()).toContain(`${ROWS.toLocaleString('en-US')}`);
      await page.getByTestId('open-map').click();
      await page.getByTestId('user-data-banner').waitFor({ timeout: 60_000 });
      await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 180_000 });
      // The unknown category is kept as "Other": a grey legend entry and a chip that filters to it.
      const times = events.map((e) => Date.parse(`${e.reported_at.replace(' ', 'T')}Z`));
      expect(Math.max(...times) - Math.min(...times), 'all events inside the 30-day KPI period').toBeLessThan(29 * 86_400_000);
      const intake = () => page.waitForFunction(() => document.querySelector('[data-testid="kpi-strip"]')?.getAttribute('aria-busy') === 'false'
        && document.querySelector('[data-testid="kpi-intake_period"]')?.getAttribute('data-value'), null, { timeout: 60_000 }).then((h) => h.jsonValue());
      expect(await intake()).toBe(String(ROWS));
      expect(await page.getByTestId('legend').textContent()).toContain('Other');
      await page.getByTestId('chip-other').click();
      await page.waitForFunction((n) => document.querySelector('[data-testid="kpi-intake_period"]')?.getAttribute('data-value') === n, String(ROWS / OTHER_EVERY), { timeout: 60_000 });
      await page.screenshot({ path: join('.cache', 'loader-formats-other.png') });
      await page.getByTestId('chip-other').click();
      expect(await intake()).toBe(String(ROWS));
      await page.getByTestId('back-to-demo').click();
      await page.getByTestId('user-data-banner').waitFor({ state: 'detached', timeout: 180_000 });
    });
  }

  it('reads a zipped shapefile of grids, as many as the library reads', async () => {
    const page = session.page;
    await page.getByTestId('mode-data').click();
    await page.getByTestId('boundaries-input').setInputFiles(SHAPEFILE);
    await page.getByTestId('boundary-file').waitFor({ timeout: 60_000 });
    const expected = await parseShapefileZip(new Uint8Array(readFileSync(SHAPEFILE)), 'grids-shapefile.zip');
    expect(expected.features.length).toBeGreaterThan(0);
    expect(Number(await page.getByTestId('boundary-file').getAttribute('data-accepted'))).toBe(expected.features.length);
    expect(Number(await page.getByTestId('boundary-file').getAttribute('data-rejected'))).toBe(expected.rejectedCount);
    expect(session.foreignRequests).toEqual([]);
  });

  it('hints the datum from the boundaries (worked out in the worker) and validates in the datum chosen', async () => {
    const page = session.page;
    await page.getByTestId('remove-boundaries').click();
    await page.getByTestId('boundary-list').waitFor({ state: 'detached' });
    await page.getByTestId('boundaries-input').setInputFiles(GRIDS);
    await page.getByTestId('boundary-file').waitFor({ timeout: 60_000 });
    await page.getByTestId('events-input').setInputFiles(GCJ02_EVENTS);
    await page.getByTestId('mapping-step').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('crs-select').inputValue()).toBe('wgs84');
    await page.getByTestId('datum-hint').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('datum-hint').textContent()).toContain('GCJ02');
    await page.getByTestId('datum-hint').getByRole('button').click();
    expect(await page.getByTestId('crs-select').inputValue()).toBe('gcj02');
    await page.getByTestId('datum-hint').waitFor({ state: 'detached', timeout: 60_000 });
    await page.getByTestId('validate').click();
    await page.getByTestId('review-step').waitFor({ timeout: 60_000 });
    const bytes = new Uint8Array(readFileSync(GCJ02_EVENTS));
    const grids = createBoundaryModel([await readBoundaryFile(readFileSync(GRIDS), 'grids.geojson')]);
    const header = readFileSync(GCJ02_EVENTS, 'utf8').split('\n')[0]!.split(',');
    const expected = (await ingestEventsFile(bytes, 'crs-gcj02.csv', { boundaries: grids, mapping: { ...suggestMapping(header), crs: 'gcj02' } })).result.counts;
    expect(expected.accepted).toBeGreaterThan(0);
    for (const id of ['input', 'accepted', 'rejected', 'doubtful'] as const) {
      expect(Number(await page.getByTestId(`count-${id}`).getAttribute('data-value')), id).toBe(expected[id]);
    }
    await page.getByTestId('cancel').click();
    await page.getByTestId('remove-boundaries').click();
    await page.getByTestId('boundary-list').waitFor({ state: 'detached' });
  });

  it('reads a 50 MB GeoJSON of boundaries in the worker while the page keeps painting', async () => {
    const page = session.page;
    const big = join(scratch, 'big-grids.geojson');
    const written = writeBigGeoJson(big);
    // Frames the page paints while the worker reads: a page blocked by the parse would paint none.
    await page.evaluate(() => {
      const state = { frames: 0, busySeen: false };
      (window as unknown as { __frames: typeof state }).__frames = state;
      const tick = () => {
        if (document.querySelector('[data-testid="loader-busy"]')) { state.busySeen = true; state.frames++; }
        if (!state.busySeen || document.querySelector('[data-testid="loader-busy"]')) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.getByTestId('boundaries-input').setInputFiles(big);
    await page.getByTestId('boundary-file').waitFor({ timeout: 240_000 });
    expect(Number(await page.getByTestId('boundary-file').getAttribute('data-accepted'))).toBe(written);
    expect(Number(await page.getByTestId('boundary-file').getAttribute('data-rejected'))).toBe(0);
    const frames = await page.evaluate(() => (window as unknown as { __frames: { frames: number } }).__frames.frames);
    expect(frames).toBeGreaterThan(10);
    await page.getByTestId('remove-boundaries').click();
  });
});
