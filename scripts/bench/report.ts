import { ingestRows, type IngestBench } from './ingest';
import type { BriefingBench } from './briefing';
import type { WallSoakBench } from './wall';
import type { Timing } from './stats';

export interface QuestionResult { id: string; panel: string; browser: Timing; native: Timing; plainJs: Timing }

export interface SizeResult {
  events: number;
  asOf: string;
  /** When this size ran and with how many timed runs per measure (sizes may come from different runs: --merge). */
  ranAt?: string;
  runs?: number;
  /** Whether the plain-JS row objects hold the free text (not above 1M events: memory). */
  plainWithText?: boolean;
  dashboardQuestions: string[];
  load: { engine: Timing; data: Timing; firstDashboard: Timing; nativeLoad: Timing; plainLoad: Timing };
  questions: QuestionResult[];
  drill: { browser: Timing; layerBuild: Timing; native: Timing; plainJs: Timing };
  briefings?: BriefingBench[];
  /** Time between frames while the map moves, per layer kind (software WebGL here). */
  frames?: Record<string, Timing>;
  /** Bring-your-own-data ingest of the events CSV (scripts/bench/ingest.ts). */
  ingest?: IngestBench;
  memory: { jsHeapPeakBytes: number | null; duckdbPeakBytes: number; eventFileBytes?: number };
}

export interface Machine { cpu: string; cores: number; memoryGiB: number; node: string; date: string }

const ms = (t: Timing) => `${fmt(t.median)} / ${fmt(t.p95)}`;
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const mib = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 2 ** 20).toFixed(0)} MiB`);
const check = (ok: boolean) => (ok ? 'met' : '**missed**');

/** The Markdown report: one table per size, then the targets of issue #7 at 1M and 5M. */
export function renderReport(machine: Machine, results: SizeResult[], wallSoak: WallSoakBench | null = null): string {
  const lines = [
    `Benchmark of ${machine.date} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; browser: headless Chromium (WebGL in software, Mesa llvmpipe).`,
    'Times in ms as median / p95 over repeated runs after a warm-up. "browser" is OneMap (DuckDB-WASM in a worker, the built app);',
    '"native" is the same SQL on native DuckDB in Node; "plain JS" the same answers by filter/reduce over row objects.',
    '',
  ];
  for (const r of results) {
    lines.push(`#### ${r.events.toLocaleString('en-US')} events (data as of ${r.asOf})`, '');
    if (r.ranAt) lines.push(`Run ${r.ranAt}, ${r.runs ?? '?'} timed runs per measure${r.plainWithText === false ? '; plain-JS rows without description and address (with them 5M row objects overflow a 12 GB heap)' : ''}.`, '');
    lines.push('| measure | browser | native | browser ÷ native | plain JS | OneMap ÷ plain JS |', '|---|---|---|---|---|---|');
    lines.push(`| DuckDB start-up | ${ms(r.load.engine)} | | | | |`);
    lines.push(`| data load (fetch + attach events.duckdb) | ${ms(r.load.data)} | ${ms(r.load.nativeLoad)} (CSV) | ${ratio(r.load.data.median, r.load.nativeLoad.median)} | ${ms(r.load.plainLoad)} (CSV → objects) | ${ratio(r.load.data.median, r.load.plainLoad.median)} |`);
    lines.push(`| first complete dashboard after load | ${ms(r.load.firstDashboard)} | | | | |`);
    for (const q of r.questions) {
      lines.push(`| query \`${q.id}\` (${q.panel}) | ${ms(q.browser)} | ${ms(q.native)} | ${ratio(q.browser.median, q.native.median)} | ${ms(q.plainJs)} | ${ratio(q.browser.median, q.plainJs.median)} |`);
    }
    lines.push(`| drill-down into a county, all panels + point layer arrays | ${ms(r.drill.browser)} | ${ms(r.drill.native)} | ${ratio(r.drill.browser.median, r.drill.native.median)} | ${ms(r.drill.plainJs)} | ${ratio(r.drill.browser.median, r.drill.plainJs.median)} |`);
    for (const b of r.briefings ?? []) {
      lines.push(`| full ${b.kind} briefing of the city (${b.date}, ${b.queries.length} queries) | ${ms(b.browser)} | ${ms(b.native)} | ${ratio(b.browser.median, b.native.median)} | not built in plain JS | |`);
    }
    for (const [layer, t] of Object.entries(r.frames ?? {})) lines.push(`| frame with the \`${layer}\` layer (map moving; software WebGL) | ${ms(t)} | | | | |`);
    lines.push(`| building the point layer's typed arrays | ${ms(r.drill.layerBuild)} | | | | |`);
    if (r.ingest) lines.push(...ingestRows(r.events, r.ingest));
    else lines.push('| bring your own data (events CSV through the loader) | not run above 1M events: the CSV is over the loader\'s file budget | | | | |');
    lines.push(`| peak JS heap (main thread) / DuckDB memory / attached events file (worker) | ${mib(r.memory.jsHeapPeakBytes)} / ${mib(r.memory.duckdbPeakBytes)} / ${mib(r.memory.eventFileBytes ?? 0)} | | | | |`, '');
  }
  lines.push(...targets(results));
  if (wallSoak) lines.push(...soakLines(wallSoak));
  return lines.join('\n') + '\n';
}

