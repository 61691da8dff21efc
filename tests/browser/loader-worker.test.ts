import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoundaryModel, ingestEventsFile, parseBoundaryGeoJson } from '../../src/ingest';
import { parseCsvRecords } from '../support/csv';
import { requireTestData } from '../support/test-data';
import { openBrowser, type BrowserSession } from '../../scripts/lib/browser-session';
import { startPreview } from '../../scripts/lib/preview-server';

/**
 * The loader's heavy work runs in a Web Worker (src/ui/data/loader.worker.ts): a file of
 * 240,000 events without grid codes is validated against the grid boundaries, each point
 * given its grid by point-in-polygon, while the page shows a moving progress bar. That the
 * page painted intermediate progress proves its thread was free (a page blocked by the work
 * could not render until the end). Stopping ends the work and keeps the data in use.
 */
const COPIES = 8;

function writeLargeCsv(dataDir: string, path: string): number {
  const records = parseCsvRecords(readFileSync(join(dataDir, 'events.csv'), 'utf8'));
  const lines = ['编号,事件类型,经度,纬度,上报时间,办结时间'];
  for (let copy = 0; copy < COPIES; copy++) {
    for (const r of records) lines.push([`${r.event_id}-${copy}`, r.category, r.lon, r.lat, r.reported_at, r.closed_at].join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return lines.length - 1;
}

describe('the loader worker in headless Chromium', () => {
  const data = requireTestData();
  const scratch = mkdtempSync(join(tmpdir(), 'onemap-loader-worker-'));
  const eventsFile = join(scratch, 'events-without-grids.csv');
  const gridsFile = join(data.dir, 'boundaries-grid.geojson');
  const rows = writeLargeCsv(data.dir, eventsFile);
  let server: Awaited<ReturnType<typeof startPreview>>;
  let session: BrowserSession;
  let demoIntake: string | null = null;

  const intakeShown = (value: string | null) => session.page.waitForFunction((v) => document.querySelector('[data-testid="kpi-strip"]')?.getAttribute('aria-busy') === 'false'
    && document.querySelector('[data-testid="kpi-intake_period"]')?.getAttribute('data-value') === v, value, { timeout: 120_000 });

  /** Loads the grids and the events, then starts validation and records every progress value the page paints. */
  const startValidation = async () => {
    const page = session.page;
    await page.getByTestId('mode-data').click();
    if (await page.getByTestId('boundary-file').count() === 0) {
      await page.getByTestId('boundaries-input').setInputFiles(gridsFile);
      await page.getByTestId('boundary-file').waitFor({ timeout: 60_000 });
    }
    await page.getByTestId('events-input').setInputFiles(eventsFile);
    await page.getByTestId('mapping-step').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('mapping-step').textContent()).toContain(`${rows.toLocaleString('en-US')} rows`);
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __progress: number[] }).__progress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('[data-testid="loader-progress"]');
        if (bar) seen.push(bar.value / bar.max);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
    });
    await page.getByTestId('validate').click();
  };
  const progressSeen = () => session.page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);

  beforeAll(async () => {
    server = await startPreview(data.dir);
    session = await openBrowser(server.url);
    await session.page.goto(`${server.url}/?lang=en`);
    await session.page.waitForFunction(() => document.querySelector('[data-testid="kpi-strip"]')?.getAttribute('aria-busy') === 'false', null, { timeout: 180_000 });
    demoIntake = await session.page.getByTestId('kpi-intake_period').getAttribute('data-value');
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('stops a running validation: the file leaves the loader and the demo stays', async () => {
    await startValidation();
    await session.page.waitForFunction(() => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="loader-progress"]');
      return bar !== null && bar.value > 0;
    }, null, { timeout: 120_000 });
    await session.page.getByTestId('loader-busy').screenshot({ path: join('.cache', 'loader-progress.png') });
    await session.page.getByTestId('stop-validation').click();
    await session.page.getByTestId('loader-error').waitFor();
    expect(await session.page.getByTestId('loader-error').textContent()).toContain('Validation stopped');
    expect(await session.page.getByTestId('mapping-step').count()).toBe(0);
    expect(await session.page.getByTestId('review-step').count()).toBe(0);
    await session.page.getByTestId('mode-map').click();
    await intakeShown(demoIntake);
  });

  it('validates in the worker with a moving progress bar, and counts as the library does', async () => {
    await startValidation();
    await session.page.getByTestId('review-step').waitFor({ timeout: 240_000 });
    const progress = await progressSeen();
    // Painted while the work ran: values strictly between start and end.
    expect(progress.filter((p) => p > 0 && p < 1).length, JSON.stringify(progress)).toBeGreaterThan(0);

    const grids = createBoundaryModel([parseBoundaryGeoJson(readFileSync(gridsFile, 'utf8'), 'boundaries-grid.geojson')]);
    const expected = (await ingestEventsFile(new Uint8Array(readFileSync(eventsFile)), 'events-without-grids.csv', { boundaries: grids })).result;
    const count = async (id: string) => Number(await session.page.getByTestId(`count-${id}`).getAttribute('data-value'));
    expect(await count('input')).toBe(rows);
    expect(await count('accepted')).toBe(expected.counts.accepted);
    expect(await count('rejected')).toBe(expected.counts.rejected);
    expect(await count('doubtful')).toBe(expected.counts.doubtful);
    // The demo's events lie in its grids: nearly all are accepted, each with a grid found by point-in-polygon.
    expect(expected.counts.accepted).toBeGreaterThan(rows * 0.95);
    expect(expected.events.grid_code.every((code) => code !== null && code !== '')).toBe(true);
    // The rejected rows come from the worker, which holds the whole table.
    if (expected.counts.rejected > 0) {
      const download = session.page.waitForEvent('download');
      await session.page.getByTestId('download-rejected').click();
      const text = readFileSync(await (await download).path(), 'utf8');
      expect(parseCsvRecords(text.replace(/^\uFEFF/, ''))).toHaveLength(expected.counts.rejected);
    }
    await session.page.getByTestId('cancel').click();
    await session.page.getByTestId('mode-map').click();
    await intakeShown(demoIntake);
  });
});
