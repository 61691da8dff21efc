import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

// Mesa's llvmpipe through ANGLE is ~10x faster than SwiftShader; all three flags are needed.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=gl-egl', '--ignore-gpu-blocklist',
];

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Requests that tried to leave the page's origin (each one fails the test). */
  foreignRequests: string[];
  consoleErrors: string[];
  close: () => Promise<void>;
}

/**
 * Debian's Chromium with a fresh profile; every request to another origin is recorded and
 * aborted. `extraArgs` are added to the usual flags (e.g. `--disable-webgl` to test a page without WebGL).
 */
export async function openBrowser(origin: string, viewport = { width: 1600, height: 900 }, extraArgs: readonly string[] = []): Promise<BrowserSession> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const profile = mkdtempSync(join(tmpdir(), 'onemap-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs], viewport, locale: 'zh-CN' });
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });
  // Shared 2-core machines are slow to compile 34 MB of wasm; waits are generous, not timings.
  context.setDefaultTimeout(120_000);
  context.setDefaultNavigationTimeout(120_000);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  return {
    context, page, foreignRequests, consoleErrors,
    close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}
