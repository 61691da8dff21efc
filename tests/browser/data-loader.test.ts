import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../support/csv';
import { requireTestData } from '../support/test-data';
import { openBrowser, type BrowserSession } from '../../scripts/lib/browser-session';
import { startPreview } from '../../scripts/lib/preview-server';

/**
 * Bring your own data through the real page: a 311-style CSV with broken rows through the
 * file input, the mapping corrected by hand, validation counts and KPI tiles checked against
 * a computation written here in plain JS, a reload, boundaries, a file over the memory
 * budget, and the way back to the demo.
 */
const FIXTURE = resolve('tests/fixtures/ingest/311-loader.csv');
const SHOTS = resolve('.cache/data-loader-shots');
const DAY_MS = 86_400_000;

/** "10/01/2024 04:16:46 PM" → ms of that wall-clock time on a UTC clock; NaN when it is not such a date. */
function parseUsTime(text: string): number {
  const match = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2}) (AM|PM)$/.exec(text);
  if (!match) return Number.NaN;
  const [, mo, d, y, h, mi, s, ampm] = match;
  const hour = (Number(h) % 12) + (ampm === 'PM' ? 12 : 0);
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), hour, Number(mi), Number(s));
}

const wallClock = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** What the loader should find in the fixture, computed independently of src/ingest and src/sql. */
function expectedFromFixture() {
  const records = parseCsvRecords(readFileSync(FIXTURE, 'utf8'));
  const seen = new Set<string>();
  const rejected: Record<string, number> = { time_unparseable: 0, lifecycle_out_of_order: 0, coordinates_zero: 0, duplicate_id: 0 };
  const accepted: { created: number; closed: number | null }[] = [];
  for (const r of records) {
    const created = parseUsTime(r['Created Date']!);
    const closed = r['Closed Date'] ? parseUsTime(r['Closed Date']) : null;
    if (Number.isNaN(created)) { rejected.time_unparseable!++; continue; }
    if (closed !== null && closed < created) { rejected.lifecycle_out_of_order!++; continue; }
    if (Number(r.Latitude) === 0 && Number(r.Longitude) === 0) { rejected.coordinates_zero!++; continue; }
    if (seen.has(r['Unique Key']!)) { rejected.duplicate_id!++; continue; }
    seen.add(r['Unique Key']!);
    accepted.push({ created, closed });
  }
  const asOfMs = Math.max(...accepted.map((e) => e.created));
  const today = Math.floor(asOfMs / DAY_MS) * DAY_MS;
  const end = asOfMs + 1000;
  return {
    input: records.length,
    rejected,
    rejectedTotal: Object.values(rejected).reduce((a, b) => a + b, 0),
    accepted: accepted.length,
    asOf: wallClock(asOfMs),
    kpis: {
      intake_period: accepted.filter((e) => e.created >= today - 29 * DAY_MS && e.created < end).length,
      intake_today: accepted.filter((e) => e.created >= today && e.created < end).length,
      backlog: accepted.filter((e) => e.created <= asOfMs && (e.closed === null || e.closed > asOfMs)).length,
    },
  };
}

