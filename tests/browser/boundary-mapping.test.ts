import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../support/csv';
import { requireTestData } from '../support/test-data';
import { openBrowser, type BrowserSession } from '../../scripts/lib/browser-session';
import { startPreview } from '../../scripts/lib/preview-server';

/**
 * The boundary mapping step (issue #14 point 1) in headless Chromium: a file keyed by a
 * property the loader did not know (BoroCD) is suggested and accepted whole; keying by
 * feature order or by name warns; a file keyed into nothing says that validation would go
 * on without boundaries; events validated against both files land in their squares.
 */
const FIXTURES = resolve('tests/fixtures/ingest');
const NYC = join(FIXTURES, 'boundaries/nyc-community-districts.geojson');
const NAMES_ONLY = join(FIXTURES, 'boundaries/names-only.geojson');
const EVENTS = join(FIXTURES, 'foreign-boundaries-events.csv');
/** Looked at by hand after a run (not kept in the repository). */
const SCREENSHOT = join(tmpdir(), 'onemap-boundary-mapping.png');
const SCREENSHOT_LIST = join(tmpdir(), 'onemap-boundary-list.png');

type Box = [west: number, south: number, east: number, north: number];

/** The fixtures' polygons are axis-aligned squares: their boxes are the polygons, no geometry library needed. */
function squares(file: string): Box[] {
  const collection = JSON.parse(readFileSync(file, 'utf8')) as { features: { geometry: { coordinates: [number, number][][] } }[] };
  return collection.features.map((f) => {
    const ring = f.geometry.coordinates[0]!;
    const lons = ring.map(([lon]) => lon);
    const lats = ring.map(([, lat]) => lat);
    return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  });
}

describe('boundary mapping step in headless Chromium', () => {
  const data = requireTestData();
  let server: Awaited<ReturnType<typeof startPreview>>;
  let session: BrowserSession;

  beforeAll(async () => {
    server = await startPreview(data.dir);
    session = await openBrowser(server.url);
    await session.page.goto(`${server.url}/?lang=en&mode=data`);
    await session.page.getByTestId('data-loader').waitFor({ timeout: 180_000 });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('suggests BoroCD, re-keys on override, warns when keyed by order, by name or into nothing, and validates against both files', async () => {
    const page = session.page;
    const accepted = async (file: number) => Number(await page.getByTestId('boundary-file').nth(file).getAttribute('data-accepted'));
    await page.getByTestId('boundaries-input').setInputFiles(NYC);
    const nyc = page.getByTestId('boundary-file').nth(0);
    await nyc.waitFor({ timeout: 60_000 });
    expect(await nyc.getByTestId('boundary-map-code').inputValue()).toBe('property:BoroCD');
    expect(await accepted(0)).toBe(4);
    expect(await nyc.getAttribute('data-rejected')).toBe('0');
    const properties = await nyc.getByTestId('boundary-properties').textContent();
    for (const name of ['OBJECTID', 'BoroCD', 'Shape_Leng', 'Shape_Area', '101, 102, 301, 302']) expect(properties).toContain(name);
    expect(await nyc.getByTestId('boundary-warning').count()).toBe(0);

    // By feature order: every feature kept, with a warning that a re-export may reorder them.
    await nyc.getByTestId('boundary-map-code').selectOption('by:feature-order');
    await nyc.getByTestId('boundary-warning').waitFor({ timeout: 30_000 });
    expect(await nyc.getByTestId('boundary-warning').textContent()).toContain('nyc-community-districts-1');
    expect(await accepted(0)).toBe(4);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // By name without a name property: nothing is accepted, and the page says validation would go on without boundaries.
    await nyc.getByTestId('boundary-map-code').selectOption('by:name');
    await page.getByTestId('no-boundaries-warning').first().waitFor({ timeout: 30_000 });
    expect(await accepted(0)).toBe(0);
    expect(await page.getByTestId('no-boundaries-warning').first().textContent()).toContain('events will not be assigned to grids');
    await nyc.getByTestId('boundary-map-code').selectOption('property:BoroCD');
    await page.getByTestId('no-boundaries-warning').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await accepted(0)).toBe(4);

    // A file with names only is keyed by name, with a warning.
    await page.getByTestId('boundaries-input').setInputFiles(NAMES_ONLY);
    const names = page.getByTestId('boundary-file').nth(1);
    await names.waitFor({ timeout: 60_000 });
    expect(await names.getByTestId('boundary-map-code').inputValue()).toBe('by:name');
    expect(await names.getByTestId('boundary-map-name').inputValue()).toBe('名称');
    expect(await names.getByTestId('boundary-warning').textContent()).toContain('Keyed by name');
    expect(await accepted(1)).toBe(3);
    await page.getByTestId('boundary-list').screenshot({ path: SCREENSHOT_LIST });

    // The events: counted here from the squares, independently of the loader.
    await page.getByTestId('events-input').setInputFiles(EVENTS);
    await page.getByTestId('mapping-step').waitFor({ timeout: 60_000 });
    const boxes = [...squares(NYC), ...squares(NAMES_ONLY)];
    const rows = parseCsvRecords(readFileSync(EVENTS, 'utf8'));
    const inside = rows.filter((r) => boxes.some(([w, s, e, n]) => Number(r.Longitude) > w && Number(r.Longitude) < e && Number(r.Latitude) > s && Number(r.Latitude) < n)).length;
    expect(inside).toBeGreaterThan(0);
    expect(inside).toBeLessThan(rows.length);
    await page.getByTestId('validate').click();
    await page.getByTestId('review-step').waitFor({ timeout: 60_000 });
    expect(Number(await page.getByTestId('count-input').getAttribute('data-value'))).toBe(rows.length);
    expect(Number(await page.getByTestId('count-accepted').getAttribute('data-value'))).toBe(inside);
    expect(Number(await page.getByTestId('count-rejected').getAttribute('data-value'))).toBe(rows.length - inside);

    // Saved with the events mapping: the first boundary file's mapping goes along.
    await page.getByTestId('mapping-name').fill('nyc districts');
    await page.getByTestId('save-mapping').click();
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('onemap.savedMappings') ?? '{}') as Record<string, string>);
    expect(JSON.parse(saved['nyc districts']!).boundaries).toEqual({ code: { by: 'property', property: 'BoroCD' } });

    // Applied again: the boundary part goes back onto the file that has BoroCD; the names-only file lacks it and keeps its own.
    await nyc.getByTestId('boundary-map-code').selectOption('by:feature-order');
    await nyc.getByTestId('boundary-warning').waitFor({ timeout: 30_000 });
    await page.getByTestId('saved-mappings').selectOption('nyc districts');
    await nyc.getByTestId('boundary-warning').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await nyc.getByTestId('boundary-map-code').inputValue()).toBe('property:BoroCD');
    expect(await names.getByTestId('boundary-map-code').inputValue()).toBe('by:name');
    expect(await page.getByTestId('data-loader').textContent()).toContain('names-only.geojson lacks (BoroCD)');
    expect(session.foreignRequests).toEqual([]);
  });
});
