import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../support/csv';
import { requireTestData } from '../support/test-data';
import { openBrowser, type BrowserSession } from '../../scripts/lib/browser-session';
import { startPreview } from '../../scripts/lib/preview-server';

/**
 * The real-world-shaped corpus (issue #14, tests/fixtures/README.md) through the page's real
 * file inputs: files in other encodings and CSV dialects, and a historical extract with
 * deadlines on half its rows and stragglers months after its end. What the page must show
 * (accepted and rejected counts, the data time, the range coverage, the KPI values) is
 * computed here from the files with plain JS, not with src/ingest or src/sql.
 * The boundary files with foreign schemas have their own browser test (boundary-mapping.test.ts).
 */
const FIXTURES = resolve('tests/fixtures/ingest');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Set to a directory to keep screenshots of the steps (for looking at them, not for asserting). */
const SHOTS = process.env.ONEMAP_SCREENSHOT_DIR ?? null;

/** The three events every dialect file holds, written out here: what must come out of each. */
const DIALECT_EVENTS = [
  { id: 'D1', description: 'loud, late music' },
  { id: 'D2', description: 'blocked "fire" lane, again' },
  { id: 'D3', description: 'square dance, speakers' },
];
const DIALECT_FILES = ['dialect-preamble.csv', 'dialect-comments.csv', 'dialect-space.txt', 'dialect-comma-space.csv', 'dialect-single-quote.csv', 'dialect-backslash-escape.csv'];
/** The backslash file's descriptions hold escaped quotes of their own. */
const BACKSLASH_EVENTS = [
  { id: 'D1', description: 'loud, late music "1", see' },
  { id: 'D2', description: 'blocked "fire" lane, again' },
  { id: 'D3', description: 'square dance, speakers "3", see' },
];

/** "2025-01-01 08:00:00" → ms on a UTC axis (the city's wall clock); NaN when the date does not exist. */
function wallMs(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) return Number.NaN;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  return new Date(ms).getUTCDate() === d ? ms : Number.NaN;
}
const wallText = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** What the page must show for the historical extract, from its rows and the rules the fixture was written to exercise. */
function expectedExtract() {
  const records = parseCsvRecords(readFileSync(resolve(FIXTURES, 'historical-extract.csv'), 'utf8'));
  const accepted: { id: string; created: number; closed: number | null; due: number | null }[] = [];
  let rejected = 0;
  for (const r of records) {
    const created = wallMs(r['Created Date']!);
    const closed = r['Closed Date'] ? wallMs(r['Closed Date']) : null;
    if (Number.isNaN(created) || (closed !== null && closed < created)) { rejected++; continue; }
    accepted.push({ id: r['Unique Key']!, created, closed, due: r['Due Date'] ? wallMs(r['Due Date']) : null });
  }
  // The fixture's body is January–March 2025; the four rows after it are the stragglers.
  const body = accepted.filter((e) => e.created < Date.UTC(2025, 3, 1));
  const asOf = Math.max(...body.map((e) => e.created));
  const today = Math.floor(asOf / DAY) * DAY;
  const from30 = today - 29 * DAY;
  const closed30 = accepted.filter((e) => e.closed !== null && e.closed >= from30 && e.closed <= asOf);
  const withDeadline = closed30.filter((e) => e.due !== null);
  const firstDay = wallText(Math.min(...accepted.map((e) => e.created))).slice(0, 10);
  return {
    input: records.length, accepted: accepted.length, rejected, asOf: wallText(asOf), stragglers: accepted.length - body.length,
    in30Days: accepted.filter((e) => e.created >= from30 && e.created <= asOf).length,
    wholeSpan: { from: firstDay, to: wallText(asOf).slice(0, 10), intake: body.length },
    onTime: withDeadline.filter((e) => e.closed! <= e.due!).length / withDeadline.length,
    coverage: `${withDeadline.length} of ${closed30.length} have a deadline`,
    // The wall's tiles are today's (the data time's day, up to it).
    wallCoverage: (() => {
      const closedToday = accepted.filter((e) => e.closed !== null && e.closed >= today && e.closed <= asOf);
      return `${closedToday.filter((e) => e.due !== null).length} of ${closedToday.length} have a deadline`;
    })(),
    // Closed after the data time: at the data time it was still open.
    closedAfter: accepted.find((e) => e.closed !== null && e.closed > asOf && e.created <= asOf)!,
  };
}

