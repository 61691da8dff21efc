/**
 * Tests of the demo-data generator (scripts/generate-demo.ts) through the files it writes.
 *
 * Generating the hierarchy takes several seconds, so each dataset is generated once in
 * beforeAll: seed A twice (to compare bytes) and seed B once. Every content check runs on
 * both seeds. The files are read back with an independent RFC 4180 parser and an
 * independent timestamp parser, and points are checked with turf rather than the
 * generator's own ray casting.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/generate-demo';
import { CATEGORIES } from '../../src/domain/categories';
import { CHANNELS, CLOSED_LEVELS, EVENT_TABLE_COLUMNS, OUTCOMES, SATISFACTIONS, STATUSES, type EventStatus } from '../../src/domain/events';
import { UNIT_LEVELS, type UnitLevel } from '../../src/domain/units';

const HOOK_TIMEOUT = 120_000;
const DAY_MS = 86_400_000;
const EVENTS = 5000;
const DAYS = 30;
/** A Sunday afternoon, so the last day is partial. */
const AS_OF_TEXT = '2026-03-15 14:00:00';
const AS_OF_MS = Date.UTC(2026, 2, 15, 14, 0, 0);
const SEED_A = 'generator-test-a';
const SEED_B = 'generator-test-b';

const UNIT_COLUMNS = ['code', 'name', 'level', 'parent_code', 'population', 'households', 'area_km2', 'grid_workers', 'kind', 'label_lon', 'label_lat'];
const GENERATED_FILES = ['units.csv', 'events.csv', ...UNIT_LEVELS.map((l) => `boundaries-${l}.geojson`)];

// ---------------------------------------------------------------------------------------
// Independent readers
// ---------------------------------------------------------------------------------------

/** RFC 4180: fields separated by commas, optionally quoted, "" inside quotes is one quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      field += ch; i++; continue;
    }
    if (ch === '"') {
      if (field !== '') throw new Error(`Stray quote inside an unquoted field at offset ${i}`);
      quoted = true; i++; continue;
    }
    if (ch === ',') { row.push(field); field = ''; i++; continue; }
    if (ch === '\r' || ch === '\n') {
      row.push(field); rows.push(row); row = []; field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch; i++;
  }
  if (quoted) throw new Error('Unterminated quoted field at end of input');
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

type Row = Record<string, string>;

function readCsv(path: string, expectedHeader: readonly string[]): Row[] {
  const [header, ...body] = parseCsv(readFileSync(path, 'utf8'));
  expect(header).toEqual([...expectedHeader]);
  return body.map((cells, n) => {
    if (cells.length !== expectedHeader.length) throw new Error(`${path} row ${n + 2}: ${cells.length} fields, expected ${expectedHeader.length}`);
    return Object.fromEntries(expectedHeader.map((c, k) => [c, cells[k]!]));
  });
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** 'YYYY-MM-DD HH:MM:SS' as epoch ms of that wall-clock reading in UTC; '' is null. */
function ts(text: string): number | null {
  if (text === '') return null;
  const m = TIMESTAMP.exec(text);
  if (!m) throw new Error(`Malformed timestamp "${text}"`);
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  if (new Date(ms).toISOString().slice(0, 19).replace('T', ' ') !== text) throw new Error(`Impossible timestamp "${text}"`);
  return ms;
}

/** Great-circle distance in metres (haversine). */
function metres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}

function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

// ---------------------------------------------------------------------------------------
// Datasets
// ---------------------------------------------------------------------------------------

