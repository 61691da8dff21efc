import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTestData } from '../support/test-data';
import { openBrowser, type BrowserSession } from '../../scripts/lib/browser-session';
import { startPreview } from '../../scripts/lib/preview-server';

/**
 * Encodings and CSV dialects on the data page (issue #14 points 4 and 5): the windows-1252
 * file of the issue is detected as such and previewed without mojibake; forcing GB18030
 * shows the old mojibake and lists it as suspicious; a preamble file is read with the
 * sniffed skipped rows, and changing the delimiter or the rows to skip reads it again.
 */
const WINDOWS_1252 = resolve('tests/fixtures/ingest/windows-1252.csv');
const PREAMBLE = resolve('tests/fixtures/ingest/dialect-preamble.csv');
const SCREENSHOT = process.env.ONEMAP_SCREENSHOT_DIR ? resolve(process.env.ONEMAP_SCREENSHOT_DIR, 'read-options.png') : null;

describe('read options in the data loader (headless Chromium)', () => {
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

  const idle = () => session.page.waitForFunction(() => document.querySelector('[data-testid="data-loader"]')?.getAttribute('aria-busy') === 'false', null, { timeout: 60_000 });

  it('detects windows-1252, previews it cleanly, and shows the mojibake when GB18030 is forced', async () => {
    const page = session.page;
    await page.getByTestId('events-input').setInputFiles(WINDOWS_1252);
    await page.getByTestId('mapping-step').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('read-guess').getAttribute('data-encoding')).toBe('windows-1252');
    expect(await page.getByTestId('read-guess').textContent()).toContain('Detected: Windows-1252');
    expect(await page.getByTestId('read-encoding').inputValue()).toBe('windows-1252');
    expect(await page.getByTestId('preview').textContent()).toContain('Transportation’s');
    expect(await page.getByTestId('suspicious-chars').getAttribute('data-count')).toBe('0');
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT.replace('.png', '-1252.png'), fullPage: true });

    await page.getByTestId('read-encoding').selectOption('gb18030');
    await page.waitForFunction(() => document.querySelector('[data-testid="preview"]')?.textContent?.includes('Transportation抯'), null, { timeout: 60_000 });
    expect(await page.getByTestId('read-encoding').inputValue()).toBe('gb18030');
    expect(Number(await page.getByTestId('suspicious-chars').getAttribute('data-count'))).toBe(4);
    expect(await page.getByTestId('suspicious-chars').textContent()).toContain('Line 2:');
    // The guess stays what was detected; the mapping survives (same columns).
    expect(await page.getByTestId('read-guess').getAttribute('data-encoding')).toBe('windows-1252');
    expect(await page.getByTestId('map-event_id').inputValue()).toBe('Unique Key');
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT.replace('.png', '-gb18030.png'), fullPage: true });
  });

  it('skips the preamble it sniffed, and reads again when the delimiter or the skipped rows change', async () => {
    const page = session.page;
    await page.getByTestId('events-input').setInputFiles(PREAMBLE);
    await page.waitForFunction(() => document.querySelector('[data-testid="mapping-step"]')?.textContent?.includes('dialect-preamble.csv'), null, { timeout: 60_000 });
    // The read options follow the new file once its summary arrives (they may still show the previous file's for a moment).
    await page.waitForFunction(() => (document.querySelector('[data-testid="read-skip"]') as HTMLInputElement | null)?.value === '3', null, { timeout: 60_000 });
    expect(await page.getByTestId('read-delimiter').inputValue()).toBe('comma');
    expect(await page.getByTestId('map-event_id').inputValue()).toBe('event_id');
    expect(await page.getByTestId('preview').textContent()).toContain('square dance, speakers');

    await page.getByTestId('read-delimiter').selectOption('semicolon');
    await page.waitForFunction(() => document.querySelector('[data-testid="preview"] th')?.textContent === 'event_id,reported_at,category,lon,lat,description', null, { timeout: 60_000 });
    // The mapping was suggested again for the one column left (plus "not mapped").
    expect(await page.locator('[data-testid="map-event_id"] option').count()).toBe(2);

    await page.getByTestId('read-delimiter').selectOption('comma');
    await page.getByTestId('read-skip').fill('0');
    await page.getByTestId('read-skip').press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="preview"] th')?.textContent === 'Events export: Liandu district', null, { timeout: 60_000 });
    await idle();
    await page.getByTestId('read-reset').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="preview"] th')?.textContent === 'event_id', null, { timeout: 60_000 });
    expect(await page.getByTestId('read-skip').inputValue()).toBe('3');
    expect(await page.getByTestId('map-event_id').inputValue()).toBe('event_id');
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT.replace('.png', '-preamble.png'), fullPage: true });
    expect(session.foreignRequests).toEqual([]);
  });
});