describe('the data loader (?mode=data) in headless Chromium', () => {
  const data = requireTestData();
  const expected = expectedFromFixture();
  const scratch = mkdtempSync(join(tmpdir(), 'onemap-data-loader-'));
  let server: Awaited<ReturnType<typeof startPreview>>;
  let session: BrowserSession;
  let demoIntake: string | null = null;

  const shot = (name: string) => session.page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const tile = (id: string) => session.page.getByTestId(`kpi-${id}`);
  /** Waits for the KPI strip to finish and show this intake. */
  const waitForIntake = (value: string) => session.page.waitForFunction((v) => {
    const strip = document.querySelector('[data-testid="kpi-strip"]');
    return strip?.getAttribute('aria-busy') === 'false' && document.querySelector('[data-testid="kpi-intake_period"]')?.getAttribute('data-value') === v;
  }, value, { timeout: 120_000 });
  const checkUserKpis = async () => {
    await waitForIntake(String(expected.kpis.intake_period));
    expect(await tile('intake_today').getAttribute('data-value')).toBe(String(expected.kpis.intake_today));
    expect(await tile('backlog').getAttribute('data-value')).toBe(String(expected.kpis.backlog));
    // A 311 file has no due_at and no accepted_at: those tiles say "unavailable", never 0.
    for (const id of ['overdue', 'on_time_rate_30d', 'response_median_30d']) {
      expect(await tile(id).getAttribute('data-value'), id).toBe('');
      expect(await tile(id).getAttribute('data-unavailable'), id).toBe('true');
    }
    expect(await session.page.getByTestId('data-time').textContent()).toContain(expected.asOf.slice(0, 16));
  };

  beforeAll(async () => {
    server = await startPreview(data.dir);
    session = await openBrowser(server.url);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('shows the demo first and remembers its intake', async () => {
    await session.page.goto(`${server.url}/?lang=en`);
    await session.page.waitForFunction(() => document.querySelector('[data-testid="kpi-strip"]')?.getAttribute('aria-busy') === 'false', null, { timeout: 180_000 });
    demoIntake = await tile('intake_period').getAttribute('data-value');
    expect(Number(demoIntake)).toBeGreaterThan(0);
    expect(await session.page.getByTestId('user-data-banner').count()).toBe(0);
  });

  it('loads a 311 CSV through the file input, with the mapping corrected by hand and the broken rows counted', async () => {
    const page = session.page;
    await page.getByTestId('mode-data').click();
    await page.getByTestId('events-input').setInputFiles(FIXTURE);
    await page.getByTestId('mapping-step').waitFor();
    // The suggestions for English 311 headers.
    expect(await page.getByTestId('map-event_id').inputValue()).toBe('Unique Key');
    expect(await page.getByTestId('map-reported_at').inputValue()).toBe('Created Date');
    expect(await page.getByTestId('map-closed_at').inputValue()).toBe('Closed Date');
    expect(await page.getByTestId('map-category').inputValue()).toBe('Complaint Type');
    expect(await page.getByTestId('map-lat').inputValue()).toBe('Latitude');
    expect(await page.getByTestId('map-lon').inputValue()).toBe('Longitude');
    expect(await page.getByTestId('preview').locator('tbody tr').count()).toBe(5);
    // By hand: 311's "Open"/"Closed" are not OneMap statuses; unmapped, status is derived from the timestamps.
    expect(await page.getByTestId('map-status').inputValue()).toBe('Status');
    await page.getByTestId('map-status').selectOption('');
    expect(await page.getByTestId('map-status').inputValue()).toBe('');
    // Saved and reusable.
    await page.getByTestId('mapping-name').fill('NYC 311');
    await page.getByTestId('save-mapping').click();
    await shot('1-mapping');

    await page.getByTestId('validate').click();
    await page.getByTestId('review-step').waitFor();
    const count = (id: string) => page.getByTestId(`count-${id}`).getAttribute('data-value');
    expect(Number(await count('input'))).toBe(expected.input);
    expect(Number(await count('rejected'))).toBe(expected.rejectedTotal);
    expect(Number(await count('accepted'))).toBe(expected.accepted);
    for (const [rule, n] of Object.entries(expected.rejected)) expect(Number(await page.getByTestId(`rule-${rule}`).getAttribute('data-value')), rule).toBe(n);
    // Each example names the file, the row and the rule.
    const examples = await page.getByTestId('issue-examples').textContent();
    expect(examples).toContain('311-loader.csv, row 7, column "Created Date": Unrecognised timestamp');
    expect(examples).toContain('[duplicate_id]');
    await expect(page.getByTestId('unavailable-overdue').textContent()).resolves.toContain('due_at');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-rejected').click()]);
    const rejectedCsv = readFileSync((await download.path())!, 'utf8');
    expect(rejectedCsv.trim().split('\r\n')).toHaveLength(1 + expected.rejectedTotal);
    await shot('2-review');

    await page.getByTestId('confirm-load').click();
    await page.getByTestId('loader-done').waitFor({ timeout: 120_000 });
    await page.getByTestId('user-data-banner').waitFor();
    await shot('3-loaded');
    await page.getByTestId('open-map').click();
    await checkUserKpis();
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 180_000 });
    expect(await page.getByTestId('map').getAttribute('data-point-count')).toBe(String(expected.kpis.intake_period));
    await shot('4-map');
  });

  it('keeps the loaded data across a reload', async () => {
    await session.page.reload();
    await session.page.getByTestId('user-data-banner').waitFor({ timeout: 180_000 });
    await checkUserKpis();
    await shot('5-reloaded');
  });

  it('refuses a file over the memory budget before reading it, and the loaded data stays', async () => {
    // A sparse 3 GiB file: its size is real, its bytes are never read (the budget decides from the size).
    const huge = join(scratch, 'huge-311.csv');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 3 * 1024 ** 3);
    closeSync(fd);
    const page = session.page;
    await page.getByTestId('mode-data').click();
    await page.getByTestId('events-input').setInputFiles(huge);
    const error = page.getByTestId('loader-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('huge-311.csv (3,072 MB) is too large');
    await shot('6-too-large');
    await page.getByTestId('mode-map').click();
    await checkUserKpis();
  });

  it('refuses a URL on another origin with the reason (the page\'s CSP)', async () => {
    const page = session.page;
    await page.getByTestId('mode-data').click();
    await page.getByTestId('url-input').fill('https://data.example.org/311.csv');
    await page.getByTestId('url-load').click();
    expect(await page.getByTestId('loader-error').textContent()).toContain('security policy (CSP)');
    expect(session.foreignRequests).toEqual([]);
  });

  it('loads GeoJSON boundaries with the events: units to drill into', async () => {
    // Two districts splitting the data's extent at -73.91.
    const box = (code: string, name: string, west: number, east: number) => ({
      type: 'Feature', properties: { code, name },
      geometry: { type: 'Polygon', coordinates: [[[west, 40.5], [east, 40.5], [east, 40.9], [west, 40.9], [west, 40.5]]] },
    });
    const file = join(scratch, 'districts.geojson');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [box('W', 'West', -74.1, -73.91), box('E', 'East', -73.91, -73.7)] }));
    const page = session.page;
    await page.getByTestId('mode-data').click();
    await page.getByTestId('boundaries-input').setInputFiles(file);
    await page.getByTestId('boundary-file').waitFor();
    expect(await page.getByTestId('boundary-file').getAttribute('data-accepted')).toBe('2');
    await page.getByTestId('events-input').setInputFiles(FIXTURE);
    await page.getByTestId('saved-mappings').selectOption('NYC 311');
    expect(await page.getByTestId('map-status').inputValue()).toBe('');
    await page.getByTestId('validate').click();
    await page.getByTestId('review-step').waitFor();
    expect(Number(await page.getByTestId('count-rejected').getAttribute('data-value'))).toBe(expected.rejectedTotal);
    await page.getByTestId('confirm-load').click();
    await page.getByTestId('loader-done').waitFor({ timeout: 120_000 });
    await page.getByTestId('open-map').click();
    await checkUserKpis();
    // Both districts are listed under the area (recoded into the app's scheme).
    await page.getByTestId('ranking').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="rank-99"]').length === 2, null, { timeout: 120_000 });
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 180_000 });
    await shot('7-boundaries');
    // Without populations, "per 10,000 residents" says why instead of ranking zeros; the
    // ranking starts on a measure the data supports.
    const select = page.getByTestId('measure-select');
    const startMeasure = await select.inputValue();
    expect(startMeasure).not.toBe('intake_per_10k');
    // Intake is fairly ranked per 10,000 residents; without populations the districts are listed by count, unranked, saying why.
    await select.selectOption('intake');
    await page.getByTestId('ranking-unranked').waitFor();
    expect(await page.getByTestId('ranking-unranked').textContent()).toContain('population');
    expect(await page.locator('[data-testid^="rank-99"] .rank').allTextContents()).toEqual(['–', '–']);
    expect(await select.locator('option[value="intake_per_10k"]').textContent()).toContain('unavailable');
    await select.selectOption('intake_per_10k');
    await page.getByTestId('measure-unavailable').waitFor();
    expect(await page.getByTestId('measure-unavailable').textContent()).toContain('population');
    expect(await page.locator('[data-testid^="rank-99"]').count()).toBe(0);
    await select.selectOption(startMeasure);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="rank-99"]').length === 2, null, { timeout: 120_000 });
    // The briefing on this data: measures without their columns say "unavailable" with the reason, never 0.
    await page.getByTestId('mode-briefing').click();
    await page.getByTestId('briefing-document').waitFor({ timeout: 120_000 });
    const overdueRow = page.getByTestId('briefing-headline').locator('tbody tr', { hasText: 'Overdue' });
    expect(await overdueRow.locator('td').nth(1).textContent()).toBe('unavailable');
    expect(await page.getByTestId('briefing-overdue_severe-unavailable').textContent()).toContain('due_at');
    expect(await page.getByTestId('briefing-summary').textContent()).toContain('(overdue: unavailable)');
    // And the wall: the overdue and on-time tiles and the overdue list say why, the intake tile counts.
    await page.getByTestId('mode-wall').click();
    await page.getByTestId('wall-kpi-overdue').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('wall-kpi-overdue').getAttribute('data-unavailable')).toBe('true');
    expect(await page.getByTestId('wall-kpi-on_time_rate').getAttribute('data-unavailable')).toBe('true');
    expect(await page.getByTestId('wall-attention-unavailable').textContent()).toContain('due_at');
    expect(await page.getByTestId('wall-ranking-unavailable').textContent()).toContain('due_at');
    await page.waitForFunction(() => document.querySelector('[data-testid="wall-kpi-intake"]')?.getAttribute('data-value') !== '', null, { timeout: 120_000 });
    await page.goto(`${session.page.url().split('?')[0]}?lang=en`);
    await page.getByTestId('user-data-banner').waitFor({ timeout: 180_000 });
  });

  it('clears the data and is back on the demo, also after a reload', async () => {
    const page = session.page;
    await page.getByTestId('back-to-demo').click();
    await page.getByTestId('user-data-banner').waitFor({ state: 'detached', timeout: 180_000 });
    await waitForIntake(demoIntake!);
    // The map starts afresh on the demo's boundaries (regression: "Style is not done loading" when the data was swapped under a live map).
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 180_000 });
    expect(await page.getByTestId('error-card').count()).toBe(0);
    // The camera of the user's data (New York) is not kept: the map frames the demo city (Lishui, lon ≈ 118–121).
    // The map's own camera (data-camera: where it came to rest; the URL carries only the user's moves).
    await page.waitForFunction(() => {
      const lon = Number(document.querySelector('[data-testid="map"]')?.getAttribute('data-camera')?.split(',')[0]);
      return lon > 118 && lon < 121;
    }, null, { timeout: 120_000 });
    const camera = new URL(page.url()).searchParams.get('v');
    expect(camera === null || (Number(camera.split(',')[0]) > 118 && Number(camera.split(',')[0]) < 121)).toBe(true);
    await shot('8-demo-again');
    await page.reload();
    await waitForIntake(demoIntake!);
    expect(await page.getByTestId('user-data-banner').count()).toBe(0);
    expect(session.foreignRequests).toEqual([]);
  });
});