function targets(results: SizeResult[]): string[] {
  const lines: string[] = [];
  const million = results.find((r) => r.events === 1_000_000);
  if (million) {
    const trend = million.questions.filter((q) => q.id.startsWith('trend'));
    const peak = (million.memory.jsHeapPeakBytes ?? 0) + million.memory.duckdbPeakBytes + (million.memory.eventFileBytes ?? 0);
    lines.push('#### Targets at 1,000,000 events (issue #7)', '', '| target | measured | |', '|---|---|---|');
    lines.push(`| load ≤ 3 s | ${fmt(million.load.data.median)} ms | ${check(million.load.data.median <= 3000)} |`);
    lines.push(`| first complete dashboard ≤ 5 s after load | ${fmt(million.load.firstDashboard.median)} ms | ${check(million.load.firstDashboard.median <= 5000)} |`);
    for (const q of trend) lines.push(`| trend query \`${q.id}\` ≤ 100 ms median | ${fmt(q.browser.median)} ms | ${check(q.browser.median <= 100)} |`);
    lines.push(`| drill-down ≤ 150 ms for all panels | ${fmt(million.drill.browser.median)} ms | ${check(million.drill.browser.median <= 150)} |`);
    for (const b of million.briefings ?? []) lines.push(`| full ${b.kind} briefing ≤ 1 s | ${fmt(b.browser.median)} ms (slowest queries: ${[...b.queries].sort((x, y) => y.browser - x.browser).slice(0, 3).map((q) => `${q.id} ${fmt(q.browser)}`).join(', ')}) | ${check(b.browser.median <= 1000)} |`);
    lines.push(`| tab memory ≤ 1.5 GB (JS heap + DuckDB + attached file) | ${mib(peak)} | ${check(peak <= 1.5e9)} |`);
    for (const q of trend) lines.push(`| browser ÷ native ≤ 4× on \`${q.id}\` | ${ratio(q.browser.median, q.native.median)} | ${check(q.browser.median <= 4 * q.native.median)} |`);
    lines.push(`| OneMap ≥ 10× faster than plain JS on drill-down | ${ratio(million.drill.plainJs.median, million.drill.browser.median)} faster | ${check(million.drill.plainJs.median >= 10 * million.drill.browser.median)} |`, '');
  }
  const five = results.find((r) => r.events === 5_000_000);
  if (five) {
    // Issue #15: the monthly briefing at 5M events has its own target (≤ 4 s).
    const monthly = five.briefings?.find((b) => b.kind === 'monthly');
    const briefing = monthly ? `; full monthly briefing ${fmt(monthly.browser.median)} ms (target ≤ 4 s: ${check(monthly.browser.median <= 4000)})` : '';
    lines.push(`At 5,000,000 events: loaded in ${fmt(five.load.data.median)} ms and answered every question (the three agree); drill-down ${fmt(five.drill.browser.median)} ms (target ≤ 500 ms: ${check(five.drill.browser.median <= 500)})${briefing}.`, '');
  }
  return lines;
}

function soakLines(w: WallSoakBench): string[] {
  const change = (bytes: number | null) => (bytes === null ? 'n/a' : `${bytes >= 0 ? '+' : ''}${(bytes / 2 ** 20).toFixed(1)} MiB`);
  return [
    `#### Wall display left running (issue #5)`, '',
    `${w.cycles} refreshes of a ${w.events.toLocaleString('en-US')}-event source every ${w.refreshSeconds} s (${w.failures} failed, ${w.swaps} swapped in) over ${w.seconds.toFixed(0)} s, measured after a forced garbage collection:`, '',
    '| | at the start | at the end | growth |', '|---|---|---|---|',
    `| JS heap | ${mib(w.start.jsHeapBytes)} | ${mib(w.end.jsHeapBytes)} | ${change(w.growth.jsHeapBytes)} |`,
    `| DuckDB memory | ${mib(w.start.duckdbBytes)} | ${mib(w.end.duckdbBytes)} | ${change(w.growth.duckdbBytes)} |`,
    `| DOM nodes / canvases | ${w.start.domNodes} / ${w.start.canvases} | ${w.end.domNodes} / ${w.end.canvases} | ${w.growth.domNodes} / ${w.growth.canvases} |`, '',
  ];
}
