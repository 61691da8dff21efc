import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KPI_TILES } from '../../src/domain/measures';
import { firstRow, type Scalar } from '../../src/engine/columns';
import { loadDataset } from '../../src/engine/load';
import { createNodeDatabase } from '../../src/engine/node';
import type { Database } from '../../src/engine/database';
import { kpiStrip } from '../../src/sql/kpis';
import { lastDays, presetPeriod } from '../../src/sql/period';
import { parseCsvRecords } from '../support/csv';
import { requireTestData } from '../support/test-data';
import { openBrowser, type BrowserSession } from '../../scripts/lib/browser-session';
import { startPreview } from '../../scripts/lib/preview-server';

const MAP_READY = '[data-testid="map"][data-ready="true"]';
/** The map shows what the page asked for: deck.gl drew the current layers and the basemap went idle after its last change. */
const MAP_DRAWN = '[data-testid="map"][data-layer-drawn="true"]';

async function kpiValues(session: BrowserSession): Promise<Record<string, number>> {
  const values: Record<string, number> = {};
  for (const definition of KPI_TILES) {
    const text = await session.page.getByTestId(`kpi-${definition.id}`).getAttribute('data-value');
    values[definition.id] = text === '' || text === null ? Number.NaN : Number(text);
  }
  return values;
}

function expectKpis(actual: Record<string, number>, expected: Record<string, Scalar>): void {
  for (const definition of KPI_TILES) {
    const want = expected[definition.id];
    if (want === null || want === undefined) expect(Number.isNaN(actual[definition.id]!), definition.id).toBe(true);
    else expect(actual[definition.id], definition.id).toBeCloseTo(Number(want), 9);
  }
}

/** Waits until the KPI strip has finished loading and shows these numbers. */
async function waitForKpis(session: BrowserSession, expected: Record<string, Scalar>): Promise<void> {
  const target = String(expected.intake_period);
  await session.page.waitForFunction((value) => {
    const strip = document.querySelector('[data-testid="kpi-strip"]');
    const tile = document.querySelector('[data-testid="kpi-intake_period"]');
    return strip?.getAttribute('aria-busy') === 'false' && tile?.getAttribute('data-value') === value;
  }, target, { timeout: 60_000 });
}

function pixelDifference(a: Buffer, b: Buffer): number {
  const first = PNG.sync.read(a), second = PNG.sync.read(b);
  let different = 0;
  for (let i = 0; i < first.data.length; i += 4) {
    if (Math.abs(first.data[i]! - second.data[i]!) + Math.abs(first.data[i + 1]! - second.data[i + 1]!) + Math.abs(first.data[i + 2]! - second.data[i + 2]!) > 48) different++;
  }
  return different;
}

