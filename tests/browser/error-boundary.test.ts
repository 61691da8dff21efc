import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../../scripts/lib/browser-session';

/**
 * The app's ErrorBoundary (src/ui/ErrorBoundary.tsx) around a panel that throws while
 * rendering. The throwing panel is a fixture page served by a Vite dev server of its own,
 * so production code holds no planted failure. (A failing query, which panels show as an
 * error card themselves, is tested on the built app in failures.test.ts.)
 */
describe('an error boundary around a panel', () => {
  const root = resolve('tests/browser/fixtures/error-boundary');
  let server: ViteDevServer;
  let url: string;
  let session: BrowserSession;

  beforeAll(async () => {
    server = await createServer({
      configFile: false, root, plugins: [react()], logLevel: 'warn',
      // Its own dependency cache, so the app's dev server (if one runs) is not disturbed.
      cacheDir: resolve('.cache/vite-error-boundary'),
      server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false, fs: { allow: [resolve('.')] } },
    });
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('the fixture server reported no TCP address');
    url = `http://127.0.0.1:${address.port}`;
    session = await openBrowser(url);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('shows an error card in the failed region only, and retry renders it again', async () => {
    const { page } = session;
    await page.goto(`${url}/?lang=zh`);
    const card = page.locator('[data-region="flaky"] [data-testid="error-card"]');
    await card.waitFor({ timeout: 120_000 });
    expect(await card.innerText()).toContain('planted render failure in FlakyPanel');
    expect(await page.getByTestId('sibling').innerText()).toBe('the other panel works');
    // Still broken: retry shows the card again rather than a blank region.
    await card.getByRole('button', { name: '重试' }).click();
    await card.waitFor({ timeout: 30_000 });
    await page.evaluate(() => { window.__PANEL_BROKEN__ = false; });
    await card.getByRole('button', { name: '重试' }).click();
    await page.getByTestId('flaky-recovered').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="error-card"]').count()).toBe(0);
    expect(session.foreignRequests).toEqual([]);
  });
});
