/** The boundary mapping step (issue #14 point 1): which property keys a boundary file, suggested and overridden. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createBoundaryModel, keyBoundaries, parseMapping, readBoundaryFeatures, readBoundaryFile, readEventsFile, serialiseMapping, suggestBoundaryMapping,
  suggestMapping, summariseProperties, validateEvents, type BoundaryMapping, type EventMapping,
} from '../../src/ingest';

const DIR = join(__dirname, '../fixtures/ingest');
const bytes = (file: string) => readFileSync(join(DIR, 'boundaries', file));
const read = (file: string, mapping?: BoundaryMapping) => readBoundaryFile(bytes(file), file, mapping);
const byProperty = (property: string): BoundaryMapping['code'] => ({ by: 'property', property });

/** Property rows of a made-up file: every schema below also carries the noise real exports do. */
function suggestFor(rows: Record<string, unknown>[]): BoundaryMapping {
  return suggestBoundaryMapping(summariseProperties(rows));
}
const noise = (i: number) => ({ OBJECTID: i + 1, Shape_Area: 1234567.891 + 17.5 * i, Shape_Leng: 4321.5 + i });

describe('suggested boundary mapping', () => {
  it.each<[string, (i: number) => Record<string, unknown>]>([
    ['BoroCD', (i: number) => ({ ...noise(i), BoroCD: 101 + i })],
    ['GEOID', (i: number) => ({ STATEFP: '36', GEOID: `3604700${i}00`, NAMELSAD: `Census Tract ${i}`, ALAND: 100000 + i, ...noise(i) })],
    ['adcode', (i: number) => ({ adcode: 331102 + i, name: `区${i}`, level: 'district', parent: { adcode: 331100 }, childrenNum: 0 })],
    ['区划代码', (i: number) => ({ ...noise(i), 区划名称: `街道${i}`, 区划代码: `33110200${i}` })],
    ['DISTRICT', (i: number) => ({ ...noise(i), DISTRICT: `D0${i}`, LABEL: `Harbour District ${i}` })],
  ])('picks %s as the code among noise properties', (expected, row) => {
    const mapping = suggestFor([0, 1, 2, 3].map(row));
    expect(mapping.code).toEqual(byProperty(expected));
  });

  it('takes names from a known name property, else from unique text, never from a number', () => {
    expect(suggestFor([0, 1].map((i) => ({ GEOID: `1${i}`, NAMELSAD: `Tract ${i}` }))).name).toBe('NAMELSAD');
    expect(suggestFor([0, 1].map((i) => ({ DISTRICT: `D${i}`, LABEL: `Harbour District ${i}` }))).name).toBe('LABEL');
    expect(suggestFor([0, 1].map((i) => ({ ...noise(i), BoroCD: 101 + i }))).name).toBeNull();
  });

  it('finds a parent property by its values being codes of other features', () => {
    const rows = [{ unit: 'A', up: '' }, { unit: 'A1', up: 'A' }, { unit: 'A2', up: 'A' }];
    expect(suggestFor(rows)).toEqual({ code: byProperty('unit'), name: null, parent: 'up', level: null });
  });

  it('keys a file with a unique name and no code by name, and one with nothing by feature order', () => {
    expect(suggestFor([{ 名称: '东区' }, { 名称: '西区' }]).code).toEqual({ by: 'name' });
    expect(suggestFor([{ 名称: '东区' }, { 名称: '东区' }]).code).toEqual({ by: 'feature-order' });
    expect(suggestFor([{}, {}]).code).toEqual({ by: 'feature-order' });
    // A GIS row number beats feature order, but not a unique name: it changes at every export.
    expect(suggestFor([{ OBJECTID: 1 }, { OBJECTID: 2 }]).code).toEqual(byProperty('OBJECTID'));
    expect(suggestFor([{ OBJECTID: 1, 名称: '东区' }, { OBJECTID: 2, 名称: '西区' }]).code).toEqual({ by: 'name' });
  });
});

