/** Boundary files (GeoJSON, zipped shapefile), the hierarchy, grid assignment and datums. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBigGeoJson } from '../support/big-geojson';
import { wgs84ToBd09, wgs84ToGcj02 } from '../../src/domain/coordinates';
import { assignGrids, createBoundaryModel, detectDatumShift, readBoundaryFile, readEventsFile, suggestMapping, validateEvents } from '../../src/ingest';

const DIR = join(__dirname, '../fixtures/ingest');
const read = (file: string) => readBoundaryFile(readFileSync(join(DIR, 'boundaries', file)), file);
const tmp = mkdtempSync(join(tmpdir(), 'onemap-boundaries-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface BoundaryCase { file: string; features: number; accepted: number; messages: string[] }

const CASES: BoundaryCase[] = [
  { file: 'grids.geojson', features: 19, accepted: 19, messages: [] },
  { file: 'grids-shapefile.zip', features: 16, accepted: 16, messages: [] },
  { file: 'invalid-json.geojson', features: 0, accepted: 0, messages: ['invalid-json.geojson: Invalid JSON: *'] },
  {
    file: 'wrong-types.geojson', features: 3, accepted: 1, messages: [
      'wrong-types.geojson, row 1, column "geometry": Unsupported geometry type (expected Polygon or MultiPolygon): Point ("P1") [geometry_unsupported]',
      'wrong-types.geojson, row 2, column "geometry": Unsupported geometry type (expected Polygon or MultiPolygon): LineString ("L1") [geometry_unsupported]',
    ],
  },
  { file: 'unclosed-ring.geojson', features: 2, accepted: 1, messages: ['unclosed-ring.geojson, row 1, column "geometry": Polygon ring not closed (first and last positions differ) ("U1") [ring_unclosed]'] },
  { file: 'self-intersecting.geojson', features: 2, accepted: 1, messages: ['self-intersecting.geojson, row 1, column "geometry": Self-intersecting polygon: crossing at 119.905000, 28.445000 ("BOWTIE") [self_intersection]'] },
  { file: 'hole.geojson', features: 1, accepted: 1, messages: [] },
  { file: 'wrong-winding.geojson', features: 1, accepted: 1, messages: ['wrong-winding.geojson, row 1, column "geometry": Ring winding did not follow RFC 7946 and was fixed ("CW1") [winding_fixed]'] },
  { file: 'three-d.geojson', features: 1, accepted: 1, messages: ['three-d.geojson, row 1, column "geometry": 3D coordinates, elevation dropped ("Z1") [coordinates_3d]'] },
  { file: 'geometry-collection.geojson', features: 2, accepted: 1, messages: ['geometry-collection.geojson, row 1, column "geometry": GeometryCollection is not supported: split it into Polygon features ("GC1") [geometry_collection]'] },
  {
    file: 'empty-geometries.geojson', features: 4, accepted: 1, messages: [
      'empty-geometries.geojson, row 1, column "geometry": Empty geometry ("E1") [geometry_empty]',
      'empty-geometries.geojson, row 2, column "geometry": Empty geometry ("E2") [geometry_empty]',
      'empty-geometries.geojson, row 3, column "geometry": Empty geometry ("E3") [geometry_empty]',
    ],
  },
  { file: 'multipolygon.geojson', features: 1, accepted: 1, messages: [] },
];

describe('boundary files', () => {
  it.each(CASES)('$file: $accepted of $features features accepted', async (test) => {
    const set = await read(test.file);
    expect(set.featureCount).toBe(test.features);
    expect(set.features.length).toBe(test.accepted);
    expect(set.features.length + set.rejectedCount).toBe(set.featureCount);
    const messages = set.issues.map((issue) => issue.en);
    for (const message of test.messages) {
      if (message.endsWith('*')) expect(messages.some((m) => m.startsWith(message.slice(0, -1)))).toBe(true);
      else expect(messages).toContain(message);
    }
    if (test.messages.length === 0) expect(messages).toEqual([]);
  });

  it('repairs winding and drops elevation so that the polygon is usable', async () => {
    const [winding, threeD] = await Promise.all([read('wrong-winding.geojson'), read('three-d.geojson')]);
    const model = createBoundaryModel([winding]);
    expect(model.index.locate(119.905, 28.445)).toBe('CW1');
    expect(threeD.features[0]!.polygons[0]![0]!.every((p) => p.length === 2)).toBe(true);
  });

  it('leaves a point in a hole outside the polygon', async () => {
    const model = createBoundaryModel([await read('hole.geojson')]);
    expect(model.index.locate(119.905, 28.445)).toBe('H1');
    expect(model.index.locate(119.915, 28.455)).toBeNull();
  });

  it('finds both parts of a multipolygon and nothing between them', async () => {
    const model = createBoundaryModel([await read('multipolygon.geojson')]);
    expect([model.index.locate(119.905, 28.445), model.index.locate(119.925, 28.445), model.index.locate(119.915, 28.445)]).toEqual(['M1', 'M1', null]);
  });

  it('reads the zipped shapefile as the same grids as the GeoJSON', async () => {
    const [shp, geojson] = await Promise.all([read('grids-shapefile.zip'), read('grids.geojson')]);
    const grids = geojson.features.filter((f) => f.code.length === 12);
    expect(shp.features.map((f) => [f.code, f.name])).toEqual(grids.map((f) => [f.code, f.name]));
    expect(shp.features.map((f) => f.bbox)).toEqual(grids.map((f) => f.bbox));
  });

  it.each([
    { file: 'grids.geojson', source: 'code_prefix', parentOfGrid: '331102001', grid: '331102001001', top: '331102' },
    { file: 'grids-parent-column.geojson', source: 'parent_column', parentOfGrid: 'U1', grid: 'U2', top: 'U0' },
    { file: 'grids-containment.geojson', source: 'containment', parentOfGrid: 'N01', grid: 'N02', top: 'N00' },
  ])('takes the hierarchy of $file from $source', async ({ file, source, parentOfGrid, grid, top }) => {
    const { hierarchy } = createBoundaryModel([await read(file)]);
    expect(hierarchy.source).toBe(source);
    expect(hierarchy.leafCodes.length).toBe(16);
    const unit = (code: string) => hierarchy.units.find((u) => u.code === code)!;
    expect(unit(grid)).toMatchObject({ level: 'grid', parentCode: parentOfGrid });
    expect(unit(top).parentCode).toBeNull();
    expect(unit(grid).areaKm2).toBeCloseTo(0.98 * 1.11, 0);
  });

  it('reads a 50 MB GeoJSON file written at test time', async () => {
    const path = join(tmp, 'big.geojson');
    const written = writeBigGeoJson(path);
    const t0 = performance.now();
    const set = await readBoundaryFile(readFileSync(path), 'big.geojson');
    const model = createBoundaryModel([set]);
    const ms = performance.now() - t0;
    expect(set.featureCount).toBe(written);
    expect(set.rejectedCount).toBe(0);
    expect(model.index.locate(119.0005, 28.0005)).toBe('G0');
    console.info(`50 MB GeoJSON: ${written} polygons read, checked and indexed in ${ms.toFixed(0)} ms`);
  });
});

describe('grid assignment', () => {
  it('assigns each point to the grid that contains it, with progress', async () => {
    const model = createBoundaryModel([await read('grids.geojson')]);
    const lon = Float64Array.from([119.905, 119.935, 119.95, NaN]);
    const lat = Float64Array.from([28.445, 28.475, 28.445, 28.445]);
    const progress: number[] = [];
    const codes = assignGrids(lon, lat, model.index, ({ done }) => progress.push(done), 2);
    expect(codes).toEqual(['331102001001', '331102002008', null, null]);
    expect(progress).toEqual([2, 4, 4]);
  });

  it('agrees with a brute-force scan over every grid for 10,000 points', async () => {
    const set = await read('grids.geojson');
    const model = createBoundaryModel([set]);
    const lon = Float64Array.from({ length: 10_000 }, (_, i) => 119.895 + ((i * 7919) % 10_000) / 10_000 * 0.05);
    const lat = Float64Array.from({ length: 10_000 }, (_, i) => 28.435 + ((i * 104_729) % 10_000) / 10_000 * 0.05);
    const codes = assignGrids(lon, lat, model.index);
    const grids = set.features.filter((f) => model.gridCodes.has(f.code));
    codes.forEach((code, i) => {
      // Half-open cells: a point on a shared edge belongs to one of the two grids.
      const touching = grids.filter((g) => lon[i]! >= g.bbox.minLon && lon[i]! <= g.bbox.maxLon && lat[i]! >= g.bbox.minLat && lat[i]! <= g.bbox.maxLat).map((g) => g.code);
      const strictlyInside = grids.filter((g) => lon[i]! > g.bbox.minLon && lon[i]! < g.bbox.maxLon && lat[i]! > g.bbox.minLat && lat[i]! < g.bbox.maxLat).map((g) => g.code);
      if (code === null) expect(strictlyInside).toEqual([]);
      else expect(touching).toContain(code);
    });
  });
});

describe('coordinate systems', () => {
  const model = async () => createBoundaryModel([await read('grids.geojson')]);

  it.each([
    { file: 'crs-wgs84.csv', crs: 'wgs84' as const },
    { file: 'crs-gcj02.csv', crs: 'gcj02' as const },
    { file: 'crs-bd09.csv', crs: 'bd09' as const },
  ])('$file read as $crs gives the WGS84 points and their own grids', async ({ file, crs }) => {
    const boundaries = await model();
    const table = await readEventsFile(readFileSync(join(DIR, file)), file);
    const wgs = await readEventsFile(readFileSync(join(DIR, 'crs-wgs84.csv')), 'crs-wgs84.csv');
    const result = validateEvents(table, { ...suggestMapping(table.columns), crs }, { boundaries: boundaries.index, knownGridCodes: boundaries.gridCodes });
    expect(result.counts).toEqual({ input: 40, accepted: 40, rejected: 0, doubtful: 0 });
    result.events.lon.forEach((lon, i) => {
      expect(lon).toBeCloseTo(Number(wgs.rows[i]![3]), 5);
      expect(result.events.lat[i]).toBeCloseTo(Number(wgs.rows[i]![4]), 5);
      expect(boundaries.index.locate(lon, result.events.lat[i]!)).toBe(wgs.rows[i]![5]);
    });
  });

  it.each([
    { file: 'crs-wgs84.csv', chosen: 'wgs84' as const, suggested: null },
    { file: 'crs-gcj02.csv', chosen: 'wgs84' as const, suggested: 'gcj02' },
    { file: 'crs-bd09.csv', chosen: 'wgs84' as const, suggested: 'bd09' },
    { file: 'crs-wgs84.csv', chosen: 'gcj02' as const, suggested: 'wgs84' },
  ])('hints that $file read as $chosen fits better as $suggested', async ({ file, chosen, suggested }) => {
    const boundaries = await model();
    const table = await readEventsFile(readFileSync(join(DIR, file)), file);
    const hint = detectDatumShift(table.rows.map((r) => Number(r[3])), table.rows.map((r) => Number(r[4])), table.rows.map((r) => r[5] ?? null), boundaries.index, chosen);
    expect(hint.suggested).toBe(suggested);
    if (suggested) expect(hint.en).toMatch(new RegExp(`The data may be in ${suggested.toUpperCase()}\\.$`));
  });

  it('hints from the share inside the boundaries when the file has no grid codes', async () => {
    const boundaries = await model();
    // Points near the county's south-east corner leave it when read in the wrong datum.
    const wgs = Array.from({ length: 200 }, (_, i) => [119.936 + (i % 10) * 0.0004, 28.4405 + Math.floor(i / 10) * 0.0002] as const);
    const gcj = wgs.map(([x, y]) => wgs84ToGcj02(x, y));
    const hint = detectDatumShift(gcj.map((p) => p[0]), gcj.map((p) => p[1]), null, boundaries.index, 'wgs84');
    expect(hint.fits.find((f) => f.crs === 'gcj02')!.insideShare).toBe(1);
    expect(hint.suggested).toBe('gcj02');
    expect(wgs84ToBd09(119.9, 28.44)[0]).toBeGreaterThan(119.9);
  });
});
