import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTestData } from '../support/test-data';
import { openBrowser, type BrowserSession } from '../../scripts/lib/browser-session';
import { startPreview } from '../../scripts/lib/preview-server';

const DOCUMENT = '[data-testid="briefing-document"]';
const DATE = '2026-11-26';

/** Bookmark titles of a PDF made with `outline: true` (PDF text strings, UTF-16BE in hex or literal). */
function pdfOutlineTitles(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const bodies = [text];
  // Outline objects may sit in compressed object streams: inflate every stream too.
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    try { bodies.push(inflateSync(pdf.subarray(start, end)).toString('latin1')); } catch { /* not deflated */ }
  }
  const titles: string[] = [];
  for (const body of bodies) {
    for (const m of body.matchAll(/\/Title\s*<([0-9A-Fa-f\s]+)>/g)) {
      const hex = m[1]!.replace(/\s/g, '');
      const bytes = Buffer.from(hex, 'hex');
      titles.push(bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString('utf16le') : bytes.toString('latin1'));
    }
    for (const m of body.matchAll(/\/Title\s*\(((?:\\.|[^\\)])*)\)/g)) titles.push(m[1]!);
  }
  return titles;
}

describe('the consultation briefing in headless Chromium', () => {
  const data = requireTestData();
  let server: Awaited<ReturnType<typeof startPreview>>;
  let session: BrowserSession;
  const temp = mkdtempSync(join(tmpdir(), 'onemap-briefing-'));

  beforeAll(async () => {
    server = await startPreview(data.dir);
    session = await openBrowser(server.url, { width: 1400, height: 1000 });
    await session.page.goto(`${server.url}/?mode=briefing&kind=daily&date=${DATE}&lang=zh`);
    await session.page.waitForSelector(DOCUMENT);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    rmSync(temp, { recursive: true, force: true });
  });

  it('shows every section, with three charts drawn as SVG', async () => {
    for (const id of ['summary', 'headline', 'indicators', 'matters', 'overdue_severe', 'escalations', 'anomalies', 'repeats', 'charts', 'categories', 'children', 'departments']) {
      await expect(session.page.getByTestId(`briefing-${id}`).count(), id).resolves.toBe(1);
    }
    for (const chart of ['chart-volume', 'chart-rates', 'chart-categories']) {
      const paths = await session.page.locator(`[data-testid="${chart}"] svg path`).count();
      expect(paths, chart).toBeGreaterThan(10);
    }
    expect(session.consoleErrors).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
  });

  it('gives the same Markdown as `npm run briefing` on the same data', async () => {
    const [download] = await Promise.all([session.page.waitForEvent('download'), session.page.getByTestId('briefing-markdown').click()]);
    expect(download.suggestedFilename()).toBe(`onemap_briefing_daily_${DATE}_331100_zh.md`);
    const fromPage = readFileSync((await download.path())!, 'utf8');
    const out = join(temp, 'cli.md');
    // The page puts its own address before every map link (so they open from a mail); the command is told the same address.
    const linkBase = await session.page.evaluate(() => `${window.location.origin}${window.location.pathname}`);
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/briefing.ts', '--period', 'daily', '--date', DATE, '--lang', 'zh', '--data', data.dir, '--link-base', linkBase, '--out', out], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    const fromCommand = readFileSync(out, 'utf8');
    expect(fromPage.length).toBeGreaterThan(2000);
    expect(fromPage).toContain(`](${linkBase}?unit=`);
    expect(fromPage).toBe(fromCommand);
  });

  it('prints to an A4 PDF with the expected sections, the charts inside the page width', async () => {
    await session.page.emulateMedia({ media: 'print' });
    const layout = await session.page.evaluate(() => ({
      hiddenControls: [...document.querySelectorAll('.no-print, .app-header')].every((e) => getComputedStyle(e).display === 'none'),
      chartWidths: [...document.querySelectorAll('.briefing-chart svg')].map((e) => e.getBoundingClientRect().width),
    }));
    // null, not 'screen': page.pdf() would print with screen styles after an explicit 'screen'.
    await session.page.emulateMedia({ media: null });
    expect(layout.hiddenControls).toBe(true);
    expect(layout.chartWidths).toHaveLength(3);
    // A4 is 210 mm; with 12 mm margins 186 mm ≈ 703 CSS px are printable.
    for (const width of layout.chartWidths) expect(width).toBeLessThanOrEqual(703);
    const pdf = await session.page.pdf({ format: 'A4', printBackground: true, outline: true, tagged: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(3);
    const mediaBox = text.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    // A4 is 595.3 × 841.9 points (Chromium rounds to whole CSS pixels: 594.96 × 841.92).
    expect(Math.abs(Number(mediaBox?.[1]) - 595.3)).toBeLessThan(1.5);
    expect(Math.abs(Number(mediaBox?.[2]) - 841.9)).toBeLessThan(1.5);
    const titles = pdfOutlineTitles(pdf);
    for (const section of ['概要', '核心指标', '需关注指标', '需关注事项', '三级以上超期事件', '趋势图', '类别结构', '下级单位晾晒（按时办结率）', '部门晾晒（按时办结率）']) {
      expect(titles, `PDF outline lacks ${section}: ${titles.join(' | ')}`).toContain(section);
    }
  });

  it('opens the map at the place of a matter needing attention', async () => {
    const link = session.page.locator('[data-testid="briefing-overdue_severe"] tbody tr:first-child a');
    const eventId = (await link.textContent())!.trim();
    await link.click();
    await session.page.waitForSelector('[data-testid="map"]');
    const url = new URL(session.page.url());
    expect(url.searchParams.get('event')).toBe(eventId);
    expect(url.searchParams.get('unit')).toMatch(/^\d{15}$/);
    await expect(session.page.getByTestId('event-detail').textContent({ timeout: 60_000 })).resolves.toContain(eventId);
    await session.page.goBack();
    await session.page.waitForSelector(DOCUMENT);
  });
});
