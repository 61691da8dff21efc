import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import { basemapDatum, DEFAULT_BASEMAP, parseBasemapConfig, type BasemapConfig } from './basemap-config';
import { shiftGeoJson } from './datum';

/** A boundary level as a URL to WGS84 GeoJSON, or the GeoJSON itself (already shifted for display). */
export type BoundaryData = string | FeatureCollection;
export interface BoundarySources { city: BoundaryData; county: BoundaryData; township: BoundaryData }

/** `fetch`, or a stand-in with the same shape (tests). */
export type FetchFn = (input: string, init?: { headers?: Record<string, string>; signal?: AbortSignal }) => Promise<Response>;

/**
 * The default basemap: a plain background and the city's own boundaries, with no tile,
 * glyph or sprite source, so it makes no request beyond the page's origin.
 */
export function createOfflineStyle(boundaryUrls: BoundarySources): StyleSpecification {
  return {
    version: 8,
    name: 'OneMap offline',
    sources: {
      city: { type: 'geojson', data: boundaryUrls.city },
      county: { type: 'geojson', data: boundaryUrls.county },
      township: { type: 'geojson', data: boundaryUrls.township },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#e9eef2' } },
      { id: 'city-fill', type: 'fill', source: 'city', paint: { 'fill-color': '#fbfcfd' } },
      { id: 'township-line', type: 'line', source: 'township', minzoom: 8.5, paint: { 'line-color': '#b8c4cf', 'line-width': 0.6 } },
      { id: 'county-line', type: 'line', source: 'county', paint: { 'line-color': '#5b7083', 'line-width': 1.4 } },
      { id: 'city-line', type: 'line', source: 'city', paint: { 'line-color': '#1f3b57', 'line-width': 2.4 } },
    ],
  };
}

/** Id prefix of our boundary sources and layers when appended to a user's style (avoids clashes). */
export const STYLE_ID_PREFIX = 'onemap-';

/** The boundary sources and line layers drawn over tiles (no opaque fill, so the tiles show). */
function boundaryOverlay(boundaries: BoundarySources, prefix: string, cityTint: boolean): { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } {
  const id = (name: string) => `${prefix}${name}`;
  const layers: LayerSpecification[] = [];
  // A light wash inside the city keeps its extent readable without hiding the tiles.
  if (cityTint) layers.push({ id: id('city-fill'), type: 'fill', source: id('city'), paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.15 } });
  layers.push(
    { id: id('township-line'), type: 'line', source: id('township'), minzoom: 8.5, paint: { 'line-color': '#7d8c99', 'line-width': 0.6 } },
    { id: id('county-line'), type: 'line', source: id('county'), paint: { 'line-color': '#3d5569', 'line-width': 1.4 } },
    { id: id('city-line'), type: 'line', source: id('city'), paint: { 'line-color': '#1f3b57', 'line-width': 2.4 } },
  );
  return {
    sources: {
      [id('city')]: { type: 'geojson', data: boundaries.city },
      [id('county')]: { type: 'geojson', data: boundaries.county },
      [id('township')]: { type: 'geojson', data: boundaries.township },
    },
    layers,
  };
}

/** The `pmtiles://` source URL for an archive (relative paths resolved against the page). */
export function pmtilesSourceUrl(url: string, pageUrl: string | undefined = globalThis.location?.href): string {
  return `pmtiles://${pageUrl ? new URL(url, pageUrl).href : url}`;
}

/** Neutral layers for every source-layer of a vector archive (its own style is not known). */
export function genericVectorLayers(source: string, sourceLayers: readonly string[]): LayerSpecification[] {
  const water = /water|ocean|sea|lake|river/i;
  return sourceLayers.flatMap((layer): LayerSpecification[] => [
    {
      id: `basemap-${layer}-fill`, type: 'fill', source, 'source-layer': layer,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': water.test(layer) ? '#bcd3e6' : '#dfe5ea', 'fill-opacity': 0.8 },
    },
    {
      id: `basemap-${layer}-line`, type: 'line', source, 'source-layer': layer,
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': water.test(layer) ? '#9dbcd6' : '#b9c3cc', 'line-width': 0.7 },
    },
  ]);
}

export interface BasemapStyleOptions {
  /** The page's URL, to make a relative PMTiles path absolute (defaults to `location.href`). */
  pageUrl?: string;
  /** For a vector PMTiles archive: its source-layer names (`loadStyle` reads them from the archive). */
  vectorLayers?: readonly string[];
  /** For a vector PMTiles archive in MapLibre Tile format rather than MVT. */
  vectorEncoding?: 'mvt' | 'mlt';
}

