import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { wgs84ToGcj02 } from '../../src/domain/coordinates';
import {
  basemapAttribution, basemapDatum, externalBasemapUrls, isSameOrigin, parseBasemapConfig, type BasemapConfig,
} from '../../src/map/basemap-config';
import {
  appendBoundaries, createBasemapStyle, createOfflineStyle, loadBasemapConfig, loadStyle, STYLE_ID_PREFIX, type FetchFn,
} from '../../src/map/basemap-style';
import { shiftGeoJson, shiftPositionsInPlace, toDisplayDatum, toDisplayPositions } from '../../src/map/datum';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'basemap', 'stamen_toner_z3.pmtiles');
const FILE = 'onemap.config.json';
const URLS = { city: '/demo/boundaries-city.geojson', county: '/demo/boundaries-county.geojson', township: '/demo/boundaries-township.geojson' };
const PAGE = 'http://127.0.0.1:4173/';
const LISHUI: [number, number] = [119.922796, 28.46763];

const parse = (basemap: unknown) => parseBasemapConfig({ basemap }, FILE);
const XYZ = { type: 'xyz', tiles: ['https://tiles.example.org/{z}/{x}/{y}.png'], attribution: '© Example', datum: 'wgs84' };
const PMT = { type: 'pmtiles', url: '/tiles/city.pmtiles', attribution: '© Example', datum: 'wgs84' };

/** Every string anywhere in a value (style JSON). */
function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) allStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) allStrings(v, out);
  return out;
}
/** A string that could make the browser leave the page's origin. */
const leavesOrigin = (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s) || s.startsWith('//');

/** A fetch stand-in: answers from a table of URL -> body, honours Range on binary bodies, records calls. */
function fakeFetch(files: Record<string, unknown>): FetchFn & { calls: string[] } {
  const calls: string[] = [];
  const fn = async (url: string, init?: { headers?: Record<string, string> }) => {
    calls.push(url);
    if (!(url in files)) return new Response('not found', { status: 404 });
    const body = files[url];
    if (body instanceof Uint8Array) {
      const range = /bytes=(\d+)-(\d+)/.exec(init?.headers?.range ?? '');
      if (!range) return new Response(body.slice(), { status: 200 });
      const end = Math.min(Number(range[2]) + 1, body.length);
      return new Response(body.slice(Number(range[1]), end), { status: 206 });
    }
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 200 });
  };
  return Object.assign(fn, { calls });
}

const square = (lon: number, lat: number): FeatureCollection => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { code: '331102' }, geometry: { type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.1, lat], [lon + 0.1, lat + 0.1], [lon, lat]]] } }],
});

describe('parseBasemapConfig: valid files', () => {
  it('reads the shipped public/onemap.config.json as the offline default', () => {
    const json: unknown = JSON.parse(readFileSync(join(ROOT, 'public', FILE), 'utf8'));
    expect(parseBasemapConfig(json, FILE)).toEqual({ type: 'none' });
  });

  it('treats a file without a basemap section as the default', () => {
    expect(parseBasemapConfig({}, FILE)).toEqual({ type: 'none' });
  });

  it('reads each type', () => {
    expect(parse({ ...XYZ, tileSize: 512, maxzoom: 18, datum: 'gcj02' })).toEqual({ ...XYZ, tileSize: 512, maxzoom: 18, datum: 'gcj02' });
    expect(parse({ type: 'style', url: 'https://styles.example.org/style.json', datum: 'wgs84' })).toEqual({ type: 'style', url: 'https://styles.example.org/style.json', datum: 'wgs84' });
    expect(parse({ type: 'style', url: '/styles/local.json', datum: 'gcj02', attribution: 'A' })).toEqual({ type: 'style', url: '/styles/local.json', datum: 'gcj02', attribution: 'A' });
    expect(parse(PMT)).toEqual(PMT);
    expect(parse({ ...PMT, kind: 'vector', url: 'https://cdn.example.org/x.pmtiles' })).toEqual({ ...PMT, kind: 'vector', url: 'https://cdn.example.org/x.pmtiles' });
    expect(parse({ ...PMT, kind: 'raster', tileSize: 512 })).toEqual({ ...PMT, kind: 'raster', tileSize: 512 });
  });

  it('gives the datum and attribution to show', () => {
    expect(basemapDatum({ type: 'none' })).toBe('wgs84');
    expect(basemapDatum(parse({ ...XYZ, datum: 'gcj02' }))).toBe('gcj02');
    expect(basemapAttribution({ type: 'none' })).toBeUndefined();
    expect(basemapAttribution(parse(XYZ))).toBe('© Example');
  });
});

