/**
 * Measure which events-file format turns into a ready `events` table fastest in the
 * browser's DuckDB build: CSV (read_csv), Arrow IPC stream, Arrow IPC with dictionary-
 * encoded low-cardinality columns, and Parquet decoded by parquet-wasm (the wasm DuckDB
 * cannot load its parquet extension offline). Findings: docs/data-format.md.
 *
 *   npx tsx scripts/measure-formats.ts [--data DIR ...] [--runs 3] [--out docs/data-format-results.json]
 *
 * Each DIR needs events.csv and events.arrow (as written by scripts/generate-demo.ts).
 * The Parquet and dictionary-Arrow files are made once per DIR in a temp directory.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { createNodeDatabase } from '../src/engine/node';
import { kpiStrip } from '../src/sql/kpis';
import { createTableFromCsv, EVENT_COLUMN_TYPES } from '../src/sql/load';
import { sqlIdentifier, sqlString } from '../src/sql/literal';

const require = createRequire(import.meta.url);

/** Text columns with a handful of distinct values: the dictionary-encoding candidates. */
const LOW_CARDINALITY = ['channel', 'category', 'subcategory', 'department', 'status', 'closed_level', 'outcome', 'satisfaction'];
const COLUMNS = Object.keys(EVENT_COLUMN_TYPES);
const QUERY_REPEATS = 4;

type FormatId = 'csv' | 'arrow' | 'arrow-dict' | 'parquet';
const FORMATS: { id: FormatId; label: string }[] = [
  { id: 'csv', label: 'CSV (read_csv)' },
  { id: 'arrow', label: 'Arrow IPC stream (current)' },
  { id: 'arrow-dict', label: 'Arrow IPC, dictionary text' },
  { id: 'parquet', label: 'Parquet zstd via parquet-wasm' },
];

/** The queries timed on each loaded table: one panel-style group-by, and the real KPI strip. */
function queries(asOf: string): Record<string, string> {
  return {
    dayCategory: "SELECT date_trunc('day', reported_at) AS d, category, count(*) AS n FROM events GROUP BY ALL",
    kpiStrip: kpiStrip(asOf),
  };
}

interface LoadFigures {
  loadMs: number; cpuMs: number; decodeMs?: number; insertMs?: number;
  /** First run of each query, and the median of the next QUERY_REPEATS runs. */
  queryFirstMs: Record<string, number>; queryMs: Record<string, number>;
  duckdbMemoryBytes: number | null;
  /** Cold runs only: the child process's peak resident memory before and after the load. */
  maxRssBeforeBytes?: number; maxRssAfterBytes?: number; minorPageFaults?: number; parquetInitMs?: number;
}
interface Check { rows: number; checksum: string; types: string }
interface FormatResult {
  format: FormatId; label: string; rawBytes: number; gzipBytes: number; rows: number;
  /** First load in a fresh process: wasm code not yet compiled/optimised, as on a first page load. */
  cold: { loadMsMedian: number; cpuMsMedian: number; peakRssGrowthBytesMedian: number; queryFirstMsMedian: Record<string, number> };
  /** Later loads in the same process (after one discarded warm-up round), fresh database each. */
  warm: { loadMsMedian: number; loadMsMin: number; cpuMsMedian: number; rowsPerSecond: number; decodeMsMedian?: number; insertMsMedian?: number; queryFirstMsMedian: Record<string, number>; queryMsMedian: Record<string, number> };
  duckdbMemoryBytes: number | null;
  checksum: string; types: string; sameRowsAsCsv: boolean; sameTypesAsCsv: boolean;
  coldRuns: LoadFigures[]; warmRuns: LoadFigures[];
}

function parseCli(argv: string[]): { dirs: string[]; runs: number; out: string } {
  const dirs: string[] = [];
  let runs = 3;
  let out = 'docs/data-format-results.json';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`Missing value after ${arg}`);
      return v;
    };
    if (arg === '--data') dirs.push(value());
    else if (arg === '--runs') runs = Number(value());
    else if (arg === '--out') out = value();
    else throw new Error(`Unknown argument "${arg}": expected --data DIR (repeatable), --runs N, --out FILE`);
  }
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`Invalid --runs ${runs}: expected a positive integer`);
  return { dirs: dirs.length > 0 ? dirs : ['data/test-demo'], runs, out };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

