import type { Page } from 'playwright-core';
import type { BenchHook } from '../../src/ui/bench-hook';

/** Memory of the page at one moment, after a forced garbage collection. */
export interface WallMemory {
  /** Refresh cycles the wall had done at that moment. */
  cycles: number;
  /** JS heap in use on the main thread (CDP Runtime.getHeapUsage; performance.memory when CDP is not there). */
  jsHeapBytes: number | null;
  /** DuckDB's own accounting: sum of duckdb_memory(). */
  duckdbBytes: number;
  /** DuckDB's database size (PRAGMA database_size: memory usage of the in-memory database). */
  duckdbDatabaseBytes: number | null;
  /** DOM elements and canvases (a leaked map or chart would leave canvases or SVG behind). */
  domNodes: number;
  canvases: number;
}

export interface WallSoakResult {
  /** Refresh cycles between the two measurements, and how many of them failed. */
  cycles: number;
  failures: number;
  /** Data versions swapped in between the two measurements (successful loads). */
  swaps: number;
  seconds: number;
  start: WallMemory;
  end: WallMemory;
  growth: { jsHeapBytes: number | null; duckdbBytes: number; duckdbDatabaseBytes: number | null; domNodes: number; canvases: number };
}

export interface WallSoakOptions {
  /** Refresh cycles to run between the measurements (at least 500 for the report). */
  cycles?: number;
  /** Cycles run before the first measurement, so caches, shaders and pools are warm. */
  warmup?: number;
  /** Give up after this long (the machine may be slow; the default is generous). */
  timeoutMs?: number;
  onProgress?: (done: number, total: number) => void;
}

// Functions passed to page.evaluate hold no named inner functions: tsx (esbuild keepNames)
// would wrap them in a __name helper that does not exist in the page.
async function wallCounters(page: Page): Promise<{ cycles: number; failures: number; version: number }> {
  const values = await page.evaluate(() => {
    const wall = document.querySelector('[data-testid="wall"]');
    if (!wall) throw new Error('The page does not show the wall display (?mode=wall)');
    return ['data-refresh-cycles', 'data-refresh-failures', 'data-version'].map((name) => Number(wall.getAttribute(name) ?? 'NaN'));
  });
  return { cycles: values[0]!, failures: values[1]!, version: values[2]! };
}

/** DuckDB prints sizes as "12.3 MiB" / "1.2 GB"; the unit decides the factor. */
function parseSize(value: string): number | null {
  const match = /^([\d.]+)\s*([KMGT]i?B|bytes)$/i.exec(value.trim());
  if (!match) return null;
  const units: Record<string, number> = { bytes: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4 };
  const factor = units[match[2]!.toLowerCase()];
  return factor === undefined ? null : Number(match[1]) * factor;
}

async function measureMemory(page: Page): Promise<WallMemory> {
  let jsHeapBytes: number | null = null;
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    jsHeapBytes = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    await cdp.detach();
  } catch {
    jsHeapBytes = await page.evaluate(() => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null);
  }
  const inPage = await page.evaluate(async () => {
    const hook = window.__ONEMAP_BENCH__ as BenchHook | undefined;
    if (!hook) throw new Error('The bench hook is missing: open the wall with ?mode=wall&bench=1');
    const { duckdbBytes } = await hook.memory();
    let databaseSize: unknown = null;
    try { databaseSize = (await hook.run('PRAGMA database_size')).rows?.[0]?.memory_usage ?? null; } catch { databaseSize = null; }
    const wall = document.querySelector('[data-testid="wall"]')!;
    return { duckdbBytes, databaseSize, cycles: Number(wall.getAttribute('data-refresh-cycles')), domNodes: document.getElementsByTagName('*').length, canvases: document.getElementsByTagName('canvas').length };
  });
  const duckdbDatabaseBytes = typeof inPage.databaseSize === 'string' ? parseSize(inPage.databaseSize) : null;
  return { cycles: inPage.cycles, jsHeapBytes, duckdbBytes: inPage.duckdbBytes, duckdbDatabaseBytes, domNodes: inPage.domNodes, canvases: inPage.canvases };
}

/**
 * Soak the wall display: given a page that already shows the built app in wall mode with
 * the bench hook and a fast refresh (e.g. `?mode=wall&bench=1&refresh=0.2`), let it run
 * `cycles` refresh cycles (≥ 500 by default) after a warm-up, and report JS heap, DuckDB
 * memory, DOM nodes and canvases before and after, and the growth. Each cycle re-reads
 * the source, swaps the events table and re-runs every panel's query.
 */
export async function runWallSoak(page: Page, options: WallSoakOptions = {}): Promise<WallSoakResult> {
  const total = options.cycles ?? 500;
  const warmup = options.warmup ?? 10;
  const deadline = Date.now() + (options.timeoutMs ?? 4 * 3_600_000);
  const waitForCycles = async (target: number, onStep?: (done: number) => void) => {
    for (;;) {
      const { cycles } = await wallCounters(page);
      onStep?.(cycles);
      if (cycles >= target) return;
      if (Date.now() > deadline) throw new Error(`Wall soak timed out at ${cycles} of ${target} refresh cycles`);
      await page.waitForTimeout(2000);
    }
  };
  const first = await wallCounters(page);
  await waitForCycles(first.cycles + warmup, (done) => options.onProgress?.(Math.min(0, done - first.cycles - warmup), total));
  const before = await wallCounters(page);
  const start = await measureMemory(page);
  const began = Date.now();
  await waitForCycles(before.cycles + total, (done) => options.onProgress?.(Math.max(0, done - before.cycles), total));
  const after = await wallCounters(page);
  const end = await measureMemory(page);
  return {
    cycles: after.cycles - before.cycles,
    failures: after.failures - before.failures,
    swaps: after.version - before.version,
    seconds: (Date.now() - began) / 1000,
    start,
    end,
    growth: {
      jsHeapBytes: start.jsHeapBytes !== null && end.jsHeapBytes !== null ? end.jsHeapBytes - start.jsHeapBytes : null,
      duckdbBytes: end.duckdbBytes - start.duckdbBytes,
      duckdbDatabaseBytes: start.duckdbDatabaseBytes !== null && end.duckdbDatabaseBytes !== null ? end.duckdbDatabaseBytes - start.duckdbDatabaseBytes : null,
      domNodes: end.domNodes - start.domNodes,
      canvases: end.canvases - start.canvases,
    },
  };
}
