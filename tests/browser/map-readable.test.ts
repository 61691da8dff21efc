import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetPeriod } from '../../src/sql/period';
import { unitMeasures } from '../../src/sql/unit-measures';
import { NO_DATA_HEX } from '../../src/map/palette';
import { parseCsvRecords } from '../support/csv';
import { requireTestData } from '../support/test-data';
import { openBrowser, type BrowserSession } from '../../scripts/lib/browser-session';
import { startPreview } from '../../scripts/lib/preview-server';

/** The deck.gl layers are drawn and the basemap went idle (MapView's data-layer-drawn). */
const MAP_DRAWN = '[data-testid="map"][data-layer-drawn="true"]';
/** A fixed camera over 莲都区 at zoom 9, so the hexagons' radius is known (1 km). */
const CAMERA = 'v=119.9,28.45,9';
/** Dashboard.tsx's MIN_MAP_VOLUME (not imported: that would pull the whole page into the test). */
const MIN_MAP_VOLUME = 5;

// --- Independent counts, from the dataset's CSV, written here rather than imported from src/. ---

/** deck.gl's common space for lon/lat: Web Mercator, 512 units around the world. */
function mercator(lon: number, lat: number): [number, number] {
  const phi = (lat * Math.PI) / 180;
  return [(512 * (lon + 180)) / 360, (512 * (Math.PI + Math.log(Math.tan(Math.PI / 4 + phi / 2)))) / (2 * Math.PI)];
}

/** The hexagon (column, row) of a point in a pointy-top hex grid of `radius` (d3-hexbin's rule, as deck.gl bins). */
function hexOf(x: number, y: number, radius: number): string {
  const dx = 2 * Math.sin(Math.PI / 3), dy = 1.5;
  const py = y / radius / dy;
  let row = Math.round(py);
  const px = x / radius / dx - (row & 1) / 2;
  let col = Math.round(px);
  const py1 = py - row;
  if (Math.abs(py1) * 3 > 1) {
    const px1 = px - col;
    const col2 = col + (px < col ? -1 : 1) / 2;
    const row2 = row + (py < row ? -1 : 1);
    const px2 = px - col2, py2 = py - row2;
    if (px1 * px1 + py1 * py1 > px2 * px2 + py2 * py2) { col = col2 + (row & 1 ? 1 : -1) / 2; row = row2; }
  }
  return `${col},${row}`;
}

