/**
 * The basemap configuration read from `onemap.config.json` (served at /onemap.config.json).
 * Pure: validation only, no I/O. See docs/basemap.md.
 */

/** The datum (coordinate system) of a basemap's tiles. The app's own data is always WGS84. */
export type Datum = 'wgs84' | 'gcj02';

export type BasemapConfig =
  | { type: 'none' }
  | {
      type: 'xyz';
      /** Tile URL templates with {z}, {x} and {y}. */
      tiles: string[];
      tileSize?: 256 | 512;
      /** Required: shown on the map. */
      attribution: string;
      datum: Datum;
      maxzoom?: number;
    }
  | { type: 'style'; url: string; datum: Datum; attribution?: string }
  | {
      type: 'pmtiles';
      /** A same-origin path such as /tiles/city.pmtiles, or an absolute http(s) URL. */
      url: string;
      datum: Datum;
      attribution: string;
      /** 'raster' (PNG/JPEG/WebP tiles, the default) or 'vector' (MVT tiles). */
      kind?: 'raster' | 'vector';
      /** Raster only: the tiles' pixel size (default 256). */
      tileSize?: 256 | 512;
    };

export type BasemapType = BasemapConfig['type'];

/** The default: no basemap tiles, no request beyond the page's origin. */
export const DEFAULT_BASEMAP: BasemapConfig = { type: 'none' };

/** Where the app looks for the config file (relative to the page). */
export const CONFIG_FILE = 'onemap.config.json';

const TYPES: readonly BasemapType[] = ['none', 'xyz', 'style', 'pmtiles'];
const FIELDS: Record<BasemapType, readonly string[]> = {
  none: ['type'],
  xyz: ['type', 'tiles', 'tileSize', 'attribution', 'datum', 'maxzoom'],
  style: ['type', 'url', 'datum', 'attribution'],
  pmtiles: ['type', 'url', 'datum', 'attribution', 'kind', 'tileSize'],
};

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const show = (value: unknown): string => (value === undefined ? 'undefined' : JSON.stringify(value));

/**
 * Validates the parsed JSON of the config file. `source` names the file in error messages,
 * which always say which field broke which rule, e.g.
 * `onemap.config.json: basemap.tiles[0] must be a URL template containing {z}, {x} and {y}`.
 * A file without a `basemap` section means the default (`{ "type": "none" }`).
 */