describe('the one map in headless Chromium', () => {
  const data = requireTestData();
  const units = parseCsvRecords(readFileSync(join(data.dir, 'units.csv'), 'utf8'));
  const events = parseCsvRecords(readFileSync(join(data.dir, 'events.csv'), 'utf8'));
  let server: Awaited<ReturnType<typeof startPreview>>;
  let session: BrowserSession;
  let db: Database;
  const dialogs: string[] = [];

  beforeAll(async () => {
    db = await createNodeDatabase();
    await loadDataset(db, data.source, 'arrow');
    server = await startPreview(data.dir);
    session = await openBrowser(server.url);
    session.page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    await db?.close();
  });

  it('drills into a county by a click on the map: the URL and the KPIs follow', async () => {
    // In the coverage view no event point lies over the unit (a click on a point opens the event instead).
    await session.page.goto(`${server.url}/?bench=1&lang=zh&layer=coverage`);
    await session.page.waitForSelector(MAP_READY, { timeout: 120_000 });
    const county = units.find((u) => u.code === '331122')!; // 缙云县
    const point = await session.page.evaluate(([lon, lat]) => window.__ONEMAP_BENCH__!.project(lon!, lat!), [Number(county.label_lon), Number(county.label_lat)]);
    expect(point).not.toBeNull();
    const box = (await session.page.getByTestId('map').boundingBox())!;
    await session.page.mouse.click(box.x + point![0], box.y + point![1]);
    await session.page.waitForURL(/unit=331122/, { timeout: 30_000 });
    const expected = firstRow(await db.query(kpiStrip(data.asOf, { unitCode: '331122' }, lastDays(data.asOf, 30))));
    await waitForKpis(session, expected);
    expectKpis(await kpiValues(session), expected);
    await expect(session.page.getByTestId('breadcrumb').textContent()).resolves.toContain('缙云县');
    await session.page.getByTestId('layer-points').click();
  });

  it('drills further from the ranking list with the keyboard, and goes back up with the breadcrumb', async () => {
    const firstRank = session.page.locator('[data-testid^="rank-"]').first();
    const code = (await firstRank.getAttribute('data-testid'))!.slice('rank-'.length);
    await firstRank.focus();
    await session.page.keyboard.press('Enter');
    await session.page.waitForURL(new RegExp(`unit=${code}`), { timeout: 30_000 });
    const expected = firstRow(await db.query(kpiStrip(data.asOf, { unitCode: code }, lastDays(data.asOf, 30))));
    await waitForKpis(session, expected);
    expectKpis(await kpiValues(session), expected);
    await session.page.getByTestId('crumb-331100').click();
    await session.page.waitForFunction(() => !new URL(window.location.href).searchParams.has('unit'), undefined, { timeout: 30_000 });
    const city = firstRow(await db.query(kpiStrip(data.asOf, {}, lastDays(data.asOf, 30))));
    await waitForKpis(session, city);
  });

  it('draws each layer: every layer changes the map against the bare basemap, and differs from the others', async () => {
    // Legends and controls overlap the map and differ per layer: hide them so only the map is compared.
    const hideOverlays = () => session.page.addStyleTag({ content: '.legend, .map-status, .playback, .map-attribution, .maplibregl-ctrl { visibility: hidden !important; }' });
    // The bare basemap: the same view with a filter that leaves no event.
    await session.page.goto(`${server.url}/?unit=331102&bench=1&cat=elevator&sev=4&range=today&v=119.9,28.45,9`);
    await session.page.waitForSelector(MAP_READY, { timeout: 120_000 });
    expect(await session.page.getByTestId('map').getAttribute('data-point-count')).toBe('0');
    await hideOverlays();
    await session.page.waitForSelector(MAP_DRAWN, { timeout: 60_000 });
    const bare = await session.page.getByTestId('map').screenshot();
    await session.page.goto(`${server.url}/?unit=331102&bench=1&v=119.9,28.45,9`);
    await session.page.waitForSelector(MAP_READY, { timeout: 120_000 });
    await hideOverlays();
    const shots: Record<string, Buffer> = {};
    for (const layer of ['points', 'heatmap', 'hexagon', 'coverage', 'response']) {
      await session.page.getByTestId(`layer-${layer}`).click();
      // The layer's own state, drawn: data-layer changes in the same render that drops "drawn".
      await session.page.waitForSelector(`[data-testid="map"][data-layer="${layer}"][data-layer-drawn="true"]`, { timeout: 60_000 });
      shots[layer] = await session.page.getByTestId('map').screenshot();
      expect(pixelDifference(bare, shots[layer]!), `${layer} vs the bare basemap`).toBeGreaterThan(2000);
    }
    const names = Object.keys(shots);
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        expect(pixelDifference(shots[names[i]!]!, shots[names[j]!]!), `${names[i]} vs ${names[j]}`).toBeGreaterThan(2000);
      }
    }
  });

  it('plays back time on the GPU: one day shows fewer events than the whole period, for points and hexagons', async () => {
    for (const layer of ['points', 'hexagon']) {
      await session.page.goto(`${server.url}/?unit=331102&bench=1&layer=${layer}&v=119.9,28.45,9`);
      await session.page.waitForSelector(MAP_READY, { timeout: 120_000 });
      await session.page.addStyleTag({ content: '.legend, .map-status, .map-attribution, .maplibregl-ctrl { visibility: hidden !important; }' });
      await session.page.waitForSelector(MAP_DRAWN, { timeout: 60_000 });
      const whole = await session.page.getByTestId('map').screenshot({ mask: [session.page.getByTestId('playback')] });
      // Move the playback window to the first day of the period.
      await session.page.getByTestId('playback').locator('input[type="range"]').fill('0');
      await expect(session.page.getByTestId('playback').locator('.playback-label').textContent()).resolves.toMatch(/\d{4}-\d{2}-\d{2}/);
      // The first day's window reached the map and deck.gl drew a frame with it.
      await session.page.waitForSelector('[data-testid="map"][data-time-window^="0,"][data-layer-drawn="true"]', { timeout: 60_000 });
      const oneDay = await session.page.getByTestId('map').screenshot({ mask: [session.page.getByTestId('playback')] });
      expect(pixelDifference(whole, oneDay), `${layer}: whole period vs first day`).toBeGreaterThan(1000);
    }
  });

  it('shows a hostile description as text and masks phone numbers', async () => {
    const hostile = events.find((e) => e.description?.includes('<img src=x onerror=alert(1)>'));
    const withPhone = events.find((e) => /1[3-9]\d{9}/.test(e.description ?? '') && !e.description!.includes('<'));
    expect(hostile, 'the test data holds a hostile description').toBeDefined();
    expect(withPhone, 'the test data holds a phone number').toBeDefined();
    await session.page.goto(`${server.url}/?event=${hostile!.event_id}`);
    const description = session.page.getByTestId('event-description');
    await description.waitFor({ timeout: 120_000 });
    await expect(description.textContent()).resolves.toContain('<img src=x onerror=alert(1)>');
    expect(await description.locator('img').count()).toBe(0);
    expect(await session.page.locator('img[src="x"]').count()).toBe(0);
    await session.page.goto(`${server.url}/?event=${withPhone!.event_id}`);
    await session.page.getByTestId('event-description').waitFor({ timeout: 120_000 });
    const phone = /1[3-9]\d{9}/.exec(withPhone!.description!)![0];
    const shown = (await session.page.getByTestId('event-description').textContent())!;
    expect(shown).not.toContain(phone);
    expect(shown).toContain(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    expect(dialogs).toEqual([]);
  });

  it('an opened event says where it stands against its deadline, in days past 48 h, and the rule that set it', async () => {
    const ms = (text: string | null | undefined) => (text ? Date.parse(`${text.replace(' ', 'T')}Z`) : Number.NaN);
    const now = ms(data.asOf);
    // Open at the data time and more than 48 h past its deadline; and one closed after its deadline.
    const overdue = events.find((e) => !e.closed_at && e.due_at && now - ms(e.due_at) > 72 * 3_600_000);
    const late = events.find((e) => e.closed_at && e.due_at && ms(e.closed_at) > ms(e.due_at) && ms(e.closed_at) <= now);
    expect(overdue && late, 'the test data holds an overdue and a late event').toBeTruthy();
    await session.page.goto(`${server.url}/?lang=en&event=${overdue!.event_id}`);
    const line = session.page.getByTestId('event-deadline');
    await line.waitFor({ timeout: 120_000 });
    expect(await line.getAttribute('data-status')).toBe('overdue');
    const days = ((now - ms(overdue!.due_at)) / 86_400_000).toFixed(1).replace(/\.0$/, '');
    expect(await line.textContent()).toContain(`Overdue by ${days} days`);
    expect(await line.textContent()).toContain('Deadline rule:');
    await session.page.goto(`${server.url}/?lang=en&event=${late!.event_id}`);
    await session.page.waitForSelector('[data-testid="event-deadline"][data-status="closed_late"]', { timeout: 120_000 });
  });

  it('restores the same view from a shared URL', async () => {
    await session.page.goto(`${server.url}/?bench=1`);
    await session.page.waitForSelector(MAP_READY, { timeout: 120_000 });
    await session.page.getByTestId('range-7d').click();
    await session.page.getByTestId('chip-noise').click();
    await session.page.getByTestId('chip-hotline').click();
    await session.page.getByTestId('rank-331102').click();
    await session.page.getByTestId('layer-hexagon').click();
    await session.page.waitForURL(/unit=331102/);
    const filter = { unitCode: '331102', categories: ['noise'], channels: ['hotline'] };
    const expected = firstRow(await db.query(kpiStrip(data.asOf, filter, presetPeriod('7d', data.asOf))));
    await waitForKpis(session, expected);
    await session.page.waitForTimeout(1500); // let the camera settle into the URL
    const shared = session.page.url();
    expect(shared).toMatch(/range=7d/);
    expect(shared).toMatch(/cat=noise/);
    expect(shared).toMatch(/layer=hexagon/);
    const other = await openBrowser(server.url);
    try {
      await other.page.goto(shared);
      await other.page.waitForSelector(MAP_READY, { timeout: 120_000 });
      await waitForKpis(other, expected);
      expectKpis(await kpiValues(other), expected);
      expect(await other.page.getByTestId('map').getAttribute('data-unit')).toBe('331102');
      expect(await other.page.getByTestId('map').getAttribute('data-layer')).toBe('hexagon');
      expect(await other.page.getByTestId('chip-noise').getAttribute('aria-pressed')).toBe('true');
      expect(await other.page.getByTestId('range-7d').getAttribute('aria-pressed')).toBe('true');
      const camera = new URL(shared).searchParams.get('v');
      await other.page.waitForTimeout(1500);
      expect(new URL(other.page.url()).searchParams.get('v')).toBe(camera);
      expect(other.consoleErrors).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('made no request to another origin and logged no error', () => {
    expect(session.foreignRequests).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