/** Fewest and most points per hexagon of `radius` metres, binned as deck.gl's HexagonLayer does on the CPU. */
function hexagonRange(points: readonly { lon: number; lat: number }[], radius: number): [number, number] {
  // The layer's grid: its radius in common units at the middle of the data's bounds.
  const lats = points.map((p) => p.lat);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const radiusCommon = (512 / 40.03e6 / Math.cos((midLat * Math.PI) / 180)) * radius;
  const counts = new Map<string, number>();
  for (const p of points) {
    const [x, y] = mercator(p.lon, p.lat);
    const key = hexOf(x, y, radiusCommon);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const values = [...counts.values()];
  return [Math.min(...values), Math.max(...values)];
}

describe('a readable map in headless Chromium (#15 points 7–9)', () => {
  const data = requireTestData();
  const events = parseCsvRecords(readFileSync(join(data.dir, 'events.csv'), 'utf8'));
  const period = presetPeriod('30d', data.asOf);
  // The events the map draws by default: reported in the last 30 days, at float32 precision as on the GPU.
  const shown = events.filter((e) => e.reported_at! >= period.start && e.reported_at! < period.end && e.lon && e.lat)
    .map((e) => ({ id: e.event_id!, lon: Math.fround(Number(e.lon)), lat: Math.fround(Number(e.lat)) }));
  let server: Awaited<ReturnType<typeof startPreview>>;
  let session: BrowserSession;

  beforeAll(async () => {
    server = await startPreview(data.dir);
    session = await openBrowser(server.url);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('the hexagon legend gives the fewest and most events per hexagon, as counted independently, and the radius', async () => {
    await session.page.goto(`${server.url}/?lang=en&layer=hexagon&${CAMERA}`);
    await session.page.waitForSelector(MAP_DRAWN, { timeout: 120_000 });
    expect(Number(await session.page.getByTestId('map').getAttribute('data-point-count'))).toBe(shown.length);
    const scale = session.page.getByTestId('legend-hexagon-scale');
    await scale.waitFor({ timeout: 60_000 });
    const radius = Number(await scale.getAttribute('data-radius-m'));
    expect(radius).toBe(1000);
    expect(await scale.textContent()).toContain('radius 1 km');
    const [legendMin, legendMax] = await expectHexagonLegend(hexagonRange(shown, radius));
    expect(await scale.textContent()).toContain(`${legendMin} – ${legendMax} events per hexagon`);
    // The ramp shows the layer's six colours.
    expect(await session.page.getByTestId('legend-hexagon-ramp').locator('.legend-ramp-colors span').count()).toBe(6);
  });

  it('during playback the hexagons count the window\'s events, and the legend follows', async () => {
    // Continues on the previous test's page: the hexagons of the whole period at CAMERA.
    const wholeMax = await session.page.getByTestId('legend-hexagon-max').textContent();
    await session.page.getByTestId('playback').locator('input[type="range"]').fill('0');
    await session.page.waitForSelector('[data-testid="map"][data-time-window^="0,"][data-layer-drawn="true"]', { timeout: 60_000 });
    await session.page.waitForFunction((max) => document.querySelector('[data-testid="legend-hexagon-max"]')?.textContent !== max, wholeMax, { timeout: 30_000 });
    // The first day of the period: the 24 hours after its start.
    const end = new Date(Date.parse(`${period.start.replace(' ', 'T')}Z`) + 86_400_000).toISOString().replace('T', ' ').slice(0, 19);
    const firstDay = events.filter((e) => e.reported_at! >= period.start && e.reported_at! < end && e.lon && e.lat)
      .map((e) => ({ lon: Math.fround(Number(e.lon)), lat: Math.fround(Number(e.lat)) }));
    await expectHexagonLegend(hexagonRange(firstDay, 1000));
  });

  /** The hexagon legend's fewest and most, checked against a count; returned as shown. */
  async function expectHexagonLegend([min, max]: [number, number]): Promise<[number, number]> {
    const legendMin = Number((await session.page.getByTestId('legend-hexagon-min').textContent())!.replace(/,/g, ''));
    const legendMax = Number((await session.page.getByTestId('legend-hexagon-max').textContent())!.replace(/,/g, ''));
    expect(legendMin).toBe(min);
    // deck.gl shifts its grid's origin by a float32 hexagon centre: a point on a border may fall either side.
    expect(Math.abs(legendMax - max), `legend ${legendMax} vs counted ${max}`).toBeLessThanOrEqual(Math.max(1, Math.round(max * 0.02)));
    return [legendMin, legendMax];
  }

  it('the heat legend gives the most events in one square kilometre, as counted independently', async () => {
    await session.page.goto(`${server.url}/?lang=en&layer=heatmap&${CAMERA}`);
    await session.page.waitForSelector(MAP_DRAWN, { timeout: 120_000 });
    const scale = session.page.getByTestId('legend-heat-scale');
    await scale.waitFor({ timeout: 60_000 });
    // A 1 km grid on an equirectangular projection at the events' middle latitude (heat-density.ts's definition).
    const lats = shown.map((p) => p.lat);
    const kmPerLon = 111.32 * Math.cos((((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI) / 180);
    const cells = new Map<string, number>();
    for (const p of shown) {
      const key = `${Math.floor(p.lon * kmPerLon)},${Math.floor(p.lat * 110.574)}`;
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    const peak = Math.max(...cells.values());
    expect(Number(await scale.getAttribute('data-peak'))).toBe(peak);
    expect(await scale.textContent()).toContain(`the densest square kilometre holds ${peak.toLocaleString('en')}`);
    expect(await session.page.getByTestId('legend-heat-max').textContent()).toBe(`${peak.toLocaleString('en')} / km²`);
    expect(await session.page.getByTestId('legend-heat-min').textContent()).toBe('0');
  });

  it('the hexagons do not cover the playback control or the legend', async () => {
    await session.page.goto(`${server.url}/?lang=en&layer=hexagon`);
    await session.page.waitForSelector(MAP_DRAWN, { timeout: 120_000 });
    await session.page.getByTestId('legend-hexagon-scale').waitFor({ timeout: 60_000 });
    // deck.gl's canvas takes no pointer events, so hit testing would skip it: let it take them,
    // and hit testing then follows the painting order.
    await session.page.addStyleTag({ content: '#deckgl-overlay, .deck-widget-container { pointer-events: auto !important; }' });
    const onTop = await session.page.evaluate(() => ['playback', 'legend'].map((id) => {
      const box = document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return { id, onTop: Boolean(hit?.closest(`[data-testid="${id}"]`)), hit: hit?.tagName ?? '' };
    }));
    for (const { id, onTop: top, hit } of onTop) expect(top, `${id} is under a ${hit}`).toBe(true);
  });

  it('unit names have a halo of at least 1.5 px and are drawn above the data layers', async () => {
    for (const query of ['layer=hexagon', 'layer=heatmap&unit=331102', 'layer=points&unit=331102']) {
      await session.page.goto(`${server.url}/?lang=en&${query}`);
      await session.page.waitForSelector(MAP_DRAWN, { timeout: 120_000 });
      const map = session.page.getByTestId('map');
      expect(Number(await map.getAttribute('data-label-halo-px')), query).toBeGreaterThanOrEqual(1.5);
      const layers = (await map.getAttribute('data-deck-layers'))!.split(',');
      const labels = layers.indexOf('unit-labels');
      expect(labels, query).toBeGreaterThan(0);
      for (const id of layers.filter((l) => l.startsWith('events-'))) expect(layers.indexOf(id), `${query}: ${id} under the names`).toBeLessThan(labels);
    }
  });

  /** Waits until the map's camera (its data-camera: where it came to rest) is close on a place at a street zoom. */
  async function expectCameraOn(lon: number, lat: number): Promise<void> {
    await session.page.waitForFunction(([x, y]) => {
      const v = document.querySelector('[data-testid="map"]')?.getAttribute('data-camera')?.split(',').map(Number);
      return Boolean(v && Math.abs(v[0]! - x!) < 2e-4 && Math.abs(v[1]! - y!) < 2e-4 && v[2]! >= 14);
    }, [lon, lat], { timeout: 60_000 });
    await session.page.waitForSelector(MAP_DRAWN, { timeout: 60_000 });
    // And the event itself is at the middle of the map.
    const box = (await session.page.getByTestId('map').boundingBox())!;
    const point = await session.page.evaluate(([x, y]) => window.__ONEMAP_BENCH__!.project(x!, y!), [lon, lat]);
    expect(Math.abs(point![0] - box.width / 2)).toBeLessThan(3);
    expect(Math.abs(point![1] - box.height / 2)).toBeLessThan(3);
  }

  /** Red pixels of the ring around the middle of the map. */
  async function ringPixels(): Promise<number> {
    const box = (await session.page.getByTestId('map').boundingBox())!;
    const shot = await session.page.screenshot({ clip: { x: box.x + box.width / 2 - 20, y: box.y + box.height / 2 - 20, width: 40, height: 40 } });
    const { PNG } = await import('pngjs');
    const png = PNG.sync.read(shot);
    let red = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! > 170 && png.data[i + 1]! < 60 && png.data[i + 2]! < 70) red++;
    return red;
  }

  it('?event= flies the map to the event and rings it; the detail says where it stands against its deadline', async () => {
    const ms = (text: string | undefined) => (text ? Date.parse(`${text.replace(' ', 'T')}Z`) : Number.NaN);
    const onTime = events.find((e) => e.closed_at && e.due_at && e.lon && ms(e.closed_at) <= ms(e.due_at) && ms(e.closed_at) <= ms(data.asOf) && e.reported_at! >= period.start)!;
    expect(onTime, 'the test data holds an event closed on time').toBeDefined();
    await session.page.goto(`${server.url}/?lang=en&bench=1&event=${onTime.event_id}`);
    await session.page.waitForSelector(`[data-testid="map"][data-focused-event="${onTime.event_id}"]`, { timeout: 120_000 });
    await expectCameraOn(Number(onTime.lon), Number(onTime.lat));
    expect((await session.page.getByTestId('map').getAttribute('data-deck-layers'))!.split(',').at(-1)).toBe('event-focus');
    expect(await ringPixels()).toBeGreaterThan(20);
    const line = session.page.getByTestId('event-deadline');
    expect(await line.getAttribute('data-status')).toBe('closed_on_time');
    expect(await line.textContent()).toContain('Closed on time');
    expect(await line.textContent()).toMatch(/Deadline rule:|Deadline as given/);
    await session.page.screenshot({ path: '/tmp/map-readable-event.png' });
  });

  it('a click on an event point opens it, flies the map to it and rings it', async () => {
    // Far from the previous event, at a zoom where points are apart.
    const target = shown[Math.floor(shown.length / 2)]!;
    await session.page.goto(`${server.url}/?lang=en&bench=1&layer=points&v=${target.lon},${target.lat},12`);
    await session.page.waitForSelector(MAP_DRAWN, { timeout: 120_000 });
    const point = await session.page.evaluate(([x, y]) => window.__ONEMAP_BENCH__!.project(x!, y!), [target.lon, target.lat]);
    const box = (await session.page.getByTestId('map').boundingBox())!;
    await session.page.mouse.click(box.x + point![0], box.y + point![1]);
    await session.page.waitForURL(/event=/, { timeout: 30_000 });
    // The point under the cursor may be a neighbour of the target: the one opened is the one found.
    const opened = new URL(session.page.url()).searchParams.get('event')!;
    const event = events.find((e) => e.event_id === opened)!;
    await session.page.waitForSelector(`[data-testid="map"][data-focused-event="${opened}"]`, { timeout: 60_000 });
    await expectCameraOn(Number(event.lon), Number(event.lat));
    expect(await ringPixels()).toBeGreaterThan(20);
    await session.page.getByTestId('event-deadline').waitFor();
  });

  it('units with too little data are drawn in the "too little data" grey, the others in the palette', async () => {
    // Today's response times of 莲都区's townships: a few events each, some below the minimum.
    const parent = '331102';
    await session.page.goto(`${server.url}/?lang=en&bench=1&layer=response&measure=response_median_h&range=today&unit=${parent}`);
    await session.page.waitForSelector(MAP_DRAWN, { timeout: 120_000 });
    const sql = unitMeasures({ level: 'township', parentCode: parent, period: presetPeriod('today', data.asOf), asOf: data.asOf });
    const { rows } = await session.page.evaluate((query) => window.__ONEMAP_BENCH__!.run(query), sql);
    const units = parseCsvRecords(readFileSync(join(data.dir, 'units.csv'), 'utf8'));
    const few = rows!.filter((r) => Number(r.response_n ?? 0) < MIN_MAP_VOLUME);
    const enough = rows!.filter((r) => Number(r.response_n ?? 0) >= MIN_MAP_VOLUME && typeof r.response_median_h === 'number');
    expect(few.length > 0 && enough.length > 0, `${few.length} townships with too little data, ${enough.length} with enough`).toBe(true);
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(NO_DATA_HEX.slice(i, i + 2), 16));
    const grey = `rgba(${r},${g},${b},1)`;
    const fillOf = async (code: string) => {
      const unit = units.find((u) => u.code === code)!;
      return session.page.evaluate(([lon, lat]) => window.__ONEMAP_BENCH__!.fillAt(lon!, lat!), [Number(unit.label_lon), Number(unit.label_lat)]);
    };
    const checked = { few: 0, enough: 0 };
    for (const [group, list] of [['few', few], ['enough', enough]] as const) {
      for (const row of list) {
        const fill = await fillOf(String(row.code));
        // A label point outside its own outline (a crescent-shaped unit) tells nothing: skipped.
        if (!fill || fill.code !== row.code) continue;
        checked[group]++;
        const message = `${String(row.code)}: ${String(row.response_n)} events`;
        if (group === 'few') expect(fill.color, message).toBe(grey);
        else expect(fill.color, message).not.toBe(grey);
      }
    }
    expect(checked.few, 'townships with too little data checked').toBeGreaterThan(0);
    expect(checked.enough, 'townships with enough data checked').toBeGreaterThan(0);
    // The legend names the grey with the same minimum.
    expect(await session.page.getByTestId('legend').textContent()).toContain(`fewer than ${MIN_MAP_VOLUME} events`);
  });

  it('logged no error and made no request to another origin', () => {
    expect(session.consoleErrors).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
  });
});