/**
 * The maplibre style for a configured basemap, synchronously: 'none' is exactly the
 * offline style; 'xyz' and 'pmtiles' put a tile layer under the boundaries. A 'style'
 * basemap needs its style JSON fetched first: use `loadStyle`. `boundaries` must already be
 * in the basemap's datum (see `loadStyle`, which shifts them for GCJ-02).
 */
export function createBasemapStyle(config: BasemapConfig, boundaries: BoundarySources, options: BasemapStyleOptions = {}): StyleSpecification {
  if (config.type === 'none') return createOfflineStyle(boundaries);
  if (config.type === 'style') throw new Error('A "style" basemap is loaded from its URL: use loadStyle()');

  let basemap: SourceSpecification;
  let tileLayers: LayerSpecification[];
  if (config.type === 'xyz') {
    basemap = {
      type: 'raster', tiles: [...config.tiles], tileSize: config.tileSize ?? 256, attribution: config.attribution,
      ...(config.maxzoom !== undefined ? { maxzoom: config.maxzoom } : {}),
    };
    tileLayers = [{ id: 'basemap-raster', type: 'raster', source: 'basemap' }];
  } else if ((config.kind ?? 'raster') === 'raster') {
    // The protocol answers the TileJSON request from the archive's header (zoom range, bounds).
    basemap = { type: 'raster', url: pmtilesSourceUrl(config.url, options.pageUrl), tileSize: config.tileSize ?? 256, attribution: config.attribution };
    tileLayers = [{ id: 'basemap-raster', type: 'raster', source: 'basemap' }];
  } else {
    if (!options.vectorLayers) throw new Error(`A vector PMTiles basemap needs its layer names: use loadStyle() to read them from ${config.url}`);
    basemap = {
      type: 'vector', url: pmtilesSourceUrl(config.url, options.pageUrl), attribution: config.attribution,
      ...(options.vectorEncoding === 'mlt' ? { encoding: 'mlt' as const } : {}),
    };
    tileLayers = genericVectorLayers('basemap', options.vectorLayers);
  }
  const overlay = boundaryOverlay(boundaries, '', true);
  return {
    version: 8,
    name: `OneMap ${config.type}`,
    sources: { basemap, ...overlay.sources },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#e9eef2' } },
      ...tileLayers,
      ...overlay.layers,
    ],
  };
}

/** Our boundaries appended (over everything) to a user's style JSON. */
export function appendBoundaries(style: StyleSpecification, boundaries: BoundarySources, source = 'the style'): StyleSpecification {
  const overlay = boundaryOverlay(boundaries, STYLE_ID_PREFIX, false);
  for (const id of Object.keys(overlay.sources)) {
    if (id in style.sources) throw new Error(`${source}: source id "${id}" is reserved for OneMap's boundaries`);
  }
  const layerIds = new Set(style.layers.map((l) => l.id));
  for (const layer of overlay.layers) {
    if (layerIds.has(layer.id)) throw new Error(`${source}: layer id "${layer.id}" is reserved for OneMap's boundaries`);
  }
  return { ...style, sources: { ...style.sources, ...overlay.sources }, layers: [...style.layers, ...overlay.layers] };
}

function isStyleJson(value: unknown): value is StyleSpecification {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.version === 8 && typeof v.sources === 'object' && v.sources !== null && !Array.isArray(v.sources) && Array.isArray(v.layers);
}