export function parseBasemapConfig(json: unknown, source: string): BasemapConfig {
  const fail = (field: string, rule: string): never => {
    throw new Error(`${source}: ${field} ${rule}`);
  };
  if (!isObject(json)) return fail('the file', `must hold a JSON object (got ${show(json)})`);
  if (json.basemap === undefined) return DEFAULT_BASEMAP;
  const b = json.basemap;
  if (!isObject(b)) return fail('basemap', `must be an object (got ${show(b)})`);

  const type = b.type;
  if (typeof type !== 'string' || !(TYPES as readonly string[]).includes(type)) {
    return fail('basemap.type', `must be one of ${TYPES.map((t) => `"${t}"`).join(', ')} (got ${show(type)})`);
  }
  const known = FIELDS[type as BasemapType];
  for (const key of Object.keys(b)) {
    if (!known.includes(key)) fail(`basemap.${key}`, `is not a field of type "${type}" (fields: ${known.join(', ')})`);
  }
  if (type === 'none') return { type: 'none' };

  const datum = (): Datum => {
    const value = b.datum;
    if (value === 'wgs84' || value === 'gcj02') return value;
    return fail('basemap.datum', `must be "wgs84" or "gcj02", the datum of the tiles (Chinese providers such as AMap and Tencent use "gcj02") (got ${show(value)})`);
  };
  const text = (field: 'attribution', required: boolean): string | undefined => {
    const value = b[field];
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      return fail(`basemap.${field}`, `must be a non-empty string${required ? ' (the tiles\' licence requires it to be shown)' : ''} (got ${show(value)})`);
    }
    return value;
  };
  const url = (field: string, value: unknown): string => {
    if (typeof value !== 'string' || !isHttpUrlOrPath(value)) {
      return fail(field, `must be an http(s) URL or a path starting with / (got ${show(value)})`);
    }
    return value;
  };

  const checkTileSize = (): 256 | 512 | undefined => {
    const value = b.tileSize;
    if (value !== undefined && value !== 256 && value !== 512) return fail('basemap.tileSize', `must be 256 or 512 (got ${show(value)})`);
    return value;
  };

  if (type === 'xyz') {
    const tiles = b.tiles;
    if (!Array.isArray(tiles) || tiles.length === 0) return fail('basemap.tiles', `must be a non-empty array of URL templates (got ${show(tiles)})`);
    const templates = tiles.map((t: unknown, i) => {
      const field = `basemap.tiles[${i}]`;
      if (typeof t !== 'string' || !['{z}', '{x}', '{y}'].every((token) => t.includes(token))) {
        return fail(field, `must be a URL template containing {z}, {x} and {y} (got ${show(t)})`);
      }
      if (t.includes('{s}')) return fail(field, `must not use {s}: maplibre does not expand it; list one template per subdomain instead (got ${show(t)})`);
      return url(field, t);
    });
    const tileSize = checkTileSize();
    const maxzoom = b.maxzoom;
    if (maxzoom !== undefined && !(typeof maxzoom === 'number' && Number.isInteger(maxzoom) && maxzoom >= 0 && maxzoom <= 24)) {
      return fail('basemap.maxzoom', `must be an integer from 0 to 24 (got ${show(maxzoom)})`);
    }
    return {
      type, tiles: templates, attribution: text('attribution', true)!, datum: datum(),
      ...(tileSize !== undefined ? { tileSize } : {}),
      ...(maxzoom !== undefined ? { maxzoom: maxzoom as number } : {}),
    };
  }
  if (type === 'style') {
    const attribution = text('attribution', false);
    return { type, url: url('basemap.url', b.url), datum: datum(), ...(attribution !== undefined ? { attribution } : {}) };
  }
  // pmtiles
  const kind = b.kind;
  if (kind !== undefined && kind !== 'raster' && kind !== 'vector') return fail('basemap.kind', `must be "raster" or "vector" (got ${show(kind)})`);
  const tileSize = checkTileSize();
  if (tileSize !== undefined && kind === 'vector') fail('basemap.tileSize', 'applies only to raster archives (kind "raster")');
  return {
    type: 'pmtiles', url: url('basemap.url', b.url), datum: datum(), attribution: text('attribution', true)!,
    ...(kind !== undefined ? { kind } : {}),
    ...(tileSize !== undefined ? { tileSize } : {}),
  };
}

/** An absolute http(s) URL or a path on this origin ("/tiles/x.pmtiles"; not "//host/…"). */
function isHttpUrlOrPath(value: string): boolean {
  if (value.startsWith('/')) return !value.startsWith('//');
  return /^https?:\/\/[^/\s]+/i.test(value);
}

/**
 * True when `url` (absolute, or relative to the page) is served by `pageOrigin` (e.g.
 * `location.origin`). data: and blob: URLs count as same-origin: they make no request.
 */
export function isSameOrigin(url: string, pageOrigin: string): boolean {
  if (/^(data|blob):/i.test(url)) return true;
  // Templates hold {z}/{x}/{y}; URL() would percent-encode them, which does not change the origin.
  try {
    return new URL(url, pageOrigin).origin === new URL(pageOrigin).origin;
  } catch {
    return false;
  }
}

/** Every URL the configured basemap will load (tile templates, the style or the archive). */
export function basemapUrls(config: BasemapConfig): string[] {
  switch (config.type) {
    case 'none': return [];
    case 'xyz': return [...config.tiles];
    case 'style':
    case 'pmtiles': return [config.url];
  }
}

/** The configured URLs that leave the page's origin: the UI notes them (the user chose them). */
export function externalBasemapUrls(config: BasemapConfig, pageOrigin: string): string[] {
  return basemapUrls(config).filter((url) => !isSameOrigin(url, pageOrigin));
}

/** The datum the app's WGS84 data must be drawn in to line up with the basemap. */
export function basemapDatum(config: BasemapConfig): Datum {
  return config.type === 'none' ? 'wgs84' : config.datum;
}

/** The attribution text to show for the basemap, if any. */
export function basemapAttribution(config: BasemapConfig): string | undefined {
  return config.type === 'none' ? undefined : config.attribution;
}