describe('boundary files keyed by the mapping', () => {
  it('accepts every NYC community district by BoroCD (the old loader accepted none: "the boundary has no code")', async () => {
    const set = await read('nyc-community-districts.geojson');
    expect(set.rejectedCount).toBe(0);
    expect(set.features.map((f) => f.code)).toEqual(['101', '102', '301', '302']);
    expect(set.mapping.code).toEqual(byProperty('BoroCD'));
    expect(set.issues).toEqual([]);
    const names = set.properties.map((p) => p.name);
    expect(names).toEqual(['OBJECTID', 'BoroCD', 'Shape_Leng', 'Shape_Area']);
    expect(set.properties.find((p) => p.name === 'BoroCD')?.examples).toEqual(['101', '102', '301', '302']);
  });

  it.each([
    ['census-geoid.geojson', 'GEOID', 3, 'Census Tract 1'],
    ['district-codes.geojson', 'DISTRICT', 2, 'Harbour District 1'],
    ['china-adcode.geojson', 'adcode', 3, '丽水市'],
  ])('%s is keyed by %s', async (file, property, accepted, firstName) => {
    const set = await read(file);
    expect(set.mapping.code).toEqual(byProperty(property));
    expect(set.features.length).toBe(accepted);
    expect(set.features[0]!.name).toBe(firstName);
  });

  it('reads a DataV parent object by its adcode, so the districts nest under the city', async () => {
    const set = await read('china-adcode.geojson');
    expect(set.mapping.parent).toBe('parent');
    expect(set.features.map((f) => f.parentCode)).toEqual(['330000', '331100', '331100']);
    const model = createBoundaryModel([set]);
    expect(model.hierarchy.source).toBe('parent_column');
    expect([...model.gridCodes].sort()).toEqual(['331102', '331121']);
  });

  it('keys a names-only file by name, with a warning', async () => {
    const set = await read('names-only.geojson');
    expect(set.mapping).toEqual({ code: { by: 'name' }, name: '名称', parent: null, level: null });
    expect(set.features.map((f) => f.code)).toEqual(['东区', '西区', '北区']);
    expect(set.issues.map((i) => i.rule)).toEqual(['boundary_keyed_by_name']);
    expect(set.issues[0]!.en).toContain('Keyed by name');
  });

  it('keys by feature order on request: codes from the file name and position, with a warning', async () => {
    const set = await read('nyc-community-districts.geojson', { code: { by: 'feature-order' }, name: null, parent: null, level: null });
    expect(set.features.map((f) => f.code)).toEqual(['nyc-community-districts-1', 'nyc-community-districts-2', 'nyc-community-districts-3', 'nyc-community-districts-4']);
    expect(set.issues.map((i) => i.rule)).toEqual(['boundary_keyed_by_order']);
  });

  it('re-keys the features already read when the user overrides the mapping', async () => {
    const file = await readBoundaryFeatures(bytes('census-geoid.geojson'), 'census-geoid.geojson');
    expect(keyBoundaries(file).features.length).toBe(3);
    // STATEFP is the same on every tract: the first is kept, the other two are rejected with their row.
    const byState = keyBoundaries(file, { code: byProperty('STATEFP'), name: 'NAMELSAD', parent: null, level: null });
    expect(byState.features.length).toBe(1);
    expect(byState.rejectedCount).toBe(2);
    expect(byState.issues.map((i) => [i.rule, i.row, i.column])).toEqual([['code_duplicate', 2, 'STATEFP'], ['code_duplicate', 3, 'STATEFP']]);
    const missing = keyBoundaries(file, { code: byProperty('NOPE'), name: null, parent: null, level: null });
    expect(missing.features.length).toBe(0);
    expect(missing.issues.every((i) => i.rule === 'code_missing' && i.column === 'NOPE')).toBe(true);
  });

  it('assigns the events of the foreign-boundaries fixture to NYC districts and named squares', async () => {
    const sets = await Promise.all([read('nyc-community-districts.geojson'), read('names-only.geojson')]);
    const table = await readEventsFile(readFileSync(join(DIR, 'foreign-boundaries-events.csv')), 'foreign-boundaries-events.csv');
    const model = createBoundaryModel(sets);
    const result = validateEvents(table, suggestMapping(table.columns), { boundaries: model.index, knownGridCodes: model.gridCodes });
    expect(result.counts.accepted).toBe(11);
    expect(result.byRule.outside_boundaries).toBe(1);
    expect(new Set(result.events.grid_code)).toEqual(new Set(['101', '102', '301', '302', '东区', '西区', '北区']));
  });
});

describe('the boundary mapping saved with the events mapping', () => {
  const events: EventMapping = { version: 1, columns: { reported_at: 'Created Date', category: 'Complaint Type' }, crs: 'wgs84' };

  it('round-trips', () => {
    for (const boundaries of [
      { code: byProperty('BoroCD'), name: 'cd_name', parent: null, level: null },
      { code: { by: 'name' }, name: '名称', parent: 'up', level: '层级' },
      { code: { by: 'feature-order' }, name: null, parent: null, level: null },
    ] satisfies BoundaryMapping[]) {
      expect(parseMapping(serialiseMapping({ ...events, boundaries }))).toEqual({ ...events, boundaries });
    }
  });

  it('still reads a mapping saved before boundaries were part of it', () => {
    const old = JSON.stringify({ version: 1, columns: { reported_at: 'Created Date', category: 'Complaint Type' }, crs: 'wgs84' });
    expect(parseMapping(old)).toEqual(events);
    expect(parseMapping(old).boundaries).toBeUndefined();
  });

  it.each([
    [{ code: 'BoroCD' }, '"boundaries.code" must be an object'],
    [{ code: { by: 'guess' } }, '"boundaries.code.by" "guess": must be one of property, name, feature-order'],
    [{ code: { by: 'property' } }, '"boundaries.code.property" must be a non-empty string'],
    [{ code: { by: 'name' }, name: 7 }, '"boundaries.name" must be a non-empty string'],
    [[], '"boundaries" must be an object'],
  ])('refuses a broken saved boundary mapping (%j), naming the field', (boundaries, message) => {
    const text = JSON.stringify({ version: 1, columns: {}, crs: 'wgs84', boundaries });
    expect(() => parseMapping(text)).toThrow(message);
  });
});