type ParquetWasm = { readParquet(bytes: Uint8Array): { intoIPCStream(): Uint8Array } };
let parquetWasm: ParquetWasm | undefined;
let parquetInitMs = 0;
/** The Node build of parquet-wasm compiles its wasm module synchronously on first require. */
function loadParquetWasm(): ParquetWasm {
  if (!parquetWasm) {
    const t0 = performance.now();
    parquetWasm = require('parquet-wasm') as ParquetWasm;
    parquetInitMs = performance.now() - t0;
  }
  return parquetWasm;
}

/** Parquet (zstd) written by native DuckDB, which has the parquet writer built in. */
async function writeParquet(csvPath: string, parquetPath: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(createTableFromCsv('events', csvPath, EVENT_COLUMN_TYPES));
    await connection.run(`COPY events TO ${sqlString(parquetPath)} (FORMAT parquet, COMPRESSION zstd)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Arrow IPC whose low-cardinality text columns are ENUMs, which DuckDB exports as dictionaries. */
async function writeDictionaryArrow(csvBytes: Uint8Array, arrowPath: string): Promise<void> {
  const db = await createNodeDatabase();
  try {
    await db.registerFile('events.csv', csvBytes);
    await db.query(createTableFromCsv('events', 'events.csv', EVENT_COLUMN_TYPES));
    for (const column of LOW_CARDINALITY) {
      await db.query(`CREATE TYPE ${sqlIdentifier(`enum_${column}`)} AS ENUM (SELECT DISTINCT ${sqlIdentifier(column)} FROM events WHERE ${sqlIdentifier(column)} IS NOT NULL ORDER BY 1)`);
    }
    const replace = LOW_CARDINALITY.map((c) => `${sqlIdentifier(c)}::${sqlIdentifier(`enum_${c}`)} AS ${sqlIdentifier(c)}`).join(', ');
    writeFileSync(arrowPath, db.exportArrowIpc(`SELECT * REPLACE (${replace}) FROM events`));
  } finally {
    await db.close();
  }
}

type NodeDatabase = Awaited<ReturnType<typeof createNodeDatabase>>;
async function scalar(db: NodeDatabase, sql: string): Promise<unknown> {
  const table = await db.query(sql);
  return table.getChildAt(0)?.get(0);
}

/** Row count plus an order-independent hash of every column as text (ENUM and VARCHAR hash alike). */
const CHECKSUM_SQL = `SELECT (count(*)::VARCHAR || ':' || sum(hash(${COLUMNS.map((c) => `${sqlIdentifier(c)}::VARCHAR`).join(', ')}))::VARCHAR) AS c FROM events`;

/**
 * Bytes → ready `events` table in a fresh database, timed (wall clock and process CPU time,
 * which is steadier on a shared machine), then the queries; the checks when asked.
 */
async function loadOnce(format: FormatId, file: Uint8Array, asOf: string, check: boolean): Promise<{ figures: LoadFigures; check?: Check }> {
  const db = await createNodeDatabase();
  const bytes = new Uint8Array(file); // a fresh copy, as a fetch would give
  const figures: LoadFigures = { loadMs: 0, cpuMs: 0, queryFirstMs: {}, queryMs: {}, duckdbMemoryBytes: null };
  const maxRss = (): number => process.resourceUsage().maxRSS * 1024;
  try {
    const decoder = format === 'parquet' ? loadParquetWasm() : undefined;
    figures.maxRssBeforeBytes = maxRss();
    const faults0 = process.resourceUsage().minorPageFault;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    if (format === 'csv') {
      await db.registerFile('events.csv', bytes);
      await db.query(createTableFromCsv('events', 'events.csv', EVENT_COLUMN_TYPES));
    } else if (decoder) {
      const ipc = decoder.readParquet(bytes).intoIPCStream();
      const t1 = performance.now();
      await db.insertArrowIpc('events', ipc);
      figures.decodeMs = t1 - t0;
      figures.insertMs = performance.now() - t1;
    } else {
      await db.insertArrowIpc('events', bytes);
    }
    figures.loadMs = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    figures.cpuMs = (cpu.user + cpu.system) / 1000;
    figures.maxRssAfterBytes = maxRss();
    figures.minorPageFaults = process.resourceUsage().minorPageFault - faults0;
    if (decoder) figures.parquetInitMs = parquetInitMs;
    for (const [name, sql] of Object.entries(queries(asOf))) {
      const times: number[] = [];
      for (let i = 0; i < 1 + QUERY_REPEATS; i++) {
        const q0 = performance.now();
        await db.query(sql);
        times.push(performance.now() - q0);
      }
      figures.queryFirstMs[name] = times[0]!;
      figures.queryMs[name] = median(times.slice(1));
    }
    try {
      figures.duckdbMemoryBytes = Number(await scalar(db, 'SELECT sum(memory_usage_bytes)::DOUBLE FROM duckdb_memory()'));
    } catch {
      figures.duckdbMemoryBytes = null;
    }
    if (!check) return { figures };
    const describe = await db.query('DESCRIBE events');
    const names = describe.getChild('column_name')!.toArray() as string[];
    const types = describe.getChild('column_type')!.toArray() as string[];
    return {
      figures,
      check: {
        rows: Number(await scalar(db, 'SELECT count(*)::DOUBLE FROM events')),
        checksum: String(await scalar(db, CHECKSUM_SQL)),
        types: names.map((n, i) => `${n} ${types[i]}`).join(', '),
      },
    };
  } finally {
    await db.close();
  }
}

/** One cold load in a new Node process (this script with --child), so no wasm code is warm yet. */
function coldLoad(format: FormatId, path: string, asOf: string): LoadFigures {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', format, path, asOf], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`Cold load of ${format} (${path}) failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as LoadFigures;
}

async function measureDataset(dir: string, runs: number) {
  for (const name of ['events.csv', 'events.arrow']) if (!existsSync(resolve(dir, name))) throw new Error(`Missing ${resolve(dir, name)}: generate the dataset with scripts/generate-demo.ts (with Arrow)`);
  const manifestPath = resolve(dir, 'manifest.json');
  const asOf = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { as_of: string }).as_of : '2026-11-27 23:59:59';

  const tmp = mkdtempSync(join(os.tmpdir(), 'measure-formats-'));
  try {
    // A private copy, so that a regeneration of DIR during the measurement cannot mix datasets.
    const csvPath = join(tmp, 'events.csv');
    const arrowPath = join(tmp, 'events.arrow');
    copyFileSync(resolve(dir, 'events.csv'), csvPath);
    copyFileSync(resolve(dir, 'events.arrow'), arrowPath);
    const paths: Record<FormatId, string> = { csv: csvPath, arrow: arrowPath, 'arrow-dict': join(tmp, 'events-dict.arrow'), parquet: join(tmp, 'events.parquet') };
    let t = performance.now();
    await writeParquet(csvPath, paths.parquet);
    console.error(`[measure] ${dir}: parquet written by native DuckDB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    await writeDictionaryArrow(readFileSync(csvPath), paths['arrow-dict']);
    console.error(`[measure] ${dir}: dictionary Arrow written in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const sizes = {} as Record<FormatId, { raw: number; gzip: number }>;
    for (const f of FORMATS) {
      const bytes = readFileSync(paths[f.id]);
      sizes[f.id] = { raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 6 }).byteLength };
    }

    // Cold: a new process per load. Formats are interleaved so that drift spreads over all of them.
    const coldRuns: Record<FormatId, LoadFigures[]> = { csv: [], arrow: [], 'arrow-dict': [], parquet: [] };
    for (let run = 0; run < runs; run++) {
      for (const format of FORMATS) {
        const figures = coldLoad(format.id, paths[format.id], asOf);
        coldRuns[format.id].push(figures);
        console.error(`[measure] ${dir} cold ${run + 1}/${runs} ${format.id}: load ${figures.loadMs.toFixed(0)} ms (CPU ${figures.cpuMs.toFixed(0)} ms)`);
      }
    }

    // Warm: this process, one discarded warm-up round, then `runs` rounds; checks on the warm-up.
    const files = Object.fromEntries(FORMATS.map((f) => [f.id, readFileSync(paths[f.id])])) as Record<FormatId, Buffer>;
    const warmRuns: Record<FormatId, LoadFigures[]> = { csv: [], arrow: [], 'arrow-dict': [], parquet: [] };
    const checks = {} as Record<FormatId, Check>;
    for (let run = -1; run < runs; run++) {
      for (const format of FORMATS) {
        gc();
        const { figures, check } = await loadOnce(format.id, files[format.id], asOf, run === -1);
        if (check) checks[format.id] = check;
        delete figures.maxRssBeforeBytes; // a process-wide high-water mark: meaningful for cold runs only
        delete figures.maxRssAfterBytes;
        delete figures.minorPageFaults;
        if (run >= 0) warmRuns[format.id].push(figures);
        console.error(`[measure] ${dir} warm ${run < 0 ? 'warm-up' : `${run + 1}/${runs}`} ${format.id}: load ${figures.loadMs.toFixed(0)} ms (CPU ${figures.cpuMs.toFixed(0)} ms)`);
      }
    }

    const queryMedians = (rs: LoadFigures[], key: 'queryFirstMs' | 'queryMs') => Object.fromEntries(Object.keys(queries(asOf)).map((q) => [q, median(rs.map((r) => r[key][q]!))]));
    const results: FormatResult[] = FORMATS.map((format) => {
      const cold = coldRuns[format.id];
      const warm = warmRuns[format.id];
      const check = checks[format.id];
      const decode = warm.flatMap((r) => (r.decodeMs === undefined ? [] : [r.decodeMs]));
      const insert = warm.flatMap((r) => (r.insertMs === undefined ? [] : [r.insertMs]));
      const warmLoad = median(warm.map((r) => r.loadMs));
      return {
        format: format.id, label: format.label, rawBytes: sizes[format.id].raw, gzipBytes: sizes[format.id].gzip, rows: check.rows,
        cold: {
          loadMsMedian: median(cold.map((r) => r.loadMs)), cpuMsMedian: median(cold.map((r) => r.cpuMs)),
          peakRssGrowthBytesMedian: median(cold.map((r) => r.maxRssAfterBytes! - r.maxRssBeforeBytes!)), queryFirstMsMedian: queryMedians(cold, 'queryFirstMs'),
        },
        warm: {
          loadMsMedian: warmLoad, loadMsMin: Math.min(...warm.map((r) => r.loadMs)), cpuMsMedian: median(warm.map((r) => r.cpuMs)),
          rowsPerSecond: check.rows / (warmLoad / 1000),
          ...(decode.length > 0 ? { decodeMsMedian: median(decode), insertMsMedian: median(insert) } : {}),
          queryFirstMsMedian: queryMedians(warm, 'queryFirstMs'), queryMsMedian: queryMedians(warm, 'queryMs'),
        },
        duckdbMemoryBytes: warm[warm.length - 1]!.duckdbMemoryBytes,
        checksum: check.checksum, types: check.types,
        sameRowsAsCsv: check.checksum === checks.csv.checksum, sameTypesAsCsv: check.types === checks.csv.types,
        coldRuns: cold, warmRuns: warm,
      };
    });
    return { dir, asOf, rows: checks.csv.rows, results };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

function markdown(datasets: Awaited<ReturnType<typeof measureDataset>>[], runs: number): string {
  const lines = [
    `| Rows | Format | Size MB | gzip -6 MB | Cold load ms (CPU) | Warm load ms: median / min (CPU) | Warm rows/s | Cold peak RSS growth MB | Query ms: day×category / KPI strip | Same rows / types as CSV |`,
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const d of datasets) {
    for (const r of d.results) {
      const split = r.warm.decodeMsMedian !== undefined ? `<br>decode ${ms(r.warm.decodeMsMedian)} + insert ${ms(r.warm.insertMsMedian!)}` : '';
      const warm = `${ms(r.warm.loadMsMedian)} / ${ms(r.warm.loadMsMin)} (${ms(r.warm.cpuMsMedian)})${split}`;
      lines.push(`| ${d.rows.toLocaleString('en-US')} | ${r.label} | ${mb(r.rawBytes)} | ${mb(r.gzipBytes)} | ${ms(r.cold.loadMsMedian)} (${ms(r.cold.cpuMsMedian)}) | ${warm} | ${Math.round(r.warm.rowsPerSecond).toLocaleString('en-US')} | ${mb(r.cold.peakRssGrowthBytesMedian)} | ${ms(r.warm.queryMsMedian.dayCategory!)} / ${ms(r.warm.queryMsMedian.kpiStrip!)} | ${r.sameRowsAsCsv ? 'yes' : 'NO'} / ${r.sameTypesAsCsv ? 'yes' : 'no'} |`);
    }
  }
  return `${lines.join('\n')}\n\nMedians of ${runs} runs. Cold: first load in a new process. Warm: same process after a warm-up round. CPU: process CPU time during the load. Peak RSS growth: the cold process's high-water mark after the load minus before it (file bytes already in memory). Query: warm, median of ${QUERY_REPEATS} repeats after a first run.`;
}

function packageVersion(resolvedFile: string): string {
  let dir = dirname(resolvedFile);
  for (;;) {
    const path = join(dir, 'package.json');
    const manifest = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { version?: string }) : {};
    if (manifest.version !== undefined) return manifest.version;
    if (dirname(dir) === dir) return 'unknown';
    dir = dirname(dir);
  }
}