interface Unit {
  code: string; name: string; level: UnitLevel; parent_code: string; population: number; households: number;
  area_km2: number; grid_workers: number; kind: string; label_lon: number; label_lat: number;
}
interface Anomaly {
  id: string; kind: 'spike' | 'surge' | 'repeat'; grid_code: string; category: string;
  days: { date: string; extra: number }[]; lon?: number; lat?: number; address?: string;
}
interface Manifest {
  generator_version: number; seed: string; as_of: string; first_day: string; days: number; events: number;
  units: Record<string, number>; anomalies: Anomaly[]; files: Record<string, string>;
}
interface Event {
  row: Row; severity: number; lon: number; lat: number;
  reported: number; dispatched: number | null; accepted: number | null; resolved: number | null; closed: number | null; due: number;
}
interface Dataset {
  seed: string; dir: string; manifest: Manifest; units: Unit[]; unitsByCode: Map<string, Unit>;
  boundaries: Map<UnitLevel, Map<string, Feature<Polygon | MultiPolygon>>>; events: Event[];
}

const tempDirs: string[] = [];
function freshDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `onemap-gen-${label}-`));
  tempDirs.push(dir);
  return dir;
}

function loadDataset(seed: string, dir: string): Dataset {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const units = readCsv(join(dir, 'units.csv'), UNIT_COLUMNS).map((r): Unit => ({
    code: r.code!, name: r.name!, level: r.level as UnitLevel, parent_code: r.parent_code!, population: Number(r.population),
    households: Number(r.households), area_km2: Number(r.area_km2), grid_workers: Number(r.grid_workers), kind: r.kind!,
    label_lon: Number(r.label_lon), label_lat: Number(r.label_lat),
  }));
  const boundaries = new Map<UnitLevel, Map<string, Feature<Polygon | MultiPolygon>>>();
  for (const level of UNIT_LEVELS) {
    const collection = JSON.parse(readFileSync(join(dir, `boundaries-${level}.geojson`), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    boundaries.set(level, new Map(collection.features.map((f) => [String(f.properties?.code), f])));
  }
  const events = readCsv(join(dir, 'events.csv'), EVENT_TABLE_COLUMNS).map((row): Event => ({
    row, severity: Number(row.severity), lon: Number(row.lon), lat: Number(row.lat),
    reported: ts(row.reported_at!)!, dispatched: ts(row.dispatched_at!), accepted: ts(row.accepted_at!),
    resolved: ts(row.resolved_at!), closed: ts(row.closed_at!), due: ts(row.due_at!)!,
  }));
  return { seed, dir, manifest, units, unitsByCode: new Map(units.map((u) => [u.code, u])), boundaries, events };
}

const datasets: Record<'A' | 'B', Dataset> = {} as Record<'A' | 'B', Dataset>;
let dirA2 = '';

beforeAll(async () => {
  const common = { events: EVENTS, days: DAYS, asOfMs: AS_OF_MS, arrow: false, duckdb: false };
  const dirA = freshDir('a');
  dirA2 = freshDir('a2');
  const dirB = freshDir('b');
  await generateDemo({ ...common, seed: SEED_A, out: dirA });
  await generateDemo({ ...common, seed: SEED_A, out: dirA2 });
  await generateDemo({ ...common, seed: SEED_B, out: dirB });
  datasets.A = loadDataset(SEED_A, dirA);
  datasets.B = loadDataset(SEED_B, dirB);
}, HOOK_TIMEOUT);

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const BOTH = [['A'], ['B']] as const;
const grids = (d: Dataset) => d.units.filter((u) => u.level === 'grid');
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------
// The test's own CSV parser
// ---------------------------------------------------------------------------------------

describe('parseCsv (the test helper)', () => {
  it.each([
    ['plain', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['quoted comma', 'a,"x,y"\n', [['a', 'x,y']]],
    ['doubled quote', '"say ""hi""",z\n', [['say "hi"', 'z']]],
    ['newline inside quotes', '"l1\nl2",b\n', [['l1\nl2', 'b']]],
    ['empty fields', ',,\n', [['', '', '']]],
    ['CRLF and no final newline', 'a,b\r\nc,d', [['a', 'b'], ['c', 'd']]],
  ] as const)('%s', (_name, text, expected) => {
    expect(parseCsv(text)).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------------------
// 1. Determinism
// ---------------------------------------------------------------------------------------

describe('determinism', () => {
  it('writes exactly the expected files (no events.arrow when arrow is false)', () => {
    for (const dir of [datasets.A.dir, dirA2, datasets.B.dir]) {
      expect(readdirSync(dir).sort()).toEqual([...GENERATED_FILES, 'manifest.json'].sort());
    }
  });

  it.each([...GENERATED_FILES, 'manifest.json'])('same seed and as-of give a byte-identical %s', (file) => {
    expect(sha256File(join(dirA2, file))).toBe(sha256File(join(datasets.A.dir, file)));
  });

  it.each(['events.csv', 'units.csv', 'boundaries-grid.geojson', 'manifest.json'])('a different seed gives a different %s', (file) => {
    expect(sha256File(join(datasets.B.dir, file))).not.toBe(sha256File(join(datasets.A.dir, file)));
  });

  it.each(['boundaries-city.geojson', 'boundaries-county.geojson'])('the real outlines in %s do not depend on the seed', (file) => {
    expect(sha256File(join(datasets.B.dir, file))).toBe(sha256File(join(datasets.A.dir, file)));
  });
});

// ---------------------------------------------------------------------------------------
// 2. Hierarchy
// ---------------------------------------------------------------------------------------

describe.each(BOTH)('hierarchy, seed %s', (key) => {
  const d = () => datasets[key];

  it('has 1 city, 9 counties, 173 townships, and thousands of communities and grids', () => {
    const count = (level: UnitLevel) => d().units.filter((u) => u.level === level).length;
    expect(count('city')).toBe(1);
    expect(count('county')).toBe(9);
    expect(count('township')).toBe(173);
    expect(count('community')).toBeGreaterThanOrEqual(1000);
    expect(count('grid')).toBeGreaterThanOrEqual(2000);
    expect(count('grid')).toBeGreaterThan(count('community'));
    expect(d().units.every((u) => (UNIT_LEVELS as readonly string[]).includes(u.level))).toBe(true);
    expect(d().manifest.units).toEqual(Object.fromEntries(UNIT_LEVELS.map((l) => [l, count(l)])));
  });

  it('has unique codes, and every parent exists one level up', () => {
    expect(d().unitsByCode.size).toBe(d().units.length);
    const bad: string[] = [];
    for (const u of d().units) {
      if (u.level === 'city') { if (u.parent_code !== '') bad.push(`${u.code}: city has a parent`); continue; }
      const parent = d().unitsByCode.get(u.parent_code);
      if (!parent) bad.push(`${u.code}: no parent ${u.parent_code}`);
      else if (UNIT_LEVELS.indexOf(parent.level) !== UNIT_LEVELS.indexOf(u.level) - 1) bad.push(`${u.code} (${u.level}) under ${parent.level}`);
    }
    expect(bad).toEqual([]);
  });

  it('prefixes every child code with its parent code (the city with 3311)', () => {
    const city = d().units.find((u) => u.level === 'city')!;
    expect(city.code).toBe('331100');
    const prefix = (u: Unit) => (u.level === 'city' ? u.code.replace(/00$/, '') : u.code);
    const bad = d().units.filter((u) => u.level !== 'city' && !u.code.startsWith(prefix(d().unitsByCode.get(u.parent_code)!)));
    expect(bad.map((u) => `${u.code} under ${u.parent_code}`)).toEqual([]);
    // Codes grow longer going down, so a prefix is never the whole code.
    const longer = d().units.filter((u) => u.level !== 'city' && u.code.length <= prefix(d().unitsByCode.get(u.parent_code)!).length);
    expect(longer.map((u) => u.code)).toEqual([]);
  });

  it.each(['population', 'households', 'grid_workers'] as const)('%s adds up exactly from grids to the city', (field) => {
    const sums = new Map<string, number>();
    for (const u of d().units) if (u.level !== 'city') sums.set(u.parent_code, (sums.get(u.parent_code) ?? 0) + u[field]);
    const bad = d().units.filter((u) => u.level !== 'grid' && sums.get(u.code) !== u[field]).map((u) => `${u.code}: ${u[field]} vs children ${sums.get(u.code)}`);
    expect(bad).toEqual([]);
    // And the city equals the grids' total directly.
    const total = grids(d()).reduce((acc, g) => acc + g[field], 0);
    expect(d().units.find((u) => u.level === 'city')![field]).toBe(total);
    expect(d().units.every((u) => Number.isInteger(u[field]))).toBe(true);
  });

  it('area_km2 adds up within 0.01 km² at every level', () => {
    const sums = new Map<string, number>();
    for (const u of d().units) if (u.level !== 'city') sums.set(u.parent_code, (sums.get(u.parent_code) ?? 0) + u.area_km2);
    const bad = d().units.filter((u) => u.level !== 'grid' && !(Math.abs((sums.get(u.code) ?? NaN) - u.area_km2) <= 0.01));
    expect(bad.map((u) => `${u.code}: ${u.area_km2} vs ${sums.get(u.code)}`)).toEqual([]);
  });

  it('gives every grid a kind, residents, households and at least one grid worker; other levels no kind', () => {
    const bad = grids(d()).filter((g) => !['urban', 'rural', 'special'].includes(g.kind) || !(g.grid_workers >= 1)
      || !(g.population >= 1) || !(g.households >= 1 && g.households <= g.population));
    expect(bad.map((g) => `${g.code} ${g.kind} pop ${g.population} hh ${g.households} workers ${g.grid_workers}`)).toEqual([]);
    expect(d().units.filter((u) => u.level !== 'grid' && u.kind !== '').map((u) => u.code)).toEqual([]);
    const kinds = new Set(grids(d()).map((g) => g.kind));
    expect([...kinds].sort()).toEqual(['rural', 'special', 'urban']);
  });

  it.each(UNIT_LEVELS)('boundaries-%s.geojson has exactly one matching feature per unit of the level', (level) => {
    const features = d().boundaries.get(level)!;
    const ofLevel = d().units.filter((u) => u.level === level);
    expect([...features.keys()].sort()).toEqual(ofLevel.map((u) => u.code).sort());
    const bad = ofLevel.filter((u) => {
      const f = features.get(u.code)!;
      const p = f.properties ?? {};
      return p.name !== u.name || p.level !== level || (p.parent_code ?? '') !== u.parent_code
        || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon');
    });
    expect(bad.map((u) => u.code)).toEqual([]);
  });

  it('has grid areas that match their outlines and labels inside their outlines', () => {
    const areaOff: string[] = [];
    for (const g of grids(d())) {
      const km2 = turf.area(d().boundaries.get('grid')!.get(g.code)!) / 1e6;
      if (Math.abs(km2 - g.area_km2) > 0.002) areaOff.push(`${g.code}: ${g.area_km2} vs outline ${km2.toFixed(4)}`);
    }
    expect(areaOff).toEqual([]);
    const labelOutside = d().units.filter((u) => !turf.booleanPointInPolygon([u.label_lon, u.label_lat], d().boundaries.get(u.level)!.get(u.code)!));
    expect(labelOutside.map((u) => `${u.level} ${u.code}`)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// 3. Events
// ---------------------------------------------------------------------------------------

type Stage = 'dispatched' | 'accepted' | 'resolved' | 'closed';
const STAGES: Stage[] = ['dispatched', 'accepted', 'resolved', 'closed'];

/** Which lifecycle timestamps each status has (true present, false absent). */
const STATUS_STAGES: Record<EventStatus, Record<Stage, boolean>> = {
  reported: { dispatched: false, accepted: false, resolved: false, closed: false },
  dispatched: { dispatched: true, accepted: false, resolved: false, closed: false },
  returned: { dispatched: true, accepted: false, resolved: false, closed: false },
  accepted: { dispatched: true, accepted: true, resolved: false, closed: false },
  escalated: { dispatched: true, accepted: true, resolved: false, closed: false },
  resolved: { dispatched: true, accepted: true, resolved: true, closed: false },
  closed: { dispatched: true, accepted: true, resolved: true, closed: true },
  invalid: { dispatched: false, accepted: false, resolved: false, closed: true },
};

const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const HOSTILE = ['<img src=x onerror=alert(1)>', '<script>'];

describe.each(BOTH)('events, seed %s', (key) => {
  const d = () => datasets[key];
  const firstDayMs = () => AS_OF_MS - (AS_OF_MS % DAY_MS) - (DAYS - 1) * DAY_MS;

  it('has exactly the requested number of rows, with unique, well-formed ids', () => {
    expect(d().events.length).toBe(EVENTS);
    expect(d().manifest.events).toBe(EVENTS);
    expect(new Set(d().events.map((e) => e.row.event_id)).size).toBe(EVENTS);
    // E + the reporting day + a sequence number.
    const bad = d().events.filter((e) => e.row.event_id!.slice(0, 9) !== `E${dateOf(e.reported).replaceAll('-', '')}` || !/^E\d{15}$/.test(e.row.event_id!));
    expect(bad.map((e) => e.row.event_id)).toEqual([]);
  });

  it('writes rows in reporting order, all within the requested days', () => {
    const outOfOrder = d().events.filter((e, i) => i > 0 && e.reported < d().events[i - 1]!.reported);
    expect(outOfOrder.map((e) => e.row.event_id)).toEqual([]);
    expect(Math.min(...d().events.map((e) => e.reported))).toBeGreaterThanOrEqual(firstDayMs());
    expect(dateOf(firstDayMs())).toBe(d().manifest.first_day);
    expect(d().manifest.as_of).toBe(AS_OF_TEXT);
  });

  it.each([
    ['channel', CHANNELS],
    ['category', CATEGORIES.map((c) => c.code)],
    ['status', STATUSES],
    ['severity', ['1', '2', '3', '4']],
    ['closed_level', ['', ...CLOSED_LEVELS]],
    ['outcome', ['', ...OUTCOMES]],
    ['satisfaction', ['', ...SATISFACTIONS]],
  ] as const)('%s takes only allowed values', (column, allowed) => {
    const seen = new Set(d().events.map((e) => e.row[column]!));
    expect([...seen].filter((v) => !(allowed as readonly string[]).includes(v))).toEqual([]);
  });

  it('uses subcategories of the event\'s category', () => {
    const subs = new Map(CATEGORIES.map((c) => [c.code, c.subcategories as readonly string[]]));
    const bad = d().events.filter((e) => !subs.get(e.row.category!)?.includes(e.row.subcategory!));
    expect(bad.map((e) => `${e.row.event_id} ${e.row.category}/${e.row.subcategory}`)).toEqual([]);
  });

  it('places every event in a grid listed in units.csv', () => {
    const gridCodes = new Set(grids(d()).map((g) => g.code));
    expect(d().events.filter((e) => !gridCodes.has(e.row.grid_code!)).map((e) => e.row.grid_code)).toEqual([]);
  });

  it('gives addresses that start with the grid\'s county and township and carry no committee suffix', () => {
    const up = (code: string) => d().unitsByCode.get(d().unitsByCode.get(code)!.parent_code)!;
    const bad = d().events.filter((e) => {
      const township = up(up(e.row.grid_code!).code);
      const county = up(township.code);
      return !e.row.address!.startsWith(`${county.name}${township.name}`) || !/号$/.test(e.row.address!)
        // The community's committee suffix (村民委员会, 村委会, 社区居委会) is not part of a street address.
        || /村民委员会|村委会|居委会/.test(e.row.address!);
    });
    expect(bad.slice(0, 5).map((e) => `${e.row.event_id}: ${e.row.address}`)).toEqual([]);
  });

  it('puts every event point inside its grid polygon (checked with turf)', () => {
    const outlines = d().boundaries.get('grid')!;
    const outside = d().events.filter((e) => !(Number.isFinite(e.lon) && Number.isFinite(e.lat)
      && turf.booleanPointInPolygon([e.lon, e.lat], outlines.get(e.row.grid_code!)!)));
    expect(outside.map((e) => `${e.row.event_id} (${e.lon}, ${e.lat}) not in ${e.row.grid_code}`)).toEqual([]);
  });

  it('orders lifecycle timestamps and keeps them at or before as_of', () => {
    const asOf = ts(d().manifest.as_of)!;
    expect(asOf).toBe(AS_OF_MS);
    const bad: string[] = [];
    for (const e of d().events) {
      const present = [e.reported, e.dispatched, e.accepted, e.resolved, e.closed].filter((t): t is number => t !== null);
      if (present.some((t, i) => i > 0 && t < present[i - 1]!)) bad.push(`${e.row.event_id}: out of order`);
      if (present.some((t) => t > asOf)) bad.push(`${e.row.event_id}: after as_of`);
    }
    expect(bad).toEqual([]);
  });

  it('has no later stage without the earlier ones, except invalid events (reported and closed only)', () => {
    const bad: string[] = [];
    for (const e of d().events) {
      const stages = STAGES.map((s) => e[s] !== null);
      if (e.row.status === 'invalid') {
        if (stages.join() !== 'false,false,false,true') bad.push(`${e.row.event_id}: invalid with ${stages}`);
        continue;
      }
      if (stages.some((p, i) => p && stages.slice(0, i).includes(false))) bad.push(`${e.row.event_id}: ${stages}`);
    }
    expect(bad).toEqual([]);
  });

  it('agrees the status with the timestamps (closed_at present ⇔ closed/invalid)', () => {
    const bad = d().events.filter((e) => (e.closed !== null) !== (e.row.status === 'closed' || e.row.status === 'invalid'));
    expect(bad.map((e) => `${e.row.event_id} ${e.row.status} closed_at=${e.row.closed_at}`)).toEqual([]);
  });

  it.each(STATUSES.map((s) => [s]))('status %s has exactly its lifecycle timestamps', (status) => {
    const pattern = STATUS_STAGES[status];
    const bad = d().events.filter((e) => e.row.status === status && STAGES.some((s) => (e[s] !== null) !== pattern[s]));
    expect(bad.map((e) => `${e.row.event_id}: ${STAGES.map((s) => `${s}=${e.row[`${s}_at`]}`).join(' ')}`)).toEqual([]);
  });

  it('sets closed_level exactly on closed events, and outcome exactly on non-invalid closed ones', () => {
    expect(d().events.filter((e) => (e.row.closed_level !== '') !== (e.closed !== null)).map((e) => e.row.event_id)).toEqual([]);
    expect(d().events.filter((e) => (e.row.outcome !== '') !== (e.row.status === 'closed')).map((e) => e.row.event_id)).toEqual([]);
  });

  it('has severity 1..4 and a due time after the report', () => {
    expect(d().events.filter((e) => !(Number.isInteger(e.severity) && e.severity >= 1 && e.severity <= 4)).map((e) => e.row.event_id)).toEqual([]);
    expect(d().events.filter((e) => !(e.due > e.reported)).map((e) => e.row.event_id)).toEqual([]);
  });

  it('rates satisfaction only on closed events, and on some of them', () => {
    const rated = d().events.filter((e) => e.row.satisfaction !== '');
    expect(rated.filter((e) => e.row.status !== 'closed' || e.closed === null).map((e) => e.row.event_id)).toEqual([]);
    expect(rated.length).toBeGreaterThan(0);
  });

  it('has descriptions with 11-digit phone numbers for the app to mask', () => {
    const withPhone = d().events.filter((e) => PHONE.test(e.row.description!)).length;
    // About 8% of citizen reports (most of them) carry one.
    expect(withPhone).toBeGreaterThan(EVENTS * 0.02);
    expect(withPhone).toBeLessThan(EVENTS * 0.2);
  });

  it('has descriptions with hostile markup that survives CSV quoting intact', () => {
    const hostile = d().events.filter((e) => HOSTILE.some((h) => e.row.description!.includes(h)));
    // Each event has a 0.2% chance of a hostile snippet and half of the snippets are
    // markup, so about 5 per 5000 events; the seeds are fixed, so this is not flaky.
    expect(hostile.length).toBeGreaterThan(0);
    const script = d().events.filter((e) => e.row.description!.includes('<script>'));
    for (const e of script) expect(e.row.description).toContain('<script>alert("xss")</script>');
  });
});

describe('hostile text across both seeds', () => {
  it.each([
    ['<img src=x onerror=alert(1)>'],
    ['<script>alert("xss")</script>'],
  ])('%s occurs in some description', (snippet) => {
    const all = [...datasets.A.events, ...datasets.B.events];
    expect(all.filter((e) => e.row.description!.includes(snippet)).length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------
// 4. Realism
// ---------------------------------------------------------------------------------------

describe.each(BOTH)('realism, seed %s', (key) => {
  const d = () => datasets[key];

  it('has more events on an average Monday than on an average Sunday', () => {
    const asOfDay = dateOf(AS_OF_MS);
    const perDay = new Map<string, number>();
    for (const e of d().events) {
      const day = dateOf(e.reported);
      if (day !== asOfDay) perDay.set(day, (perDay.get(day) ?? 0) + 1); // The last day is partial.
    }
    const mean = (weekday: number) => {
      const counts = [...perDay].filter(([day]) => new Date(`${day}T00:00:00Z`).getUTCDay() === weekday).map(([, n]) => n);
      expect(counts.length).toBeGreaterThanOrEqual(4);
      return counts.reduce((a, b) => a + b, 0) / counts.length;
    };
    const monday = mean(1), sunday = mean(0);
    expect(monday).toBeGreaterThan(sunday * 1.1);
  });

  it('has more events per resident in urban grids than in rural ones', () => {
    const kindOf = new Map(grids(d()).map((g) => [g.code, g.kind]));
    const rate = (kind: string) => {
      const residents = grids(d()).filter((g) => g.kind === kind).reduce((a, g) => a + g.population, 0);
      const events = d().events.filter((e) => kindOf.get(e.row.grid_code!) === kind).length;
      expect(events).toBeGreaterThan(100);
      return events / residents;
    };
    expect(rate('urban')).toBeGreaterThan(rate('rural') * 1.3);
  });

  it('has an open backlog near the end, some of it overdue, and closes most old events', () => {
    const open = d().events.filter((e) => e.closed === null);
    expect(open.filter((e) => e.reported >= AS_OF_MS - 3 * DAY_MS).length).toBeGreaterThan(0);
    const overdue = open.filter((e) => e.due < AS_OF_MS);
    expect(overdue.length).toBeGreaterThan(0);
    const old = d().events.filter((e) => e.reported < AS_OF_MS - 20 * DAY_MS);
    expect(old.length).toBeGreaterThan(0);
    expect(old.filter((e) => e.closed === null).length / old.length).toBeLessThan(0.05);
    // ... while most of the last day is still open.
    const lastDay = d().events.filter((e) => e.reported >= AS_OF_MS - (AS_OF_MS % DAY_MS));
    expect(lastDay.filter((e) => e.closed === null).length / lastDay.length).toBeGreaterThan(0.5);
  });
});

// ---------------------------------------------------------------------------------------
// 5. Manifest
// ---------------------------------------------------------------------------------------

describe.each(BOTH)('manifest, seed %s', (key) => {
  const d = () => datasets[key];
  const countOn = (a: Anomaly, date: string, near?: { lon: number; lat: number; address: string }) =>
    d().events.filter((e) => e.row.grid_code === a.grid_code && e.row.category === a.category && dateOf(e.reported) === date
      && (!near || (metres(e.lon, e.lat, near.lon, near.lat) <= 100 && e.row.address === near.address))).length;

  it('records the options and the sha256 of every file it wrote', () => {
    const m = d().manifest;
    expect({ seed: m.seed, days: m.days, events: m.events, as_of: m.as_of }).toEqual({ seed: d().seed, days: DAYS, events: EVENTS, as_of: AS_OF_TEXT });
    expect(Object.keys(m.files).sort()).toEqual([...GENERATED_FILES].sort());
    for (const [file, hash] of Object.entries(m.files)) expect(hash, file).toBe(sha256File(join(d().dir, file)));
  });

  it('lists spikes, surges and repeats with unique ids, within the generated days', () => {
    const m = d().manifest;
    expect(new Set(m.anomalies.map((a) => a.kind))).toEqual(new Set(['spike', 'surge', 'repeat']));
    expect(new Set(m.anomalies.map((a) => a.id)).size).toBe(m.anomalies.length);
    const lastDay = dateOf(AS_OF_MS);
    for (const a of m.anomalies) {
      expect(a.days.length, a.id).toBeGreaterThan(0);
      for (const { date, extra } of a.days) {
        expect(date >= m.first_day && date <= lastDay, `${a.id} ${date}`).toBe(true);
        expect(Number.isInteger(extra) && extra >= 1, `${a.id} ${date}`).toBe(true);
      }
    }
  });

  it('plants each anomaly in an existing grid, with at least the listed extra events each day', () => {
    const bad: string[] = [];
    for (const a of d().manifest.anomalies) {
      const unit = d().unitsByCode.get(a.grid_code);
      if (unit?.level !== 'grid') { bad.push(`${a.id}: ${a.grid_code} is not a grid`); continue; }
      if (!CATEGORIES.some((c) => c.code === a.category)) bad.push(`${a.id}: unknown category ${a.category}`);
      for (const { date, extra } of a.days) {
        const n = countOn(a, date);
        if (n < extra) bad.push(`${a.id} ${date}: ${n} < ${extra}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('makes each spike day the busiest day of its grid and category', () => {
    const spikes = d().manifest.anomalies.filter((a) => a.kind === 'spike');
    expect(spikes.length).toBeGreaterThan(0);
    for (const a of spikes) {
      const spikeDay = a.days[0]!.date;
      const others = new Map<string, number>();
      for (const e of d().events) {
        if (e.row.grid_code !== a.grid_code || e.row.category !== a.category) continue;
        const day = dateOf(e.reported);
        if (day !== spikeDay) others.set(day, (others.get(day) ?? 0) + 1);
      }
      expect(countOn(a, spikeDay), a.id).toBeGreaterThan(Math.max(0, ...others.values()));
    }
  });

  it('puts repeat complaints within 100 m of the listed spot, at the listed address', () => {
    const repeats = d().manifest.anomalies.filter((a) => a.kind === 'repeat');
    expect(repeats.length).toBeGreaterThan(0);
    const bad: string[] = [];
    for (const a of repeats) {
      if (typeof a.lon !== 'number' || typeof a.lat !== 'number' || typeof a.address !== 'string') { bad.push(`${a.id}: no spot`); continue; }
      if (!turf.booleanPointInPolygon([a.lon, a.lat], d().boundaries.get('grid')!.get(a.grid_code)!)) bad.push(`${a.id}: spot outside its grid`);
      for (const { date, extra } of a.days) {
        const n = countOn(a, date, { lon: a.lon, lat: a.lat, address: a.address });
        if (n < extra) bad.push(`${a.id} ${date}: ${n} near the spot < ${extra}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
