/**
 * Soak the wall display on a dataset and print the memory report (scripts/bench/wall-soak.ts).
 *
 *   npx vite build --outDir .cache/dist-wall --emptyOutDir
 *   ONEMAP_DIST_DIR=.cache/dist-wall npx tsx scripts/bench-wall.ts --data data/test-demo --cycles 500 [--refresh 0.2] [--interval 0] [--out file.json]
 */
import { writeFileSync } from 'node:fs';
import { openBrowser } from './lib/browser-session';
import { startPreview } from './lib/preview-server';
import { parseArgs } from './lib/args';
import { runWallSoak } from './bench/wall-soak';

const { values: args } = parseArgs(process.argv.slice(2), ['data', 'cycles', 'refresh', 'interval', 'out'], []);
const dataDir = args.data ?? 'data/test-demo';
const cycles = Number(args.cycles ?? 500);
const refresh = Number(args.refresh ?? 0.2);
// No tour by default: on a slow machine each tour step's queries hold back the next refresh
// (the wall waits for its panels before swapping), and the soak is about refresh cycles.
const interval = Number(args.interval ?? 0);
if (!Number.isInteger(cycles) || cycles < 1) throw new Error(`Invalid --cycles ${args.cycles}: expected a whole number ≥ 1`);
if (!(refresh > 0)) throw new Error(`Invalid --refresh ${args.refresh}: expected seconds > 0`);

const server = await startPreview(dataDir);
const session = await openBrowser(server.url, { width: 1920, height: 1080 });
session.page.on('console', (message) => { if (message.type() === 'error') process.stderr.write(`page error: ${message.text().slice(0, 300)}\n`); });
try {
  await session.page.goto(`${server.url}/?mode=wall&bench=1&lang=zh&interval=${interval}&layers=points,heatmap,coverage&refresh=${refresh}`);
  // Not "map ready": a software-rendered map on a busy machine may never be idle while it tours and refreshes.
  await session.page.waitForSelector('[data-testid="wall-kpis"][aria-busy="false"]', { timeout: 600_000 });
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} wall soak: the wall is up\n`);
  let last = -1;
  const result = await runWallSoak(session.page, {
    cycles,
    // Negative while warming up: cycles left before the first measurement.
    onProgress: (done, total) => {
      const step = done < 0 ? done : Math.floor((done / total) * 20);
      if (step !== last) { last = step; process.stderr.write(`${new Date().toISOString().slice(11, 19)} wall soak: ${done}/${total} refresh cycles\n`); }
    },
  });
  const mib = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);
  const report = { dataDir, refreshSeconds: refresh, tourIntervalSeconds: interval, ...result, consoleErrors: session.consoleErrors.slice(0, 20), foreignRequests: session.foreignRequests };
  console.log(JSON.stringify(report, null, 2));
  console.error(`${result.cycles} refresh cycles (${result.failures} failed, ${result.swaps} swaps) in ${result.seconds.toFixed(0)} s: `
    + `JS heap ${mib(result.start.jsHeapBytes)} → ${mib(result.end.jsHeapBytes)} (${mib(result.growth.jsHeapBytes)}), `
    + `DuckDB ${mib(result.start.duckdbBytes)} → ${mib(result.end.duckdbBytes)} (${mib(result.growth.duckdbBytes)}), `
    + `DOM nodes ${result.growth.domNodes >= 0 ? '+' : ''}${result.growth.domNodes}, canvases ${result.growth.canvases >= 0 ? '+' : ''}${result.growth.canvases}`);
  if (typeof args.out === 'string') writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
} finally {
  await session.close();
  await server.close();
}