describe('parseBasemapConfig: each error names the file, the field and the rule', () => {
  const cases: [string, unknown, string][] = [
    ['not an object', [1], 'onemap.config.json: the file must hold a JSON object (got [1])'],
    ['basemap not an object', 'osm', 'onemap.config.json: basemap must be an object (got "osm")'],
    ['unknown type', { type: 'wms' }, 'onemap.config.json: basemap.type must be one of "none", "xyz", "style", "pmtiles" (got "wms")'],
    ['unknown field', { ...XYZ, tile: 'x' }, 'onemap.config.json: basemap.tile is not a field of type "xyz" (fields: type, tiles, tileSize, attribution, datum, maxzoom)'],
    ['field of another type', { type: 'none', url: '/x' }, 'onemap.config.json: basemap.url is not a field of type "none"'],
    ['tiles missing', { ...XYZ, tiles: undefined }, 'onemap.config.json: basemap.tiles must be a non-empty array of URL templates (got undefined)'],
    ['tiles empty', { ...XYZ, tiles: [] }, 'onemap.config.json: basemap.tiles must be a non-empty array of URL templates (got [])'],
    ['template without {y}', { ...XYZ, tiles: ['https://t.example.org/{z}/{x}.png'] }, 'onemap.config.json: basemap.tiles[0] must be a URL template containing {z}, {x} and {y}'],
    ['second template not a string', { ...XYZ, tiles: [XYZ.tiles[0], 3] }, 'onemap.config.json: basemap.tiles[1] must be a URL template containing {z}, {x} and {y} (got 3)'],
    ['{s} subdomains', { ...XYZ, tiles: ['https://{s}.t.example.org/{z}/{x}/{y}.png'] }, 'onemap.config.json: basemap.tiles[0] must not use {s}'],
    ['template not http(s)', { ...XYZ, tiles: ['ftp://t.example.org/{z}/{x}/{y}.png'] }, 'onemap.config.json: basemap.tiles[0] must be an http(s) URL or a path starting with /'],
    ['tileSize', { ...XYZ, tileSize: 300 }, 'onemap.config.json: basemap.tileSize must be 256 or 512 (got 300)'],
    ['maxzoom', { ...XYZ, maxzoom: 30 }, 'onemap.config.json: basemap.maxzoom must be an integer from 0 to 24 (got 30)'],
    ['xyz attribution missing', { ...XYZ, attribution: undefined }, 'onemap.config.json: basemap.attribution must be a non-empty string (the tiles\' licence requires it to be shown) (got undefined)'],
    ['xyz attribution blank', { ...XYZ, attribution: '  ' }, 'onemap.config.json: basemap.attribution must be a non-empty string'],
    ['datum missing', { ...XYZ, datum: undefined }, 'onemap.config.json: basemap.datum must be "wgs84" or "gcj02"'],
    ['datum unknown', { ...XYZ, datum: 'bd09' }, 'onemap.config.json: basemap.datum must be "wgs84" or "gcj02", the datum of the tiles (Chinese providers such as AMap and Tencent use "gcj02") (got "bd09")'],
    ['style url missing', { type: 'style', datum: 'wgs84' }, 'onemap.config.json: basemap.url must be an http(s) URL or a path starting with / (got undefined)'],
    ['style url protocol-relative', { type: 'style', url: '//cdn.example.org/s.json', datum: 'wgs84' }, 'onemap.config.json: basemap.url must be an http(s) URL or a path starting with /'],
    ['style attribution not text', { type: 'style', url: '/s.json', datum: 'wgs84', attribution: 1 }, 'onemap.config.json: basemap.attribution must be a non-empty string (got 1)'],
    ['pmtiles url relative', { ...PMT, url: 'tiles/x.pmtiles' }, 'onemap.config.json: basemap.url must be an http(s) URL or a path starting with / (got "tiles/x.pmtiles")'],
    ['pmtiles attribution missing', { ...PMT, attribution: undefined }, 'onemap.config.json: basemap.attribution must be a non-empty string'],
    ['pmtiles kind', { ...PMT, kind: 'terrain' }, 'onemap.config.json: basemap.kind must be "raster" or "vector" (got "terrain")'],
    ['pmtiles tileSize on vector', { ...PMT, kind: 'vector', tileSize: 512 }, 'onemap.config.json: basemap.tileSize applies only to raster archives'],
  ];
  it.each(cases)('%s', (_name, basemap, message) => {
    const json = _name === 'not an object' ? basemap : { basemap };
    expect(() => parseBasemapConfig(json, FILE)).toThrow(message);
  });
});

