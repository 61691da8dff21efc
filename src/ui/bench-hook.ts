import { buildBriefing } from '../briefing/build';
import type { BriefingKind } from '../briefing/kinds';
import { firstRow, rowsOf } from '../engine/columns';
import { toEventPointColumns } from '../map/event-layers';
import type { Dataset } from './DatasetContext';

/** Names of the performance marks the app leaves for the benchmark and for profiling. */
export const MARKS = { engineReady: 'onemap:engine-ready', dataLoaded: 'onemap:data-loaded', mapLoad: 'onemap:map-load', mapIdle: 'onemap:map-idle', mapReady: 'onemap:map-ready', kpisReady: 'onemap:kpis-ready' } as const;

/** Mark a moment once per page load (later calls are ignored: the first one is the one that counts). */
export function markOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}

export interface BenchHook {
  run(sql: string): Promise<{ ms: number; rows: Record<string, unknown>[] | null; numRows: number }>;
  buildPoints(sql: string): Promise<{ queryMs: number; buildMs: number; length: number }>;
  memory(): Promise<{ jsHeapBytes: number | null; duckdbBytes: number }>;
  /** Build a whole briefing as the page does: total time, time of each query, and its headline values (for agreement). */
  briefing(kind: BriefingKind, date: string, unitCode: string): Promise<{ ms: number; queries: { id: string; ms: number }[]; headline: Record<string, number | null> }>;
  /** Move the map one pixel per frame `count` times and return the time between frames (ms). */
  frames(count: number): Promise<number[]>;
  /** Screen position (CSS pixels in the map container) of a lon/lat, for tests that click the map. */
  project(lon: number, lat: number): [number, number] | null;
  /** The unit filled at a lon/lat and the colour maplibre evaluated for it ("rgba(…)"), for tests of the choropleth; null when no unit is filled there. */
  fillAt(lon: number, lat: number): { code: string; color: string } | null;
}

let mapProbe: ((lon: number, lat: number) => [number, number]) | null = null;
let fillProbe: ((lon: number, lat: number) => { code: string; color: string } | null) | null = null;

/** The map registers how to read the unit fill under a lon/lat (null when it goes away). */
export function registerFillProbe(probe: typeof fillProbe): void {
  fillProbe = probe;
}
let mapDriver: { nudge: (i: number) => void } | null = null;

/** The map registers how to move itself by a pixel, so the benchmark can time frames (null when it goes away). */
export function registerMapDriver(driver: { nudge: (i: number) => void } | null): void {
  mapDriver = driver;
}

/** The map registers how to project lon/lat to its pixels (null when it goes away). */
export function registerMapProbe(probe: ((lon: number, lat: number) => [number, number]) | null): void {
  mapProbe = probe;
}

declare global { interface Window { __ONEMAP_BENCH__?: BenchHook } }

/**
 * With ?bench in the URL, expose timed access to the engine for `npm run bench`, which
 * drives the built app in Chromium. Without it nothing is installed.
 */
export function maybeInstallBenchHook(dataset: Dataset): void {
  if (!new URLSearchParams(window.location.search).has('bench')) return;
  const { db } = dataset;
  window.__ONEMAP_BENCH__ = {
    async run(sql) {
      const start = performance.now();
      const table = await db.query(sql);
      const ms = performance.now() - start;
      // Large results are digested by the caller from a smaller query; only small ones travel.
      return { ms, rows: table.numRows <= 5000 ? rowsOf(table) : null, numRows: table.numRows };
    },
    async buildPoints(sql) {
      const start = performance.now();
      const table = await db.query(sql);
      const built = performance.now();
      const columns = toEventPointColumns(table);
      return { queryMs: built - start, buildMs: performance.now() - built, length: columns.length };
    },
    async briefing(kind, date, unitCode) {
      const start = performance.now();
      const b = await buildBriefing(db, { kind, date, unitCode }, dataset.asOf);
      return { ms: performance.now() - start, queries: b.queries.map((q) => ({ id: q.id, ms: q.ms })), headline: Object.fromEntries(b.headline.map((r) => [r.measure, r.value])) };
    },
    async frames(count) {
      const driver = mapDriver;
      if (!driver) throw new Error('The map is not drawn: no frames to time');
      const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      const intervals: number[] = [];
      let last = await nextFrame();
      for (let i = 0; i < count; i++) {
        driver.nudge(i);
        const now = await nextFrame();
        intervals.push(now - last);
        last = now;
      }
      return intervals;
    },
    project: (lon, lat) => (mapProbe ? mapProbe(lon, lat) : null),
    fillAt: (lon, lat) => (fillProbe ? fillProbe(lon, lat) : null),
    async memory() {
      const duckdb = firstRow(await db.query('SELECT sum(memory_usage_bytes)::DOUBLE AS bytes FROM duckdb_memory()'));
      const heap = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null;
      return { jsHeapBytes: heap, duckdbBytes: Number(duckdb.bytes) };
    },
  };
}
