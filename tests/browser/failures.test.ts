import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/security/csp';
import { requireTestData } from '../support/test-data';
import { openBrowser, type BrowserSession } from '../../scripts/lib/browser-session';
import { startPreview } from '../../scripts/lib/preview-server';

const MAP_READY = '[data-testid="map"][data-ready="true"]';
const KPI_INTAKE = '[data-testid="kpi-intake_period"]';

/** Uncaught exceptions: a failure must be handled and explained, never thrown at the page. */
const uncaught = (session: BrowserSession) => session.consoleErrors.filter((text) => text.startsWith('pageerror:'));

/** Waits until the KPI strip shows a number (not loading, not an error). */
async function waitForKpiNumber(session: BrowserSession): Promise<string> {
  const handle = await session.page.waitForFunction((selector) => {
    const value = document.querySelector(selector)?.getAttribute('data-value');
    return value ? value : false;
  }, KPI_INTAKE, { timeout: 120_000 });
  return String(await handle.jsonValue());
}

describe('failures are explained, not blank', () => {
  const data = requireTestData();
  let server: Awaited<ReturnType<typeof startPreview>>;
  let session: BrowserSession | null = null;

  beforeAll(async () => { server = await startPreview(data.dir); });
  afterEach(async () => { await session?.close(); session = null; });
  afterAll(async () => { await server?.close(); });

  it('DuckDB-WASM whose .wasm file is missing: a readable message with a retry that recovers', async () => {
    const s = session = await openBrowser(server.url);
    // The engine's worker downloads the file; a context route also catches a worker's requests.
    let missing = true;
    await s.context.route('**/*.wasm', (route) => (missing ? route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }) : route.fallback()));
    await s.page.goto(`${server.url}/?lang=zh`);
    const card = s.page.locator('[data-testid="error-card"][data-failure="engine-wasm-unavailable"]');
    await card.waitFor({ timeout: 120_000 });
    const text = await card.innerText();
    expect(text).toContain('无法启动数据引擎');
    expect(text).toContain('可以尝试');
    expect(text).toContain('duckdb-eh.wasm');
    expect(await s.page.locator('h1').innerText()).not.toBe(''); // the page around the card is there
    expect(uncaught(s)).toEqual([]);

    missing = false;
    await card.getByTestId('retry').click();
    await s.page.waitForSelector(MAP_READY, { timeout: 180_000 });
    expect(Number(await waitForKpiNumber(s))).toBeGreaterThan(0);
    expect(s.foreignRequests).toEqual([]);
  });

  it('DuckDB-WASM whose .wasm file is damaged: the page checks the file and explains, instead of waiting for ever', async () => {
    const s = session = await openBrowser(server.url);
    // The first 64 KiB of the real file with status 200: the worker's compilation fails where the page cannot see it.
    const truncated = readFileSync(resolve('node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm')).subarray(0, 65_536);
    await s.context.route('**/*.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: truncated }));
    await s.page.goto(`${server.url}/?lang=en`);
    const card = s.page.locator('[data-testid="error-card"][data-failure="engine-wasm-rejected"]');
    await card.waitFor({ timeout: 120_000 });
    const text = await card.innerText();
    expect(text).toContain('The data engine cannot start');
    const detail = (await card.textContent()) ?? ''; // the browser's own words, under "Technical detail"
    expect(detail).toContain('65,536 bytes');
    expect(detail).toContain('damaged or truncated');
    // The engine's own worker leaves its compile error unhandled (the reason for the check); nothing else may be.
    expect(uncaught(s).filter((error) => !error.includes('WebAssembly.instantiateStreaming()'))).toEqual([]);
  });

  it('the English message when the language is English', async () => {
    const s = session = await openBrowser(server.url);
    await s.context.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await s.page.goto(`${server.url}/?lang=en`);
    const card = s.page.locator('[data-testid="error-card"][data-failure="engine-wasm-unavailable"]');
    await card.waitFor({ timeout: 120_000 });
    expect(await card.innerText()).toContain('The data engine cannot start');
    expect(await card.getByTestId('retry').innerText()).toBe('Retry');
  });

  it("DuckDB-WASM whose worker cannot load: explained, instead of waiting for ever", async () => {
    const s = session = await openBrowser(server.url);
    await s.context.route('**/duckdb-browser-eh.worker*.js', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
    await s.page.goto(`${server.url}/?lang=zh`);
    const card = s.page.locator('[data-testid="error-card"][data-failure="engine-worker-failed"]');
    await card.waitFor({ timeout: 120_000 });
    expect(await card.innerText()).toContain('后台线程');
    expect(uncaught(s)).toEqual([]);
  });

  it("a policy without 'wasm-unsafe-eval' (a common deployment mistake): the engine explains that the browser refused it", async () => {
    const s = session = await openBrowser(server.url);
    const withoutWasm = contentSecurityPolicy().replace(" 'wasm-unsafe-eval'", '');
    await s.context.route((url) => url.pathname === '/', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': withoutWasm } });
    });
    await s.page.goto(`${server.url}/?lang=en`);
    const card = s.page.locator('[data-testid="error-card"][data-failure="engine-wasm-rejected"]');
    await card.waitFor({ timeout: 120_000 });
    expect(await card.innerText()).toContain("'wasm-unsafe-eval'");
    expect(uncaught(s)).toEqual([]);
  });

  it('a browser without WebGL: the map area explains it, KPIs and ranking still work', async () => {
    const s = session = await openBrowser(server.url, undefined, ['--disable-webgl', '--disable-3d-apis']);
    await s.page.goto(`${server.url}/?lang=zh`);
    const card = s.page.locator('.map-wrap [data-testid="error-card"][data-failure="map-no-webgl"]');
    await card.waitFor({ timeout: 180_000 });
    expect(await card.innerText()).toContain('WebGL');
    expect(Number(await waitForKpiNumber(s))).toBeGreaterThan(0);
    await s.page.locator('[data-testid="ranking"]').waitFor({ timeout: 120_000 });
    expect(await s.page.locator('[data-testid^="rank-"]').count()).toBeGreaterThan(0);
    expect(uncaught(s)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });

  it('panels whose query fails show error cards with a retry while the map keeps working', async () => {
    const s = session = await openBrowser(server.url);
    await s.page.goto(`${server.url}/?lang=zh&bench`);
    await s.page.waitForSelector(MAP_READY, { timeout: 180_000 });
    await waitForKpiNumber(s);
    // A real failing query, not a planted throw: the KPI strip and the ranking read due_at.
    // The demo's events are an attached read-only file (src/sql/event-store.ts): an in-memory
    // events table without the column comes first in the search path and hides it.
    await s.page.evaluate(() => window.__ONEMAP_BENCH__!.run('CREATE TABLE memory.main.events AS SELECT * EXCLUDE (due_at) FROM event_store.main.events'));
    await s.page.getByTestId('range-7d').click(); // new SQL, so nothing comes from the cache
    const cards = s.page.locator('[data-testid="error-card"]');
    await s.page.waitForFunction(() => document.querySelectorAll('[data-testid="error-card"]').length >= 2, undefined, { timeout: 120_000 });
    expect(await s.page.locator('[data-testid="kpi-strip"]').count()).toBe(0);
    expect(await cards.first().innerText()).toContain('due_at');
    // The map does not need the column: it draws the 7-day points.
    await s.page.waitForSelector(MAP_READY, { timeout: 180_000 });
    expect(Number(await s.page.getByTestId('map').getAttribute('data-point-count'))).toBeGreaterThan(0);

    await s.page.evaluate(() => window.__ONEMAP_BENCH__!.run('DROP TABLE memory.main.events'));
    for (let attempt = 0; attempt < 10 && (await cards.count()) > 0; attempt++) {
      await cards.first().getByRole('button').click();
      await s.page.waitForTimeout(500);
    }
    expect(await cards.count()).toBe(0);
    expect(Number(await waitForKpiNumber(s))).toBeGreaterThan(0);
    await s.page.locator('[data-testid="ranking"]').waitFor({ timeout: 120_000 });
    expect(uncaught(s)).toEqual([]);
  });
});