async function fetchJson(url: string, fetchFn: FetchFn, what: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (error) {
    throw new Error(`${what} ${url} could not be loaded: ${(error as Error).message}`);
  }
  if (!response.ok) throw new Error(`${what} ${url} could not be loaded: HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new Error(`${what} ${url} is not valid JSON`);
  }
}

/**
 * One boundary file ready for a geojson source's `data`: the URL as it is when the basemap
 * is WGS84 (maplibre loads it); for GCJ-02, the GeoJSON fetched and shifted so that it
 * lines up with the tiles.
 */
export async function resolveBoundary(config: BasemapConfig, url: string, fetchFn: FetchFn): Promise<BoundaryData> {
  const datum = basemapDatum(config);
  if (datum === 'wgs84') return url;
  return shiftGeoJson((await fetchJson(url, fetchFn, 'Boundaries')) as FeatureCollection, datum);
}

/** `resolveBoundary` for the three levels of the base style. */
export async function resolveBoundaries(config: BasemapConfig, boundaryUrls: { city: string; county: string; township: string }, fetchFn: FetchFn): Promise<BoundarySources> {
  const [city, county, township] = await Promise.all([
    resolveBoundary(config, boundaryUrls.city, fetchFn),
    resolveBoundary(config, boundaryUrls.county, fetchFn),
    resolveBoundary(config, boundaryUrls.township, fetchFn),
  ]);
  return { city, county, township };
}

/** A PMTiles `Source` that reads byte ranges through a fetch function. */
export class FetchFnSource implements Source {
  constructor(private readonly url: string, private readonly fetchFn: FetchFn) {}
  getKey(): string { return this.url; }
  async getBytes(offset: number, length: number, signal?: AbortSignal): Promise<RangeResponse> {
    // Called unbound: window.fetch throws "Illegal invocation" when `this` is another object.
    const fetchFn = this.fetchFn;
    const response = await fetchFn(this.url, { headers: { range: `bytes=${offset}-${offset + length - 1}` }, ...(signal ? { signal } : {}) });
    if (!response.ok) throw new Error(`PMTiles archive ${this.url} could not be read: HTTP ${response.status}`);
    const data = await response.arrayBuffer();
    // A server that ignores Range answers 200 with the whole file.
    return { data: response.status === 200 && data.byteLength > length ? data.slice(offset, offset + length) : data };
  }
}

/** True for the archive tile types that are vector tiles (MVT, MLT). */
function isVectorTileType(tileType: TileType): boolean {
  return tileType === TileType.Mvt || tileType === TileType.Mlt;
}

/**
 * The complete style for a configured basemap, loading what it needs: nothing for 'none'
 * (zero requests: the offline style with the boundary URLs); the boundaries fetched and
 * shifted when the datum is GCJ-02; the style JSON for 'style'; the archive header (and
 * for vector archives its layer list) for 'pmtiles', so a wrong `kind` gives a clear error
 * instead of a blank map. The `pmtiles://` protocol must be registered before the style is
 * used (`registerPmtilesProtocol`).
 */
export async function loadStyle(
  config: BasemapConfig,
  boundaryUrls: { city: string; county: string; township: string },
  fetchFn: FetchFn,
  options: { pageUrl?: string; source?: string } = {},
): Promise<StyleSpecification> {
  const file = options.source ?? 'onemap.config.json';
  if (config.type === 'none') return createOfflineStyle(boundaryUrls);
  const boundaries = await resolveBoundaries(config, boundaryUrls, fetchFn);
  const styleOptions: BasemapStyleOptions = options.pageUrl !== undefined ? { pageUrl: options.pageUrl } : {};

  if (config.type === 'style') {
    const json = await fetchJson(config.url, fetchFn, 'Basemap style');
    if (!isStyleJson(json)) throw new Error(`Basemap style ${config.url} is not a maplibre style (needs "version": 8, "sources" and "layers")`);
    return appendBoundaries(json, boundaries, `Basemap style ${config.url}`);
  }
  if (config.type === 'pmtiles') {
    const archive = new PMTiles(new FetchFnSource(config.url, fetchFn));
    let header: Awaited<ReturnType<PMTiles['getHeader']>>;
    try {
      header = await archive.getHeader();
    } catch (error) {
      throw new Error(`${file}: basemap.url ${config.url} is not a readable PMTiles archive: ${(error as Error).message}`);
    }
    const vector = isVectorTileType(header.tileType);
    const kind = config.kind ?? 'raster';
    if (vector && kind === 'raster') throw new Error(`${file}: basemap.url ${config.url} holds vector tiles; set basemap.kind to "vector"`);
    if (!vector && kind === 'vector') throw new Error(`${file}: basemap.url ${config.url} holds raster tiles; set basemap.kind to "raster" (or leave it out)`);
    if (vector) {
      const metadata = (await archive.getMetadata()) as { vector_layers?: { id?: unknown }[] } | null;
      const layers = (metadata?.vector_layers ?? []).map((l) => l.id).filter((id): id is string => typeof id === 'string');
      if (layers.length === 0) throw new Error(`${file}: basemap.url ${config.url} lists no vector_layers in its metadata`);
      return createBasemapStyle(config, boundaries, { ...styleOptions, vectorLayers: layers, vectorEncoding: header.tileType === TileType.Mlt ? 'mlt' : 'mvt' });
    }
  }
  return createBasemapStyle(config, boundaries, styleOptions);
}

/**
 * Reads and validates the config file (`onemap.config.json`, next to the page). A missing
 * file (404) means the default basemap; anything else wrong is an error naming the file.
 */
export async function loadBasemapConfig(url: string, fetchFn: FetchFn, name = 'onemap.config.json'): Promise<BasemapConfig> {
  const response = await fetchFn(url);
  if (response.status === 404) return DEFAULT_BASEMAP;
  if (!response.ok) throw new Error(`${name}: could not be loaded (HTTP ${response.status})`);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${name}: is not valid JSON (${(error as Error).message})`);
  }
  return parseBasemapConfig(json, name);
}
