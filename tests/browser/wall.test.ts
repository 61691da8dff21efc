import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeDatabase } from '../../src/engine/node';
import { requireTestData } from '../support/test-data';
import { openBrowser, type BrowserSession } from '../../scripts/lib/browser-session';
import { startPreview } from '../../scripts/lib/preview-server';

const MAP_READY = '[data-testid="map"][data-ready="true"]';
const FEED = '/wall-feed/events.arrow';
const SHOTS = '.cache';
/** Events added "today" (two hours before the data time) in the feed that grows. */
const ADDED = 40;

type Feed = 'base' | 'extended' | 'fail' | 'garbage';

/** From the DOM: what lies outside the viewport, which text boxes overlap, and whether the page scrolls. */
async function layoutProblems(session: BrowserSession): Promise<{ outside: string[]; overlaps: string[]; scrolls: boolean }> {
  return session.page.evaluate(() => {
    const describe = (e: Element) => `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]}[${(e.textContent ?? '').trim().slice(0, 24)}]`;
    const canvas = document.querySelector('[data-testid="wall-canvas"]')!;
    const visible = (e: Element) => {
      const style = getComputedStyle(e);
      const r = e.getBoundingClientRect();
      return style.display !== 'none' && style.visibility !== 'hidden' && r.width > 0 && r.height > 0;
    };
    // maplibre's own elements and the charts' SVG internals are drawings, not page layout.
    const elements = [canvas, ...canvas.querySelectorAll('*')].filter((e) => !e.closest('svg') && !e.closest('.maplibregl-control-container') && visible(e));
    const outside = elements.filter((e) => {
      const r = e.getBoundingClientRect();
      return r.left < -1 || r.top < -1 || r.right > window.innerWidth + 1 || r.bottom > window.innerHeight + 1;
    }).map(describe);
    const texts = elements.filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim().length > 0));
    const overlaps: string[] = [];
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i]!, b = texts[j]!;
        if (a.contains(b) || b.contains(a)) continue;
        const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > 1 && h > 1) overlaps.push(`${describe(a)} × ${describe(b)}`);
      }
    }
    const root = document.documentElement;
    return { outside, overlaps, scrolls: root.scrollWidth > window.innerWidth || root.scrollHeight > window.innerHeight };
  });
}

async function kpi(session: BrowserSession, id: string): Promise<number> {
  return Number(await session.page.getByTestId(`wall-kpi-${id}`).getAttribute('data-value'));
}

