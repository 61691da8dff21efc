import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestEventsFile } from '../../src/ingest';
import { requireTestData } from '../support/test-data';
import { openBrowser, type BrowserSession } from '../../scripts/lib/browser-session';
import { startPreview } from '../../scripts/lib/preview-server';

/**
 * The bad-input corpus (tests/fixtures/ingest, issue #8) through the page's real file input,
 * with the demo loaded: each file ends in a clear message or a validation summary whose
 * rejected count equals the library's in Node (tests/unit/ingest-corpus.test.ts holds the exact
 * expected counts and messages), the tab still answers, and after cancelling, the demo's
 * numbers are unchanged and nothing was swapped in.
 */
const CORPUS = resolve('tests/fixtures/ingest');
/** Files wrong as a whole (no rows, not JSON, not events): the loader must say so up front. */
const WHOLE_FILE_PROBLEMS = ['empty.csv', 'header-only.csv', 'invalid.json', 'not-events.json'];
const FILES = [
  'empty.csv', 'header-only.csv', 'invalid.json', 'not-events.json', 'ragged.csv', 'duplicate-columns.csv', 'mixed-line-endings.csv',
  'gb18030.csv', 'hostile.csv', 'values-coordinates.csv', 'values-times.csv', 'values-lifecycle.csv', 'values-ids-severity-category.csv',
];

describe('the bad-input corpus through the data loader', () => {
  const data = requireTestData();
  let server: Awaited<ReturnType<typeof startPreview>>;
  let session: BrowserSession;
  let demoIntake: string | null = null;
  /** How each file ended, so that the last test can check the paths above were really taken. */
  const outcomes: Record<string, 'refused' | 'reviewed' | 'not validated'> = {};

  const intake = () => session.page.evaluate(() => {
    const strip = document.querySelector('[data-testid="kpi-strip"]');
    return strip?.getAttribute('aria-busy') === 'false' ? document.querySelector('[data-testid="kpi-intake_period"]')?.getAttribute('data-value') ?? null : null;
  });

  beforeAll(async () => {
    server = await startPreview(data.dir);
    session = await openBrowser(server.url);
    await session.page.goto(`${server.url}/?lang=en`);
    await session.page.waitForFunction(() => document.querySelector('[data-testid="kpi-strip"]')?.getAttribute('aria-busy') === 'false', null, { timeout: 180_000 });
    demoIntake = await intake();
    expect(demoIntake).toMatch(/^\d+$/);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  for (const file of FILES) {
    it(`${file}: a message or a validation summary, the tab responsive, nothing swapped in`, async () => {
      const page = session.page;
      await page.getByTestId('mode-data').click();
      await page.getByTestId('events-input').setInputFiles(resolve(CORPUS, file));
      const outcome = await Promise.race([
        page.getByTestId('loader-error').waitFor().then(() => 'error' as const),
        page.getByTestId('mapping-step').waitFor().then(() => 'mapping' as const),
      ]);
      let expectedRejected: number | null = null;
      try {
        expectedRejected = (await ingestEventsFile(new Uint8Array(readFileSync(resolve(CORPUS, file))), file)).result.counts.rejected;
      } catch {
        expectedRejected = null; // the library refuses the whole file: the page must say so
      }
      if (outcome === 'error') {
        const message = (await page.getByTestId('loader-error').textContent()) ?? '';
        expect(message, 'the message names the file').toContain(file);
        expect(expectedRejected, 'the page refused a file the library reads').toBeNull();
        outcomes[file] = 'refused';
      } else {
        // A file that is wrong as a whole says so, naming the file, before any row is validated.
        if (WHOLE_FILE_PROBLEMS.includes(file)) expect(await page.getByTestId('file-issues').textContent(), 'file-level message').toContain(file);
      }
      if (outcome === 'mapping' && await page.getByTestId('validate').isEnabled()) {
        await page.getByTestId('validate').click();
        await Promise.race([page.getByTestId('review-step').waitFor(), page.getByTestId('loader-error').waitFor()]);
        if (await page.getByTestId('review-step').count()) {
          expect(Number(await page.getByTestId('count-rejected').getAttribute('data-value'))).toBe(expectedRejected);
          const examples = (await page.getByTestId('review-step').textContent()) ?? '';
          if ((expectedRejected ?? 0) > 0) expect(examples).toContain(`${file}, row`);
          await page.getByTestId('cancel').click();
          outcomes[file] = 'reviewed';
        }
      }
      outcomes[file] ??= 'not validated';
      // The tab answers at once, whatever the file did.
      expect(await page.evaluate(() => 6 * 7)).toBe(42);
      await page.getByTestId('mode-map').click();
      await page.waitForFunction((v) => document.querySelector('[data-testid="kpi-strip"]')?.getAttribute('aria-busy') === 'false'
        && document.querySelector('[data-testid="kpi-intake_period"]')?.getAttribute('data-value') === v, demoIntake, { timeout: 120_000 });
      expect(await page.getByTestId('user-data-banner').count()).toBe(0);
    });
  }

  it('validated and counted the rows of most files', () => {
    console.log(`[bad input] ${JSON.stringify(outcomes)}`);
    const tally = (kind: string) => Object.values(outcomes).filter((o) => o === kind).length;
    expect(Object.keys(outcomes)).toHaveLength(FILES.length);
    expect(tally('reviewed')).toBeGreaterThanOrEqual(9);
  });

  it('logged no page error and made no request to another origin', () => {
    expect(session.consoleErrors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
  });
});