describe('isSameOrigin and external URLs', () => {
  const origin = 'http://127.0.0.1:4173';
  it.each([
    ['/tiles/x.pmtiles', true],
    ['tiles/x.pmtiles', true],
    ['http://127.0.0.1:4173/styles/s.json', true],
    ['http://127.0.0.1:5173/styles/s.json', false],
    ['https://127.0.0.1:4173/styles/s.json', false],
    ['https://tiles.example.org/{z}/{x}/{y}.png', false],
    ['//cdn.example.org/x.png', false],
    ['data:application/json,{}', true],
    ['blob:http://127.0.0.1:4173/1234', true],
  ])('%s -> %s', (url, expected) => {
    expect(isSameOrigin(url, origin)).toBe(expected);
  });

  it('lists the configured URLs that leave the origin', () => {
    expect(externalBasemapUrls({ type: 'none' }, origin)).toEqual([]);
    expect(externalBasemapUrls(parse({ ...XYZ, tiles: ['/t/{z}/{x}/{y}.png', 'https://a.example.org/{z}/{x}/{y}.png'] }), origin)).toEqual(['https://a.example.org/{z}/{x}/{y}.png']);
    expect(externalBasemapUrls(parse(PMT), origin)).toEqual([]);
  });
});

describe('createBasemapStyle / loadStyle', () => {
  it("'none' is exactly the offline style and holds no URL that could leave the origin", async () => {
    const style = createBasemapStyle({ type: 'none' }, URLS);
    expect(style).toEqual(createOfflineStyle(URLS));
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const strings = allStrings(style);
    expect(strings).toContain(URLS.city);
    expect(strings.filter(leavesOrigin)).toEqual([]);
    expect(Object.values(style.sources).every((s) => s.type === 'geojson')).toBe(true);
  });

  it("loadStyle('none') makes no request at all", async () => {
    const fetchFn = fakeFetch({});
    expect(await loadStyle({ type: 'none' }, URLS, fetchFn)).toEqual(createOfflineStyle(URLS));
    expect(fetchFn.calls).toEqual([]);
  });

  it("'xyz' puts a raster layer under the boundaries, with its attribution, and no opaque city fill", () => {
    const style = createBasemapStyle(parse({ ...XYZ, maxzoom: 17 }), URLS);
    expect(style.sources.basemap).toEqual({ type: 'raster', tiles: XYZ.tiles, tileSize: 256, attribution: '© Example', maxzoom: 17 });
    const ids = style.layers.map((l) => l.id);
    expect(ids).toEqual(['background', 'basemap-raster', 'city-fill', 'township-line', 'county-line', 'city-line']);
    const cityFill = style.layers.find((l) => l.id === 'city-fill');
    expect(cityFill?.type === 'fill' && cityFill.paint?.['fill-opacity']).toBeLessThan(0.5);
    expect(style.sources.city).toEqual({ type: 'geojson', data: URLS.city });
  });

  it("'pmtiles' (raster) uses the pmtiles:// protocol with the archive's absolute URL", () => {
    const style = createBasemapStyle(parse(PMT), URLS, { pageUrl: PAGE });
    expect(style.sources.basemap).toEqual({ type: 'raster', url: 'pmtiles://http://127.0.0.1:4173/tiles/city.pmtiles', tileSize: 256, attribution: '© Example' });
    expect(style.layers[1]).toEqual({ id: 'basemap-raster', type: 'raster', source: 'basemap' });
    const remote = createBasemapStyle(parse({ ...PMT, url: 'https://cdn.example.org/x.pmtiles', tileSize: 512 }), URLS, { pageUrl: PAGE });
    expect(remote.sources.basemap).toMatchObject({ url: 'pmtiles://https://cdn.example.org/x.pmtiles', tileSize: 512 });
  });

  it("'pmtiles' (vector) needs its layer names, then draws neutral layers for each", () => {
    const config = parse({ ...PMT, kind: 'vector' });
    expect(() => createBasemapStyle(config, URLS)).toThrow('use loadStyle() to read them from /tiles/city.pmtiles');
    const style = createBasemapStyle(config, URLS, { pageUrl: PAGE, vectorLayers: ['water', 'roads'] });
    expect(style.sources.basemap).toEqual({ type: 'vector', url: 'pmtiles://http://127.0.0.1:4173/tiles/city.pmtiles', attribution: '© Example' });
    expect(style.layers.map((l) => l.id).slice(0, 5)).toEqual(['background', 'basemap-water-fill', 'basemap-water-line', 'basemap-roads-fill', 'basemap-roads-line']);
  });

  it("'style' loads the style JSON and appends the boundaries on top, with prefixed ids", async () => {
    const external: StyleSpecification = {
      version: 8, glyphs: 'https://s.example.org/{fontstack}/{range}.pbf',
      sources: { osm: { type: 'vector', url: 'https://s.example.org/tiles.json' } },
      layers: [{ id: 'background', type: 'background' }, { id: 'water', type: 'fill', source: 'osm', 'source-layer': 'water' }],
    };
    const config = parse({ type: 'style', url: 'https://s.example.org/style.json', datum: 'wgs84' });
    expect(() => createBasemapStyle(config, URLS)).toThrow('use loadStyle()');
    const fetchFn = fakeFetch({ 'https://s.example.org/style.json': external });
    const style = await loadStyle(config, URLS, fetchFn);
    expect(fetchFn.calls).toEqual(['https://s.example.org/style.json']);
    expect(style.glyphs).toBe(external.glyphs);
    expect(Object.keys(style.sources)).toEqual(['osm', `${STYLE_ID_PREFIX}city`, `${STYLE_ID_PREFIX}county`, `${STYLE_ID_PREFIX}township`]);
    expect(style.layers.map((l) => l.id)).toEqual(['background', 'water', 'onemap-township-line', 'onemap-county-line', 'onemap-city-line']);
    expect(style.sources['onemap-county']).toEqual({ type: 'geojson', data: URLS.county });
  });

  it("'style' errors: not found, not a style, clashing ids", async () => {
    const config = parse({ type: 'style', url: '/styles/s.json', datum: 'wgs84' });
    await expect(loadStyle(config, URLS, fakeFetch({}))).rejects.toThrow('Basemap style /styles/s.json could not be loaded: HTTP 404');
    await expect(loadStyle(config, URLS, fakeFetch({ '/styles/s.json': '{"version":' }))).rejects.toThrow('Basemap style /styles/s.json is not valid JSON');
    await expect(loadStyle(config, URLS, fakeFetch({ '/styles/s.json': { version: 7, layers: [] } }))).rejects.toThrow('is not a maplibre style');
    const clash: StyleSpecification = { version: 8, sources: { 'onemap-city': { type: 'geojson', data: '/x.geojson' } }, layers: [] };
    expect(() => appendBoundaries(clash, URLS)).toThrow('source id "onemap-city" is reserved');
  });

  it('with a GCJ-02 basemap, the boundaries are fetched and drawn shifted', async () => {
    const wgs = square(LISHUI[0], LISHUI[1]);
    const fetchFn = fakeFetch({ [URLS.city]: wgs, [URLS.county]: wgs, [URLS.township]: wgs });
    const style = await loadStyle(parse({ ...XYZ, datum: 'gcj02' }), URLS, fetchFn);
    expect(fetchFn.calls.sort()).toEqual(Object.values(URLS).sort());
    const data = (style.sources.county as { data: FeatureCollection }).data;
    const ring = (data.features[0]!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    const expected = wgs84ToGcj02(LISHUI[0], LISHUI[1]);
    expect(ring[0]![0]).toBeCloseTo(expected[0], 12);
    expect(ring[0]![1]).toBeCloseTo(expected[1], 12);
    // The same config in WGS84 passes the URLs through and fetches nothing.
    const plain = fakeFetch({});
    expect((await loadStyle(parse(XYZ), URLS, plain)).sources.county).toEqual({ type: 'geojson', data: URLS.county });
    expect(plain.calls).toEqual([]);
  });

  it("'pmtiles' through loadStyle reads the real archive's header and checks its kind", async () => {
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    const fetchFn = fakeFetch({ '/tiles/toner.pmtiles': bytes });
    const config = parse({ ...PMT, url: '/tiles/toner.pmtiles', attribution: 'Map tiles by Stamen Design, under CC BY 3.0. Data by OpenStreetMap, under ODbL' });
    const style = await loadStyle(config, URLS, fetchFn, { pageUrl: PAGE });
    expect(style.sources.basemap).toMatchObject({ type: 'raster', url: 'pmtiles://http://127.0.0.1:4173/tiles/toner.pmtiles' });
    await expect(loadStyle({ ...config, kind: 'vector' } as BasemapConfig, URLS, fetchFn, { pageUrl: PAGE }))
      .rejects.toThrow('onemap.config.json: basemap.url /tiles/toner.pmtiles holds raster tiles; set basemap.kind to "raster"');
    await expect(loadStyle({ ...config, url: '/tiles/missing.pmtiles' } as BasemapConfig, URLS, fetchFn))
      .rejects.toThrow('onemap.config.json: basemap.url /tiles/missing.pmtiles is not a readable PMTiles archive');
  });

  it('loadBasemapConfig: a missing file is the default; bad JSON names the file', async () => {
    expect(await loadBasemapConfig('/onemap.config.json', fakeFetch({}))).toEqual({ type: 'none' });
    await expect(loadBasemapConfig('/onemap.config.json', fakeFetch({ '/onemap.config.json': '{ basemap: 1 }' }))).rejects.toThrow('onemap.config.json: is not valid JSON');
    expect(await loadBasemapConfig('/onemap.config.json', fakeFetch({ '/onemap.config.json': { basemap: XYZ } }))).toEqual(XYZ);
  });
});

describe('datum: drawing WGS84 data on a GCJ-02 basemap', () => {
  it('is the identity for WGS84', () => {
    expect(toDisplayDatum(LISHUI[0], LISHUI[1], 'wgs84')).toEqual(LISHUI);
    const positions = new Float32Array([LISHUI[0], LISHUI[1], 120.1, 28.2]);
    const before = positions.slice();
    shiftPositionsInPlace(positions, 'wgs84');
    expect(positions).toEqual(before);
    expect(toDisplayPositions(positions, 'wgs84')).toBe(positions);
    const collection = square(LISHUI[0], LISHUI[1]);
    expect(shiftGeoJson(collection, 'wgs84')).toBe(collection);
  });

  it('shifts by the known GCJ-02 offset in Lishui (~0.0044° east, ~0.0034° south)', () => {
    const [lon, lat] = toDisplayDatum(LISHUI[0], LISHUI[1], 'gcj02');
    const dLon = lon - LISHUI[0];
    const dLat = lat - LISHUI[1];
    expect(dLon).toBeGreaterThan(0.004);
    expect(dLon).toBeLessThan(0.006);
    expect(dLat).toBeLessThan(-0.002);
    expect(dLat).toBeGreaterThan(-0.005);
    expect(Math.hypot(dLon, dLat)).toBeGreaterThan(0.004);
    expect(Math.hypot(dLon, dLat)).toBeLessThan(0.007);
    // Outside China the GCJ-02 offset does not apply.
    expect(toDisplayDatum(-0.1276, 51.5073, 'gcj02')).toEqual([-0.1276, 51.5073]);
  });

  it('shifts interleaved Float32 positions in place (and toDisplayPositions copies)', () => {
    const source = new Float32Array([LISHUI[0], LISHUI[1], 118.72, 27.45, 120.2, 28.9]);
    const copy = toDisplayPositions(source, 'gcj02');
    expect(copy).not.toBe(source);
    expect(source[0]).toBe(Math.fround(LISHUI[0]));
    const inPlace = source.slice();
    shiftPositionsInPlace(inPlace, 'gcj02');
    expect(inPlace).toEqual(copy);
    for (let i = 0; i < source.length; i += 2) {
      const [eLon, eLat] = wgs84ToGcj02(source[i]!, source[i + 1]!);
      // Float32 keeps ~8e-6° at these longitudes.
      expect(Math.abs(inPlace[i]! - eLon)).toBeLessThan(1e-5);
      expect(Math.abs(inPlace[i + 1]! - eLat)).toBeLessThan(1e-5);
      expect(inPlace[i]! - source[i]!).toBeGreaterThan(0.004);
    }
  });

  it('shifts every geometry of a FeatureCollection into a copy, keeping properties and z', () => {
    const collection: FeatureCollection = {
      type: 'FeatureCollection', bbox: [119, 28, 121, 29],
      features: [
        ...square(LISHUI[0], LISHUI[1]).features,
        { type: 'Feature', properties: { code: 'p' }, geometry: { type: 'Point', coordinates: [LISHUI[0], LISHUI[1], 55] } },
        { type: 'Feature', properties: null, geometry: { type: 'MultiPolygon', coordinates: [[[[120, 28], [120.1, 28], [120, 28.1], [120, 28]]]] } },
        { type: 'Feature', properties: null, geometry: { type: 'GeometryCollection', geometries: [{ type: 'LineString', coordinates: [[120, 28], [120.1, 28.1]] }] } },
      ],
    };
    const frozen = JSON.stringify(collection);
    const shifted = shiftGeoJson(collection, 'gcj02');
    expect(JSON.stringify(collection)).toBe(frozen);
    expect(shifted.bbox).toBeUndefined();
    expect(shifted.features[0]!.properties).toBe(collection.features[0]!.properties);
    expect(shifted.features[1]!.geometry).toEqual({ type: 'Point', coordinates: [...wgs84ToGcj02(LISHUI[0], LISHUI[1]), 55] });
    expect(shifted.features[2]!.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[[wgs84ToGcj02(120, 28), wgs84ToGcj02(120.1, 28), wgs84ToGcj02(120, 28.1), wgs84ToGcj02(120, 28)]]] });
    expect(shifted.features[3]!.geometry).toEqual({ type: 'GeometryCollection', geometries: [{ type: 'LineString', coordinates: [wgs84ToGcj02(120, 28), wgs84ToGcj02(120.1, 28.1)] }] });
  });
});

