import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../../scripts/lib/browser-session';
import { startPreview } from '../../scripts/lib/preview-server';
import { requireTestData } from '../support/test-data';

/**
 * A city's file with a deadline (办结时限) on only half its rows, through the page's real file
 * input: the on-time tile is computed from the rows that have one and says how many do.
 * The expected figures are computed here, in plain JS, from the rows written.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const text = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

function cityFile(): { csv: string; onTime: number; withDeadline: number; closed: number } {
  const start = Date.UTC(2026, 4, 1, 8);
  const rows = ['事件编号,上报时间,办结时间,办结时限,事件大类,经度,纬度'];
  const events: { reported: number; closed: number; due: number | null }[] = [];
  for (let i = 0; i < 48; i++) {
    const reported = start + i * 7 * HOUR;
    const closed = reported + 2 * HOUR;
    // Every other row has a deadline; one in four of those is missed (due an hour after the report).
    const due = i % 2 === 1 ? null : reported + (i % 8 === 0 ? 1 : 3) * HOUR;
    events.push({ reported, closed, due });
    rows.push(`E${i},${text(reported)},${text(closed)},${due === null ? '' : text(due)},噪声,${(119.9 + i * 0.001).toFixed(3)},28.45`);
  }
  // The KPI's window: the last 30 days up to the data time (the newest report), closings known by then.
  const asOf = Math.max(...events.map((e) => e.reported));
  const from = Math.floor(asOf / DAY) * DAY - 29 * DAY;
  const closedInWindow = events.filter((e) => e.closed >= from && e.closed <= asOf);
  const withDeadline = closedInWindow.filter((e) => e.due !== null);
  const onTime = withDeadline.filter((e) => e.closed <= e.due!);
  return { csv: `${rows.join('\n')}\n`, onTime: onTime.length, withDeadline: withDeadline.length, closed: closedInWindow.length };
}

describe('a measure whose input only some rows carry, in the page', () => {
  const data = requireTestData();
  const scratch = mkdtempSync(join(tmpdir(), 'onemap-partial-'));
  const file = cityFile();
  let server: Awaited<ReturnType<typeof startPreview>>;
  let session: BrowserSession;

  beforeAll(async () => {
    server = await startPreview(data.dir);
    session = await openBrowser(server.url);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('shows the on-time rate of the events with a deadline, and how many have one', async () => {
    expect(file.withDeadline).toBeGreaterThan(0);
    expect(file.withDeadline).toBeLessThan(file.closed);
    const path = join(scratch, 'deadlines-on-half.csv');
    writeFileSync(path, file.csv);
    const page = session.page;
    await page.goto(`${server.url}/?mode=data&lang=en`);
    await page.getByTestId('events-input').setInputFiles(path);
    await page.getByTestId('mapping-step').waitFor();
    expect(await page.getByTestId('map-due_at').inputValue()).toBe('办结时限');
    await page.getByTestId('validate').click();
    await page.getByTestId('review-step').waitFor();
    await page.getByTestId('confirm-load').click();
    await page.getByTestId('loader-done').waitFor({ timeout: 120_000 });
    await page.getByTestId('open-map').click();
    await page.waitForFunction(() => {
      const strip = document.querySelector('[data-testid="kpi-strip"]');
      return strip?.getAttribute('aria-busy') === 'false' && document.querySelector('[data-testid="kpi-on_time_rate_30d"]')?.getAttribute('data-value') !== '';
    }, null, { timeout: 120_000 });
    const tile = page.getByTestId('kpi-on_time_rate_30d');
    expect(Number(await tile.getAttribute('data-value'))).toBeCloseTo(file.onTime / file.withDeadline, 9);
    expect(await page.getByTestId('kpi-coverage-on_time_rate_30d').textContent()).toBe(`${file.withDeadline} of ${file.closed} have a deadline`);
    await page.screenshot({ path: join(scratch, 'kpis.png') });
  });
});
