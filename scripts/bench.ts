/**
 * `npm run bench`: how fast OneMap is on 100k and 1M events (optionally 5M), against
 * native DuckDB in Node ("the limit") and plain JS over row objects ("the obvious
 * alternative"). Answers must agree across the three before any time is reported.
 *
 *   npm run bench -- [--sizes 100000,1000000] [--with-5m] [--runs 10] [--load-runs 3] [--soak-cycles 500] [--skip-build] [--merge]
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { EVENT_STORE_FILE } from '../src/sql/event-store';
import { join } from 'node:path';
import { BrowserBench } from './bench/browser';
import { NativeDuckDB } from './bench/native';
import { parsePlainEvents, readPlainEvents } from './bench/plain-events';
import { ALL_QUESTIONS, compareAnswers, DASHBOARD_QUESTIONS, DRILL_QUESTIONS, type Question } from './bench/questions';
import { benchBriefings } from './bench/briefing';
import { benchIngest } from './bench/ingest';
import { benchWallSoak, type WallSoakBench } from './bench/wall';
import { renderReport, type SizeResult } from './bench/report';
import { measure, summarize, type Timing } from './bench/stats';
import { MAP_LAYERS } from '../src/ui/url-state';
import { parseArgs } from './lib/args';

const END_DATE = '2026-11-27';
const RESULTS_DIR = 'bench/results';

function ensureDataset(events: number): string {
  const dir = `data/bench-${events}`;
  // No events.arrow above a million events: the page attaches events.duckdb, and packing
  // 5M events into Arrow needs more than the 4 GB of wasm memory the packer has.
  const args = ['--seed', 'lishui', '--events', String(events), '--days', '365', '--end', END_DATE, '--out', dir, ...(events > 1_000_000 ? ['--no-arrow'] : [])];
  log(`dataset of ${events.toLocaleString('en-US')} events in ${dir} (made again only if its inputs changed)`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-test-data.ts', JSON.stringify(args)], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`Generating ${dir} failed`);
  return dir;
}

async function benchSize(events: number, runs: number, loadRuns: number): Promise<SizeResult> {
  const dir = ensureDataset(events);
  const asOf = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { as_of: string }).as_of;
  log(`${events}: native DuckDB`);
  const native = await NativeDuckDB.open();
  const nativeLoad = await measure(async () => native.load(join(dir, 'events.csv'), join(dir, 'units.csv')), 1, 0);
  log(`${events}: plain JS`);
  let plain = parsePlainEvents('');
  // Above 1M events without the free text: 5M row objects with it overflow a 12 GB heap.
  const plainWithText = events <= 1_000_000;
  const plainLoad = await measure(() => { plain = readPlainEvents(join(dir, 'events.csv'), { withText: plainWithText }); }, 1, 0);
  log(`${events}: browser`);
  const browser = await BrowserBench.open(dir);
  try {
    const loads = [];
    for (let i = 0; i < loadRuns; i++) loads.push(await browser.loadOnce());
    const memoryAfterLoad = await browser.memory();

    // Agreement first: no time is reported for a question whose answers differ.
    const disagreements: string[] = [];
    for (const question of ALL_QUESTIONS) {
      const expected = question.plainJs(plain, asOf);
      const fromBrowser = question.fromSql(await browser.rows(question.answerSql(asOf)));
      const fromNative = question.fromSql(await native.rows(question.answerSql(asOf)));
      for (const problem of [compareAnswers(question.id, expected, fromBrowser, ['plain JS', 'browser']), compareAnswers(question.id, expected, fromNative, ['plain JS', 'native'])]) {
        if (problem) disagreements.push(problem);
      }
    }
    if (disagreements.length > 0) throw new Error(`Answers disagree, so no times are reported:\n${disagreements.join('\n')}`);

    // Plain JS takes seconds per question at 5M events: three runs there, or the run takes an hour.
    const plainRuns = events > 1_000_000 ? Math.min(runs, 3) : runs;
    const questions = [];
    for (const question of ALL_QUESTIONS) {
      const sql = question.sql(asOf);
      questions.push({
        id: question.id, panel: question.panel,
        browser: await browser.time(sql, runs, 2),
        native: await measure(() => native.rows(sql), runs, 2),
        plainJs: await measure(() => question.plainJs(plain, asOf), plainRuns, 1),
      });
    }
    const drillPanels = DRILL_QUESTIONS.filter((q) => !q.id.startsWith('points'));
    const drillPoints = DRILL_QUESTIONS.find((q) => q.id.startsWith('points')) as Question;
    const drill = await browser.timeDrill(drillPanels.map((q) => q.sql(asOf)), drillPoints.sql(asOf), runs, 2);
    const plainDrill = await measure(() => DRILL_QUESTIONS.map((q) => q.plainJs(plain, asOf)), plainRuns, 1);
    const nativeDrill = await measure(() => Promise.all(DRILL_QUESTIONS.map((q) => native.rows(q.sql(asOf)))), runs, 2);
    log(`${events}: briefings`);
    const briefings = await benchBriefings(browser.page, native, asOf, Math.min(runs, 5));
    const memoryAfterQueries = await browser.memory();
    log(`${events}: frame time per layer kind`);
    const frames: Record<string, Timing> = {};
    for (const layer of MAP_LAYERS) frames[layer] = await browser.frameTimes(layer, 30);
    // One run at 1M: a run takes about a minute and several GB in each of Node and the page.
    // None at 5M: the 2 GB CSV is over the page loader's file budget (src/ingest/pipeline.ts).
    let ingest;
    if (events <= 1_000_000) {
      log(`${events}: bring your own data (the events CSV through the loader)`);
      ingest = await benchIngest(dir, browser.page, events >= 1_000_000 ? 1 : 3);
    }
    if (browser.foreignRequests.length > 0) throw new Error(`The app made requests to other origins: ${browser.foreignRequests.join(', ')}`);
    return {
      events, asOf, dashboardQuestions: DASHBOARD_QUESTIONS.map((q) => q.id),
      ranAt: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', runs, plainWithText,
      load: {
        engine: summarize(loads.map((l) => l.engineMs)),
        data: summarize(loads.map((l) => l.loadMs)),
        firstDashboard: summarize(loads.map((l) => l.firstDashboardMs)),
        nativeLoad, plainLoad,
      },
      questions,
      briefings, frames, ingest,
      drill: { browser: drill.total, layerBuild: drill.layerBuild, native: nativeDrill, plainJs: plainDrill },
      memory: {
        jsHeapPeakBytes: Math.max(memoryAfterLoad.jsHeapBytes ?? 0, memoryAfterQueries.jsHeapBytes ?? 0) || null,
        duckdbPeakBytes: Math.max(memoryAfterLoad.duckdbBytes, memoryAfterQueries.duckdbBytes),
        // The attached events.duckdb stays in the DuckDB worker's JS memory, outside both measures above.
        eventFileBytes: existsSync(join(dir, EVENT_STORE_FILE)) ? statSync(join(dir, EVENT_STORE_FILE)).size : 0,
      },
    };
  } finally {
    await browser.close();
    native.close();
  }
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['sizes', 'runs', 'load-runs', 'soak-cycles'], ['with-5m', 'skip-build', 'merge']);
  // The wall display's soak: 500 refresh cycles of a 30,000-event source (0 leaves it out).
  const soakCycles = Number(args.values['soak-cycles'] ?? 500);
  const sizes = (args.values.sizes ?? '100000,1000000').split(',').map(Number);
  if (args.flags.has('with-5m')) sizes.push(5_000_000);
  const runs = Number(args.values.runs ?? 10);
  const loadRuns = Number(args.values['load-runs'] ?? 3);
  if (!args.flags.has('skip-build')) {
    log('building the app');
    const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await benchSize(size, runs, loadRuns));
  // --merge keeps the other sizes (and the soak) of the last result file, each with its own date,
  // so a long size can be run on its own.
  const previous = args.flags.has('merge') && existsSync(join(RESULTS_DIR, 'latest.json'))
    ? JSON.parse(readFileSync(join(RESULTS_DIR, 'latest.json'), 'utf8')) as { results: SizeResult[]; wallSoak: WallSoakBench | null }
    : null;
  if (previous) {
    results.push(...previous.results.filter((r) => !sizes.includes(r.events)));
    results.sort((a, b) => a.events - b.events);
  }
  let wallSoak: WallSoakBench | null = soakCycles > 0 ? null : previous?.wallSoak ?? null;
  if (soakCycles > 0) {
    log(`wall soak: ${soakCycles} refresh cycles`);
    wallSoak = await benchWallSoak(ensureDataset(30_000), 30_000, soakCycles, log);
  }
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC' };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'latest.json'), JSON.stringify({ machine, results, wallSoak }, null, 2) + '\n');
  const markdown = renderReport(machine, results, wallSoak);
  writeFileSync(join(RESULTS_DIR, 'latest.md'), markdown);
  const readme = readFileSync('README.md', 'utf8');
  const updated = readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${markdown}\n<!-- bench:end -->`);
  if (updated !== readme) writeFileSync('README.md', updated);
  process.stdout.write(markdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