/** A PMTiles Source over a Node Buffer (the package's FileSource is for the browser's File). */
class BufferSource implements Source {
  constructor(private readonly buffer: Buffer, private readonly key: string) {}
  getKey(): string { return this.key; }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const slice = this.buffer.subarray(offset, offset + length);
    return { data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.byteLength) as ArrayBuffer };
  }
}

describe('a real PMTiles archive (Stamen Toner z0-3, tests/fixtures/basemap)', () => {
  const archive = new PMTiles(new BufferSource(readFileSync(FIXTURE), 'stamen_toner_z3.pmtiles'));

  it('reads the header: spec v3, PNG tiles, zoom 0-3, the whole world', async () => {
    const header = await archive.getHeader();
    expect(header.specVersion).toBe(3);
    expect(header.tileType).toBe(TileType.Png);
    expect([header.minZoom, header.maxZoom]).toEqual([0, 3]);
    expect(header.numAddressedTiles).toBe(85);
    expect([header.minLon, header.maxLon]).toEqual([-180, 180]);
  });

  it('reads the z3 tile over Lishui (3/6/3) as a 256x256 PNG', async () => {
    const tile = await archive.getZxy(3, 6, 3);
    expect(tile).toBeDefined();
    const bytes = new Uint8Array(tile!.data);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const png = PNG.sync.read(Buffer.from(bytes));
    expect([png.width, png.height]).toEqual([256, 256]);
    // Toner is black on white: the tile over East Asia has both.
    let dark = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 64) dark++;
    expect(dark).toBeGreaterThan(100);
    expect(dark).toBeLessThan(256 * 256 - 100);
  });

  it('has no tile beyond its zoom range', async () => {
    expect(await archive.getZxy(4, 13, 6)).toBeUndefined();
  });
});
