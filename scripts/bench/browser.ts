import type { Page } from 'playwright-core';
import type { BenchHook } from '../../src/ui/bench-hook';
import { MARKS } from '../../src/ui/bench-hook';
import { openBrowser } from '../lib/browser-session';
import { startPreview } from '../lib/preview-server';
import { summarize, type Timing } from './stats';

export interface PageLoadSample { engineMs: number; loadMs: number; firstDashboardMs: number }

/** The built app on one dataset in headless Chromium, driven through the ?bench hook. */
export class BrowserBench {
  private constructor(
    readonly page: Page,
    private readonly url: string,
    private readonly done: () => Promise<void>,
    readonly foreignRequests: string[],
  ) {}

  static async open(dataDir: string): Promise<BrowserBench> {
    const server = await startPreview(dataDir);
    const session = await openBrowser(server.url);
    return new BrowserBench(session.page, server.url, async () => { await session.close(); await server.close(); }, session.foreignRequests);
  }

  /** Load the page from scratch and read the app's performance marks. */
  async loadOnce(): Promise<PageLoadSample> {
    await this.page.goto(`${this.url}/?bench=1`);
    await this.page.waitForFunction((names) => names.every((n) => performance.getEntriesByName(n, 'mark').length > 0), [MARKS.mapReady, MARKS.kpisReady], { timeout: 600_000, polling: 50 });
    const marks = await this.page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
    const at = (name: string) => {
      const value = marks[name];
      if (value === undefined) throw new Error(`The app did not set the performance mark ${name}`);
      return value;
    };
    return {
      engineMs: at(MARKS.engineReady),
      loadMs: at(MARKS.dataLoaded) - at(MARKS.engineReady),
      firstDashboardMs: Math.max(at(MARKS.mapReady), at(MARKS.kpisReady)) - at(MARKS.dataLoaded),
    };
  }

  /** Time one SQL statement in the page (engine round trip included), `runs` times after `warmup`. */
  async time(sql: string, runs: number, warmup: number): Promise<Timing> {
    const samples = await this.page.evaluate(async ({ sql, runs, warmup }) => {
      const hook = window.__ONEMAP_BENCH__ as BenchHook;
      const out: number[] = [];
      for (let i = 0; i < warmup + runs; i++) {
        const { ms } = await hook.run(sql);
        if (i >= warmup) out.push(ms);
      }
      return out;
    }, { sql, runs, warmup });
    return summarize(samples);
  }

  /**
   * Frame time of one map layer kind: the page opened with that layer, then the map moved
   * a pixel per frame; the first frames (shader compilation, first upload) are left out.
   */
  async frameTimes(layer: string, frames: number): Promise<Timing> {
    await this.page.goto(`${this.url}/?bench=1&layer=${encodeURIComponent(layer)}`);
    await this.page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 600_000 });
    await this.page.waitForTimeout(1000);
    const intervals = await this.page.evaluate((n) => (window.__ONEMAP_BENCH__ as BenchHook).frames(n), frames + 5);
    return summarize(intervals.slice(5));
  }

  async rows(sql: string): Promise<Record<string, unknown>[]> {
    const result = await this.page.evaluate((q) => (window.__ONEMAP_BENCH__ as BenchHook).run(q), sql);
    if (!result.rows) throw new Error(`Result too large to compare (${result.numRows} rows): ${sql.slice(0, 80)}`);
    return result.rows;
  }

  /** A drill-down: every panel's query for the unit at once, plus building the point layer's arrays. */
  async timeDrill(panelSqls: string[], pointsSql: string, runs: number, warmup: number): Promise<{ total: Timing; layerBuild: Timing }> {
    const samples = await this.page.evaluate(async ({ panelSqls, pointsSql, runs, warmup }) => {
      const hook = window.__ONEMAP_BENCH__ as BenchHook;
      const totals: number[] = [];
      const builds: number[] = [];
      for (let i = 0; i < warmup + runs; i++) {
        const start = performance.now();
        const [points] = await Promise.all([hook.buildPoints(pointsSql), ...panelSqls.map((q) => hook.run(q))]);
        if (i >= warmup) { totals.push(performance.now() - start); builds.push(points.buildMs); }
      }
      return { totals, builds };
    }, { panelSqls, pointsSql, runs, warmup });
    return { total: summarize(samples.totals), layerBuild: summarize(samples.builds) };
  }

  async memory(): Promise<{ jsHeapBytes: number | null; duckdbBytes: number }> {
    return this.page.evaluate(() => (window.__ONEMAP_BENCH__ as BenchHook).memory());
  }

  close(): Promise<void> {
    return this.done();
  }
}