async function child(argv: string[]): Promise<void> {
  const [format, path, asOf] = argv as [FormatId, string, string];
  const { figures } = await loadOnce(format, readFileSync(path), asOf, false);
  process.stdout.write(JSON.stringify(figures));
}

/**
 * What touching fresh memory costs here (ms per GB): first fill of a new 256 MB buffer minus
 * a second fill. Cold loads pay it for every new MB of wasm heap; it varies a lot between
 * machines (virtual machines can be far slower than bare metal), so it is recorded.
 */
function firstTouchMsPerGB(): number {
  const buffer = Buffer.allocUnsafeSlow(256 * 1024 * 1024);
  const t0 = performance.now();
  buffer.fill(1);
  const t1 = performance.now();
  buffer.fill(2);
  const t2 = performance.now();
  return ((t1 - t0) - (t2 - t1)) * 4;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv.slice(3));
  const { dirs, runs, out } = parseCli(process.argv.slice(2));
  const firstTouch = firstTouchMsPerGB();
  const datasets = [];
  for (const dir of dirs) datasets.push(await measureDataset(dir, runs));

  const parquetWasmFile = readFileSync(require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm'));
  const coldParquet = datasets.flatMap((d) => d.results.filter((r) => r.format === 'parquet').flatMap((r) => r.coldRuns));
  const environment = {
    date: new Date().toISOString(), node: process.version, cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length,
    platform: `${os.platform()} ${os.arch()}`, totalMemoryGB: Math.round(os.totalmem() / 1e9), loadAverage1m: os.loadavg()[0] ?? 0,
    firstTouchMsPerGB: firstTouch,
    duckdbWasm: packageVersion(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm')),
    parquetWasm: packageVersion(require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')),
    parquetWasmInitMsMedian: coldParquet.length > 0 ? median(coldParquet.map((r) => r.parquetInitMs ?? 0)) : null,
    parquetWasmBytes: parquetWasmFile.byteLength, parquetWasmGzipBytes: gzipSync(parquetWasmFile, { level: 6 }).byteLength,
  };
  const table = markdown(datasets, runs);
  console.log(`Environment: ${environment.cpu}, ${environment.cores} cores, Node ${environment.node}, duckdb-wasm ${environment.duckdbWasm} (eh, blocking), parquet-wasm ${environment.parquetWasm}, fresh memory first touch ${Math.round(firstTouch)} ms/GB, load average ${environment.loadAverage1m.toFixed(1)} at the end, ${environment.date}\n`);
  console.log(table);
  for (const d of datasets) {
    for (const r of d.results) if (!r.sameRowsAsCsv) console.log(`\nWARNING ${d.dir} ${r.format}: checksum ${r.checksum} differs from CSV ${d.results[0]!.checksum}`);
    for (const r of d.results) if (!r.sameTypesAsCsv) console.log(`\nTypes of ${d.dir} ${r.format} differ from CSV:\n  ${r.types}\n  CSV: ${d.results[0]!.types}`);
  }
  writeFileSync(out, `${JSON.stringify({ environment, runs, datasets, markdown: table }, null, 2)}\n`);
  console.error(`[measure] results written to ${out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
