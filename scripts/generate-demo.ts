/**
 * The demo-city generator: real Lishui county outlines and township/community names from
 * data/lishui/, synthetic polygons below them, and a year of governance events with
 * planted anomalies. Same seed and as-of time give byte-identical files.
 *
 *   npx tsx scripts/generate-demo.ts [--seed lishui] [--events 500000] [--days 365]
 *       [--as-of "YYYY-MM-DD HH:MM" | --end YYYY-MM-DD] [--out data/demo] [--if-missing] [--no-arrow] [--no-duckdb] [--no-anomalies]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { UNIT_LEVELS } from '../src/domain/units';
import { generateEvents } from './generate/events';
import { generateHierarchy, type SourceCommunity, type SourceTownship } from './generate/hierarchy';
import { Random } from './generate/random';
import { cityNowMs, DAY_MS, formatTimestamp, HOUR_MS, parseLocal } from './generate/time';
import { boundariesGeoJson, EventCsvWriter, unitsCsv } from './generate/write';
import { packEventsArrow } from './lib/pack-arrow';
import { packEventsDuckDb } from './lib/pack-duckdb';
import { EVENT_STORE_FILE } from '../src/sql/event-store';
import { parseArgs } from './lib/args';

export const GENERATOR_VERSION = 1;
const SOURCE_DIR = 'data/lishui';
export const DEFAULT_OUT = 'data/demo';

export interface GenerateOptions {
  seed: string; events: number; days: number; asOfMs: number; out: string; arrow: boolean;
  /** Plant the manifest's anomalies (default true); false gives a city with none, to count false alarms. */
  plant?: boolean;
  /** Write events.duckdb, the file the page attaches (default true; tests of the generator skip it). */
  duckdb?: boolean;
}

export async function generateDemo(options: GenerateOptions): Promise<void> {
  const started = Date.now();
  mkdirSync(options.out, { recursive: true });
  const city = readFeatures(join(SOURCE_DIR, 'city.geojson'))[0]!;
  const counties = readFeatures(join(SOURCE_DIR, 'counties.geojson'));
  const townships = JSON.parse(readFileSync(join(SOURCE_DIR, 'townships.json'), 'utf8')) as SourceTownship[];
  const communities = JSON.parse(readFileSync(join(SOURCE_DIR, 'communities.json'), 'utf8')) as SourceCommunity[];
  const random = new Random(options.seed);
  const asFeature = (f: (typeof counties)[number]) => ({ code: String(f.properties.code), name: String(f.properties.name), geometry: f });
  const units = generateHierarchy(asFeature(city), counties.map(asFeature), townships, communities, random.fork('hierarchy'));
  writeFileSync(join(options.out, 'units.csv'), unitsCsv(units));
  for (const level of UNIT_LEVELS) writeFileSync(join(options.out, `boundaries-${level}.geojson`), boundariesGeoJson(units, level));
  log(`units: ${UNIT_LEVELS.map((l) => `${units.filter((u) => u.level === l).length} ${l}`).join(', ')} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  const writer = new EventCsvWriter(join(options.out, 'events.csv'));
  const anomalies = generateEvents(units, { events: options.events, days: options.days, asOfMs: options.asOfMs, plant: options.plant ?? true }, random.fork('events'), (row) => writer.write(row));
  writer.close();
  log(`events: ${writer.count} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (options.arrow) {
    await packEventsArrow(join(options.out, 'events.csv'), join(options.out, 'events.arrow'));
    log(`events.arrow packed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  const duckdb = options.duckdb ?? true;
  if (duckdb) {
    await packEventsDuckDb(join(options.out, 'events.csv'), join(options.out, EVENT_STORE_FILE));
    log(`${EVENT_STORE_FILE} packed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  const files = ['units.csv', 'events.csv', ...UNIT_LEVELS.map((l) => `boundaries-${l}.geojson`), ...(options.arrow ? ['events.arrow'] : [])];
  const manifest = {
    generator_version: GENERATOR_VERSION,
    seed: options.seed,
    as_of: formatTimestamp(options.asOfMs),
    first_day: formatTimestamp(Math.floor(options.asOfMs / DAY_MS) * DAY_MS - (options.days - 1) * DAY_MS).slice(0, 10),
    days: options.days,
    events: writer.count,
    units: Object.fromEntries(UNIT_LEVELS.map((l) => [l, units.filter((u) => u.level === l).length])),
    note: 'Synthetic demo data. County outlines and township/community names and codes are real (see data/README.md); everything else is generated.',
    anomalies,
    files: Object.fromEntries(files.map((f) => [f, sha256(join(options.out, f))])),
    // Not among the hashed files: DuckDB writes a random database id into every file, so the
    // same events never give the same bytes twice (its content is tested instead).
    ...(duckdb ? { event_store: EVENT_STORE_FILE } : {}),
  };
  writeFileSync(join(options.out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s → ${options.out}`);
}

function readFeatures(path: string) {
  const collection = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;
  return collection.features;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function log(message: string): void {
  process.stderr.write(`[generate] ${message}\n`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['seed', 'events', 'days', 'as-of', 'end', 'out'], ['if-missing', 'no-arrow', 'no-anomalies', 'no-duckdb']);
  const out = args.values.out ?? DEFAULT_OUT;
  if (args.flags.has('if-missing') && existsSync(join(out, 'manifest.json'))) {
    log(`${out}/manifest.json exists; keeping the existing demo data (delete it to regenerate)`);
    return;
  }
  const asOfMs = args.values['as-of'] ? parseLocal(args.values['as-of'])
    : args.values.end ? parseLocal(args.values.end) + DAY_MS - 1000
    : Math.floor(cityNowMs() / HOUR_MS) * HOUR_MS;
  const events = Number(args.values.events ?? 500_000);
  const days = Number(args.values.days ?? 365);
  if (!Number.isInteger(events) || events < 1000) throw new Error(`Invalid --events "${args.values.events}": must be an integer of at least 1000`);
  if (!Number.isInteger(days) || days < 1 || days > 3660) throw new Error(`Invalid --days "${args.values.days}": must be an integer from 1 to 3660`);
  await generateDemo({ seed: args.values.seed ?? 'lishui', events, days, asOfMs, out, arrow: !args.flags.has('no-arrow'), plant: !args.flags.has('no-anomalies'), duckdb: !args.flags.has('no-duckdb') });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/scripts\//, '/scripts/'))) {
  main().catch((error: unknown) => {
    process.stderr.write(`[generate] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
