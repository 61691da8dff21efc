/**
 * SQL validation (src/ingest/sql) against the JS row loop (validateEvents), in Node, on
 * one events CSV:
 *   npx tsx scripts/bench/sql-rules.ts data/test-demo/events.csv [--wasm]
 * Rows: JS validateEvents on the table read in JS; SQL rules on native DuckDB on the same
 * staged table; native DuckDB reading the file itself with read_csv (all VARCHAR) then the
 * SQL rules; with --wasm, the SQL rules on DuckDB-WASM (the page's build, run in Node).
 * Each path's counts must equal the JS ones, or the script fails.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { columnEngineOf, type ColumnEngine } from '../../src/engine/column-engine';
import { createNativeColumnEngine } from '../../src/engine/native';
import { createNodeDatabase } from '../../src/engine/node';
import { readEventsFile, suggestMapping, validateEvents, type EventMapping, type ValidationCounts } from '../../src/ingest';
import { stageRawTable, type StagedEvents } from '../../src/ingest/sql/stage-raw-table';
import { stageCsvFile } from '../../src/ingest/sql/stage-csv';
import { dropValidationTables, validateInEngine } from '../../src/ingest/sql/validate-sql';
import { sqlString } from '../../src/sql/literal';

const path = resolve(process.argv[2] ?? 'data/test-demo/events.csv');
const withWasm = process.argv.includes('--wasm');

/** Wall time and CPU time of the process (DuckDB's threads included): on a shared machine the CPU time is the steadier number. */
function time<T>(label: string, task: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  return task().then((value) => {
    const cpu = process.cpuUsage(cpu0);
    console.log(`${label}: ${((performance.now() - t0) / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU`);
    return value;
  });
}

function same(label: string, a: ValidationCounts, b: ValidationCounts): void {
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${label}: counts ${JSON.stringify(b)} differ from the JS rules' ${JSON.stringify(a)}`);
}

async function sqlRules(engine: ColumnEngine, staged: StagedEvents, mapping: EventMapping): Promise<ValidationCounts> {
  const result = await validateInEngine(engine, staged, mapping);
  await engine.run(`CREATE OR REPLACE TABLE events_loading AS ${result.eventsSql}`);
  return result.counts;
}

const bytes = readFileSync(path);
console.log(`${path}: ${(statSync(path).size / 2 ** 20).toFixed(0)} MiB`);
const table = await time('JS read + parse', () => readEventsFile(bytes, 'events.csv'));
const mapping = suggestMapping(table.columns);
console.log(`${table.rows.length.toLocaleString('en-US')} rows`);
const js = await time('JS rules (validateEvents)', async () => validateEvents(table, mapping).counts);

// One thread, as the page's DuckDB-WASM has: the comparison is per core.
const native = await createNativeColumnEngine(1);
const stagedJs = await time('native: stage the JS table (appender)', () => stageRawTable(native, table, mapping));
same('native, staged from JS', js, await time('native: SQL rules + events table', () => sqlRules(native, stagedJs, mapping)));
await dropValidationTables(native);
const stagedCsv = await time('native: read_csv (all VARCHAR)', () => stageCsvFile(native, sqlString(path), 'events.csv', table.columns, mapping, undefined, 'ingest_staged_csv'));
same('native, read_csv', js, await time('native: SQL rules + events table', () => sqlRules(native, stagedCsv, mapping)));
native.close();

if (withWasm) {
  const db = await createNodeDatabase();
  const wasm = columnEngineOf(db);
  await db.registerFile('events.csv', bytes);
  const staged = await time('wasm: read_csv (all VARCHAR)', () => stageCsvFile(wasm, "'events.csv'", 'events.csv', table.columns, mapping));
  same('wasm, read_csv', js, await time('wasm: SQL rules + events table', () => sqlRules(wasm, staged, mapping)));
  await db.close();
}
