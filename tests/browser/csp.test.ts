import type { Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/security/csp';
import { requireTestData } from '../support/test-data';
import { openBrowser, type BrowserSession } from '../../scripts/lib/browser-session';
import { startPreview } from '../../scripts/lib/preview-server';

const MAP_READY = '[data-testid="map"][data-ready="true"]';

interface Violation { directive: string; blocked: string; source: string }
declare global { interface Window { __CSP_VIOLATIONS__?: Violation[] } }

/**
 * Runs before any page script: every CSP violation the document reports is kept for the
 * test. (A violation inside a worker is reported there, and also as a console error, which
 * the harness records.)
 */
function recordViolations(): void {
  window.__CSP_VIOLATIONS__ = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__CSP_VIOLATIONS__?.push({ directive: event.effectiveDirective, blocked: event.blockedURI, source: `${event.sourceFile}:${event.lineNumber}` });
  });
}

describe('the built app under its Content-Security-Policy', () => {
  const data = requireTestData();
  let server: Awaited<ReturnType<typeof startPreview>>;
  let session: BrowserSession;
  const responses: { url: string; status: number; csp: string | null; nosniff: string | null }[] = [];
  const violations = () => session.page.evaluate(() => window.__CSP_VIOLATIONS__ ?? []);
  /** No violation, no console error and no foreign request so far in this page. */
  const expectClean = async (where: string) => {
    expect(await violations(), `${where}: CSP violations`).toEqual([]);
    expect(session.consoleErrors, `${where}: console errors`).toEqual([]);
    expect(session.foreignRequests, `${where}: requests to other origins`).toEqual([]);
  };
  /** Waits until a mode has booted (no loading screen) and had a moment to draw. */
  const settle = async () => {
    await session.page.waitForSelector('[data-testid="loading"]', { state: 'detached', timeout: 180_000 });
    await session.page.waitForTimeout(3000);
  };

  beforeAll(async () => {
    server = await startPreview(data.dir);
    session = await openBrowser(server.url);
    await session.context.addInitScript(recordViolations);
    session.page.on('response', (response: Response) => {
      void response.allHeaders().then((headers) => responses.push({
        url: response.url(), status: response.status(), csp: headers['content-security-policy'] ?? null, nosniff: headers['x-content-type-options'] ?? null,
      }));
    });
    await session.page.goto(`${server.url}/?lang=zh`);
    await session.page.waitForSelector(`${MAP_READY}[data-layer-drawn="true"]`, { timeout: 180_000 });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('sends the policy with the page, its scripts, workers, wasm, styles and data', () => {
    const expected = contentSecurityPolicy();
    const ours = responses.filter((r) => r.url.startsWith(server.url));
    const paths = ours.map((r) => new URL(r.url).pathname);
    // index.html, the bundle, maplibre's worker module, DuckDB's wasm, the stylesheet, the data.
    for (const kind of [/^\/$/, /\.js$/, /\.mjs$/, /\.wasm$/, /\.css$/, /^\/demo\/events\.duckdb$/]) {
      expect(paths.some((path) => kind.test(path)), `a response matching ${kind}`).toBe(true);
    }
    for (const response of ours) {
      expect(response.csp, response.url).toBe(expected);
      expect(response.nosniff, response.url).toBe('nosniff');
    }
  });

  it('draws the map page with no violation and no console error', async () => {
    expect(Number(await session.page.getByTestId('map').getAttribute('data-point-count'))).toBeGreaterThan(0);
    expect(await session.page.getByTestId('kpi-intake_period').getAttribute('data-value')).not.toBe('');
    await expectClean('map');
  });

  it('opens the other modes with no violation and no console error', async () => {
    // Every mode is visited before asserting, so one run lists all that a mode needs.
    const problems: Record<string, unknown[]> = {};
    const collect = async (mode: string) => {
      const found = [...(await violations()), ...session.consoleErrors, ...session.foreignRequests];
      if (found.length > 0) problems[mode] = found;
      await session.page.evaluate(() => { window.__CSP_VIOLATIONS__ = []; });
      session.consoleErrors.length = 0;
      session.foreignRequests.length = 0;
    };
    for (const mode of ['briefing', 'sql', 'data']) {
      await session.page.getByTestId(`mode-${mode}`).click();
      await session.page.waitForFunction((m) => new URL(window.location.href).searchParams.get('mode') === m, mode);
      await settle();
      await collect(mode);
    }
    // The wall display has no navigation bar: it is opened by its own URL, as on a wall.
    await session.page.goto(`${server.url}/?mode=wall&lang=zh`);
    await settle();
    await collect('wall');
    expect(problems).toEqual({});
    await session.page.goto(`${server.url}/?lang=zh`);
    await session.page.waitForSelector(MAP_READY, { timeout: 180_000 });
  });

  it('blocks a fetch to another origin by the policy itself, before the network', async () => {
    const outcome = await session.page.evaluate(async () => {
      const seen = new Promise<{ directive: string; blocked: string }>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve({ directive: event.effectiveDirective, blocked: event.blockedURI }), { once: true });
      });
      const result = await fetch('http://example.invalid/probe').then(() => 'loaded', () => 'failed');
      const violation = await Promise.race([seen, new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000))]);
      return { result, violation };
    });
    expect(outcome.result).toBe('failed');
    expect(outcome.violation).toEqual({ directive: 'connect-src', blocked: 'http://example.invalid/probe' });
    // The harness aborts foreign requests at the network too; the policy stopped this one first.
    expect(session.foreignRequests).toEqual([]);
    session.consoleErrors.length = 0; // the browser logs the refusal, as it should
  });

  it('refuses eval of text and images from another origin', async () => {
    const outcome = await session.page.evaluate(async () => {
      const collected: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => collected.push(event.effectiveDirective));
      // Later, from a timer: code evaluated by the test driver itself is exempt from the
      // policy (CDP's allowUnsafeEvalBlockedByCSP), a callback of the page is not.
      const evaluated = await new Promise<string>((resolve) => setTimeout(() => {
        try { (0, eval)('1 + 1'); resolve('ran'); } catch (error) { resolve(error instanceof Error ? error.name : 'threw'); }
      }, 0));
      const image = new Image();
      const loaded = new Promise<string>((resolve) => { image.onload = () => resolve('loaded'); image.onerror = () => resolve('failed'); });
      image.src = 'http://example.invalid/pixel.png';
      const imageResult = await loaded;
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { evaluated, imageResult, collected };
    });
    expect(outcome.evaluated).toBe('EvalError');
    expect(outcome.imageResult).toBe('failed');
    expect(outcome.collected).toEqual(expect.arrayContaining(['script-src', 'img-src']));
    expect(session.foreignRequests).toEqual([]);
    session.consoleErrors.length = 0;
  });
});