describe('the wall display in headless Chromium', () => {
  const data = requireTestData();
  const baseBytes = readFileSync(join(data.dir, 'events.arrow'));
  let extendedBytes: Uint8Array;
  let server: Awaited<ReturnType<typeof startPreview>>;
  let session: BrowserSession;
  let feed: Feed = 'base';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // The feed that grows: the same table plus events reported two hours before the data time.
    const db = await createNodeDatabase();
    await db.insertArrowIpc('events', baseBytes);
    const at = new Date(Date.parse(`${data.asOf.replace(' ', 'T')}Z`) - 2 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    extendedBytes = db.exportArrowIpc(`SELECT * FROM events UNION ALL
      SELECT * REPLACE ('wall-test-' || event_id AS event_id, TIMESTAMP '${at}' AS reported_at, 'reported' AS status,
        NULL::TIMESTAMP AS dispatched_at, NULL::TIMESTAMP AS accepted_at, NULL::TIMESTAMP AS resolved_at, NULL::TIMESTAMP AS closed_at,
        TIMESTAMP '${at}' + INTERVAL 3 DAY AS due_at, NULL::VARCHAR AS outcome, NULL::VARCHAR AS satisfaction, NULL::VARCHAR AS closed_level)
      FROM (SELECT * FROM events ORDER BY event_id LIMIT ${ADDED})`);
    await db.close();
    server = await startPreview(data.dir);
    session = await openBrowser(server.url, { width: 1920, height: 1080 });
    // A predicate, not a glob: the page's own URL ends with the feed path too (?source=…).
    await session.page.route((url) => url.pathname === FEED, (route) => {
      if (feed === 'fail') return route.fulfill({ status: 500, body: 'upstream failed' });
      if (feed === 'garbage') return route.fulfill({ status: 200, contentType: 'application/vnd.apache.arrow.stream', body: Buffer.from('<html>not arrow</html>') });
      return route.fulfill({ status: 200, contentType: 'application/vnd.apache.arrow.stream', body: Buffer.from(feed === 'base' ? baseBytes : extendedBytes) });
    });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('fits 1920×1080, 3840×2160 and 5760×1080 with nothing outside the screen and no overlapping text', async () => {
    await session.page.goto(`${server.url}/?mode=wall&lang=zh&interval=0&refresh=0`);
    await session.page.waitForSelector(MAP_READY, { timeout: 180_000 });
    for (const [width, height] of [[1920, 1080], [3840, 2160], [5760, 1080]] as const) {
      await session.page.setViewportSize({ width, height });
      await session.page.waitForFunction(([w, h]) => {
        const canvas = document.querySelector('[data-testid="wall-canvas"]')!.getBoundingClientRect();
        return Math.abs(canvas.width - Math.min(w!, 5760 * (h! / 1080))) < 2 && document.querySelectorAll('[data-testid^="wall-rank-"]').length > 0
          && document.querySelector('[data-testid="wall-kpis"]')?.getAttribute('aria-busy') === 'false';
      }, [width, height], { timeout: 60_000 });
      await session.page.waitForSelector(MAP_READY, { timeout: 120_000 });
      await session.page.waitForTimeout(2500);
      await session.page.screenshot({ path: join(SHOTS, `wall-${width}x${height}.png`) });
      const problems = await layoutProblems(session);
      expect(problems.scrolls, `${width}×${height} scrolls`).toBe(false);
      expect(problems.outside, `${width}×${height} outside`).toEqual([]);
      expect(problems.overlaps, `${width}×${height} overlaps`).toEqual([]);
    }
    expect(session.foreignRequests).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
    await session.page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('keeps the last good numbers with a stale badge when the source fails, takes new events when it recovers', async () => {
    feed = 'base';
    await session.page.goto(`${server.url}/?mode=wall&lang=zh&interval=0&refresh=1&source=${FEED}`);
    await session.page.waitForSelector(MAP_READY, { timeout: 180_000 });
    await session.page.waitForFunction(() => Number(document.querySelector('[data-testid="wall"]')?.getAttribute('data-refresh-cycles')) >= 1, undefined, { timeout: 60_000 });
    await session.page.waitForFunction(() => document.querySelector('[data-testid="wall-kpis"]')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 60_000 });
    const intake = await kpi(session, 'intake');
    const backlog = await kpi(session, 'backlog');
    expect(intake).toBeGreaterThan(0);

    for (const failure of ['fail', 'garbage'] as const) {
      feed = failure;
      const failures = Number(await session.page.getByTestId('wall').getAttribute('data-refresh-failures'));
      await session.page.waitForFunction((n) => Number(document.querySelector('[data-testid="wall"]')?.getAttribute('data-refresh-failures')) > n, failures, { timeout: 60_000 });
      await session.page.getByTestId('stale-badge').waitFor({ state: 'visible', timeout: 30_000 });
      expect(await session.page.getByTestId('stale-badge').textContent()).toMatch(/^数据已过时，自 \d{2}:\d{2} 起$/);
      expect(await kpi(session, 'intake')).toBe(intake);
      expect(await kpi(session, 'backlog')).toBe(backlog);
    }
    await session.page.screenshot({ path: join(SHOTS, 'wall-stale.png') });

    feed = 'extended';
    await session.page.getByTestId('stale-badge').waitFor({ state: 'detached', timeout: 60_000 });
    await session.page.waitForFunction((n) => Number(document.querySelector('[data-testid="wall-kpi-intake"]')?.getAttribute('data-value')) === n, intake + ADDED, { timeout: 60_000 });
    await session.page.waitForFunction((n) => Number(document.querySelector('[data-testid="wall-kpi-backlog"]')?.getAttribute('data-value')) === n, backlog + ADDED, { timeout: 60_000 });
    expect(await session.page.getByTestId('wall-freshness').textContent()).toMatch(/^数据更新于 \d{2}:\d{2}$/);

    feed = 'base';
    await session.page.waitForFunction((n) => Number(document.querySelector('[data-testid="wall-kpi-intake"]')?.getAttribute('data-value')) === n, intake, { timeout: 60_000 });
    expect(session.foreignRequests).toEqual([]);
  });

  it('tours the units of the URL, the side panels follow, and jumps without flying under reduced motion', async () => {
    await session.page.emulateMedia({ reducedMotion: 'reduce' });
    await session.page.goto(`${server.url}/?mode=wall&lang=en&interval=3&refresh=0&units=331102,331122&layers=points,coverage`);
    await session.page.waitForSelector(MAP_READY, { timeout: 180_000 });
    const wall = session.page.getByTestId('wall');
    expect(await wall.getAttribute('data-reduced-motion')).toBe('true');
    // The tour may already have stepped on by the time a loaded machine draws the map, so
    // each unit is awaited as a state of the page (wall, map and ranking agreeing at once)
    // rather than read once: with two units the tour comes back to each within 6 s.
    expect(['331102', '331122']).toContain(await wall.getAttribute('data-unit'));
    for (const unit of ['331102', '331122']) {
      await session.page.waitForFunction((code) => document.querySelector('[data-testid="wall"]')?.getAttribute('data-unit') === code
        && document.querySelector('[data-testid="map"]')?.getAttribute('data-unit') === code
        && document.querySelector(`[data-testid="wall-rank-${code}"]`)?.getAttribute('aria-current') === 'true', unit, { timeout: 60_000 });
    }
    await session.page.waitForSelector('[data-testid="wall"][data-layer="coverage"]', { timeout: 60_000 });
    // Checked in one moment in the page: with a 3 s tour the next step may come between two reads.
    await session.page.waitForFunction(() => document.querySelector('[data-testid="wall"]')?.getAttribute('data-unit') === '331122'
      && (document.querySelector('[data-testid="wall-focus"]')?.textContent ?? '').includes('缙云县'), undefined, { timeout: 60_000 });
    await session.page.emulateMedia({ reducedMotion: null });
  });

  it('rebuilds the map after a WebGL context loss, without a reload', async () => {
    await session.page.goto(`${server.url}/?mode=wall&lang=zh&interval=0&refresh=0`);
    await session.page.waitForSelector(MAP_READY, { timeout: 180_000 });
    await session.page.evaluate(() => { (window as unknown as { __wallPage: boolean }).__wallPage = true; });
    const lost = await session.page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas');
      const gl = canvas?.getContext('webgl2') ?? canvas?.getContext('webgl');
      const extension = gl?.getExtension('WEBGL_lose_context');
      if (!extension) return false;
      extension.loseContext();
      return true;
    });
    expect(lost).toBe(true);
    await session.page.waitForSelector('[data-testid="wall-map"][data-map-generation="1"]', { timeout: 60_000 });
    await session.page.waitForSelector(MAP_READY, { timeout: 180_000 });
    expect(await session.page.evaluate(() => (window as unknown as { __wallPage?: boolean }).__wallPage)).toBe(true);
    expect(await session.page.getByTestId('wall-map').getAttribute('data-context-lost')).toBe('false');
  });
});