describe('real cities\' files through the page (issue #14)', () => {
  const data = requireTestData();
  let server: Awaited<ReturnType<typeof startPreview>>;
  let session: BrowserSession;

  beforeAll(async () => {
    server = await startPreview(data.dir);
    session = await openBrowser(server.url, { width: 1600, height: 1000 });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  const openLoader = async () => {
    await session.page.goto(`${server.url}/?lang=en&mode=data`);
    await session.page.getByTestId('data-loader').waitFor({ timeout: 180_000 });
  };
  const chooseEvents = async (file: string) => {
    await session.page.getByTestId('events-input').setInputFiles(resolve(FIXTURES, file));
    await session.page.waitForFunction((name) => document.querySelector('[data-testid="mapping-step"]')?.textContent?.includes(name), file, { timeout: 60_000 });
  };
  const validate = async () => {
    await session.page.getByTestId('validate').click();
    await session.page.getByTestId('review-step').waitFor({ timeout: 120_000 });
    const count = async (id: string) => Number(await session.page.getByTestId(`count-${id}`).getAttribute('data-value'));
    return { input: await count('input'), accepted: await count('accepted'), rejected: await count('rejected') };
  };
  const loadAndOpenMap = async () => {
    await session.page.getByTestId('confirm-load').click();
    await session.page.getByTestId('loader-done').waitFor({ timeout: 120_000 });
    await session.page.getByTestId('open-map').click();
  };
  /** A query on the page's own engine, through the bench hook (`?bench`), on the data the page kept after loading. */
  const query = async (sql: string) => {
    if (!new URL(session.page.url()).searchParams.has('bench')) {
      await session.page.goto(`${server.url}/?lang=en&bench=1`);
      await session.page.waitForFunction(() => 'run' in ((window as unknown as { __ONEMAP_BENCH__?: object }).__ONEMAP_BENCH__ ?? {}), null, { timeout: 120_000 });
    }
    return session.page.evaluate(async (text) => {
      const hook = (window as unknown as { __ONEMAP_BENCH__: { run(sql: string): Promise<{ rows: Record<string, unknown>[] | null }> } }).__ONEMAP_BENCH__;
      return (await hook.run(text)).rows;
    }, sql);
  };

  it('reads a Windows-1252 export as Windows-1252, loads every row, and keeps "Transportation’s" intact', async () => {
    await openLoader();
    await chooseEvents('windows-1252.csv');
    expect(await session.page.getByTestId('read-guess').getAttribute('data-encoding')).toBe('windows-1252');
    // Independent: the file's bytes hold 0x92 (Windows-1252's ’) where the text says ’, never a GB18030 pair.
    const bytes = readFileSync(resolve(FIXTURES, 'windows-1252.csv'));
    const rows = bytes.toString('latin1').trim().split('\n').length - 1;
    expect(bytes.includes(0x92)).toBe(true);
    await session.page.getByTestId('map-description').selectOption('Resolution Description');
    expect(await validate()).toEqual({ input: rows, accepted: rows, rejected: 0 });
    await loadAndOpenMap();
    const texts = await query("SELECT count(*)::INTEGER AS n FROM events WHERE description LIKE '%Transportation’s%' OR description LIKE '%抯%'");
    const mojibake = await query("SELECT count(*)::INTEGER AS n FROM events WHERE description LIKE '%抯%'");
    expect(texts?.[0]?.n).toBe(3);
    expect(mojibake?.[0]?.n).toBe(0);
  });

  for (const file of DIALECT_FILES) {
    it(`reads ${file} with its sniffed dialect into the same three events`, async () => {
      await openLoader();
      await chooseEvents(file);
      expect(await validate()).toEqual({ input: DIALECT_EVENTS.length, accepted: DIALECT_EVENTS.length, rejected: 0 });
      await loadAndOpenMap();
      const loaded = await query('SELECT event_id AS id, description FROM events ORDER BY event_id');
      expect(loaded).toEqual(file === 'dialect-backslash-escape.csv' ? BACKSLASH_EVENTS : DIALECT_EVENTS);
    });
  }

  it('reads a file without a header once the user says so and maps its columns by position', async () => {
    await openLoader();
    await chooseEvents('dialect-no-header.csv');
    if (await session.page.getByTestId('read-header').isChecked()) {
      await session.page.getByTestId('read-header').uncheck();
      await session.page.waitForFunction(() => document.querySelector('[data-testid="preview"] th')?.textContent === 'column 1', null, { timeout: 60_000 });
    }
    const byPosition = { event_id: 'column 1', reported_at: 'column 2', category: 'column 3', lon: 'column 4', lat: 'column 5', description: 'column 6' };
    for (const [field, column] of Object.entries(byPosition)) await session.page.getByTestId(`map-${field}`).selectOption(column);
    expect(await validate()).toEqual({ input: 3, accepted: 3, rejected: 0 });
  });

  it('opens a historical extract at the end of its dense reporting, says what the range shows, and computes on-time only where a deadline exists', async () => {
    const expected = expectedExtract();
    expect(expected.stragglers).toBe(4);
    await openLoader();
    await chooseEvents('historical-extract.csv');
    expect(await session.page.getByTestId('map-due_at').inputValue()).toBe('Due Date');
    expect(await validate()).toEqual({ input: expected.input, accepted: expected.accepted, rejected: expected.rejected });
    const pick = session.page.getByTestId('data-time-pick');
    expect(await pick.getAttribute('data-value')).toBe(expected.asOf);
    expect(Number(await pick.getAttribute('data-stragglers'))).toBe(expected.stragglers);
    if (SHOTS) await session.page.screenshot({ path: resolve(SHOTS, 'extract-review.png'), fullPage: true });
    await loadAndOpenMap();

    const coverage = session.page.getByTestId('range-coverage');
    await coverage.waitFor({ timeout: 120_000 });
    expect(Number(await coverage.getAttribute('data-in-range'))).toBe(expected.in30Days);
    expect(Number(await coverage.getAttribute('data-loaded'))).toBe(expected.accepted);
    expect(Number(await coverage.getAttribute('data-after'))).toBe(expected.stragglers);
    expect(await coverage.textContent()).toContain(`This range holds ${expected.in30Days} of ${expected.accepted} loaded events`);
    // The user's data is not credited to the demo's sources.
    expect(await session.page.getByTestId('map-attribution').textContent()).toBe('Events and outlines: your own files');

    await session.page.waitForFunction(() => document.querySelector('[data-testid="kpi-on_time_rate_30d"]')?.getAttribute('data-value') !== ''
      && document.querySelector('[data-testid="kpi-strip"]')?.getAttribute('aria-busy') === 'false', null, { timeout: 120_000 });
    expect(Number(await session.page.getByTestId('kpi-on_time_rate_30d').getAttribute('data-value'))).toBeCloseTo(expected.onTime, 9);
    expect(await session.page.getByTestId('kpi-coverage-on_time_rate_30d').textContent()).toBe(expected.coverage);
    if (SHOTS) await session.page.screenshot({ path: resolve(SHOTS, 'extract-map.png') });

    await session.page.getByTestId('range-whole-span').click();
    await session.page.waitForFunction((n) => document.querySelector('[data-testid="kpi-intake_period"]')?.getAttribute('data-value') === String(n)
      && document.querySelector('[data-testid="kpi-strip"]')?.getAttribute('aria-busy') === 'false', expected.wholeSpan.intake, { timeout: 120_000 });
    const url = new URL(session.page.url());
    expect([url.searchParams.get('from'), url.searchParams.get('to')]).toEqual([expected.wholeSpan.from, expected.wholeSpan.to]);

    // The wall's on-time tile says its coverage too.
    await session.page.goto(`${url.origin}${url.pathname}?lang=en&mode=wall&interval=0`);
    await session.page.waitForFunction(() => document.querySelector('[data-testid="wall-kpis"]')?.getAttribute('aria-busy') === 'false'
      && document.querySelector('[data-testid="wall-kpi-closed"]')?.getAttribute('data-value') !== '', null, { timeout: 120_000 });
    expect(await session.page.getByTestId('wall-kpi-coverage-on_time_rate').textContent()).toBe(expected.wallCoverage);
    if (SHOTS) await session.page.screenshot({ path: resolve(SHOTS, 'extract-wall.png') });

    // An event closed after the data time is open at it.
    await session.page.goto(`${url.origin}${url.pathname}?lang=en&event=${expected.closedAfter.id}`);
    const status = session.page.getByTestId('event-status');
    await status.waitFor({ timeout: 120_000 });
    expect(await status.getAttribute('data-status')).not.toBe('closed');
    expect(await status.textContent()).toContain('after it');
    if (SHOTS) await session.page.screenshot({ path: resolve(SHOTS, 'extract-event.png') });
    expect(session.foreignRequests).toEqual([]);
  });
});
