import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKS } from '../../src/ui/bench-hook';
import { openBrowser, type BrowserSession } from '../../scripts/lib/browser-session';
import { startPreview } from '../../scripts/lib/preview-server';
import { requireTestData } from '../support/test-data';

/**
 * A start without noise (issue #15 point 11): no request fails or is aborted while the first
 * screen loads (the engine's file check used to show two aborted requests for duckdb-eh.wasm),
 * and the page does not rewrite the address it was opened with.
 */
describe('the first load is quiet', () => {
  const data = requireTestData();
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

  it('loads the map and the KPIs with no failed request and the address unchanged', async () => {
    const failed: string[] = [];
    session.page.on('requestfailed', (request) => failed.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? ''}`));
    const address = `${server.url}/`;
    await session.page.goto(address);
    await session.page.waitForFunction((names) => names.every((n) => performance.getEntriesByName(n, 'mark').length > 0), [MARKS.mapReady, MARKS.kpisReady], { timeout: 180_000 });
    await session.page.waitForFunction(() => document.querySelector('[data-testid="kpi-strip"]')?.getAttribute('aria-busy') === 'false', null, { timeout: 120_000 });
    expect(failed).toEqual([]);
    expect(session.page.url()).toBe(address);
    expect(session.foreignRequests).toEqual([]);
  });
});
