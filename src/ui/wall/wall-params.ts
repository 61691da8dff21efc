import { UNIT_CODE_PATTERN } from '../../domain/unit-codes';
import { enumField, enumValue, listField, numberField, readQuery, textField, textValue } from '../../domain/url-codec';

/**
 * The wall's URL parameters (docs/wall.md). A wall is set up once by a link and left alone,
 * so malformed values fall back to their defaults rather than breaking the screen.
 */
export const WALL_LAYERS = ['points', 'heatmap', 'hexagon', 'coverage', 'response'] as const;
export type WallLayer = (typeof WALL_LAYERS)[number];
export const WALL_RANGES = ['today', '7d', '30d'] as const;
export type WallRange = (typeof WALL_RANGES)[number];

export interface WallParams {
  /** Seconds between tour steps; 0 stops the tour. */
  intervalSeconds: number;
  /** Unit codes the tour visits, in order; empty means the city and then each of its districts. */
  units: string[];
  /** Map layers, one per tour step in turn (a single layer does not rotate). */
  layers: WallLayer[];
  lang: 'zh' | 'en' | null;
  /** Where the events are re-read from: an Arrow IPC stream on the page's origin. */
  source: string;
  /** Seconds between two reads of the source; 0 never re-reads. */
  refreshSeconds: number;
  /** replace: the source holds the whole table; append: it holds new or changed events (by event_id). */
  update: 'replace' | 'append';
  /** The events drawn on the map. */
  range: WallRange;
}

export const WALL_DEFAULTS = {
  intervalSeconds: 20,
  refreshSeconds: 60,
  /** Faster than this and the map would be flying all the time (and tests can go lower). */
  minIntervalSeconds: 1,
  /** Tests and the soak benchmark refresh fast; a real wall should not hammer its source. */
  minRefreshSeconds: 0.2,
} as const;

/** The wall's parameters and their forms (README, "Wall display"). */
const WALL_FIELDS = {
  interval: numberField('interval', { min: 0 }),
  units: listField('units', textValue({ pattern: UNIT_CODE_PATTERN }), { trim: true, unique: true }),
  layers: listField('layers', enumValue(WALL_LAYERS), { trim: true }),
  lang: enumField('lang', ['zh', 'en'] as const),
  source: textField('source', { trim: true }),
  refresh: numberField('refresh', { min: 0 }),
  update: enumField('update', ['replace', 'append'] as const),
  range: enumField('range', WALL_RANGES),
};

/** 0 means "never"; other values are raised to the minimum. */
function seconds(value: number | undefined, fallback: number, minimum: number): number {
  if (value === undefined) return fallback;
  return value === 0 ? 0 : Math.max(minimum, value);
}

/** Read the wall's parameters from a query string; `defaultSource` is the bundled events file. */
export function parseWallParams(search: string, defaultSource: string): WallParams {
  const fields = readQuery(search, WALL_FIELDS);
  return {
    intervalSeconds: seconds(fields.interval, WALL_DEFAULTS.intervalSeconds, WALL_DEFAULTS.minIntervalSeconds),
    units: fields.units ?? [],
    layers: fields.layers?.length ? fields.layers : ['points'],
    lang: fields.lang ?? null,
    source: fields.source ?? defaultSource,
    refreshSeconds: seconds(fields.refresh, WALL_DEFAULTS.refreshSeconds, WALL_DEFAULTS.minRefreshSeconds),
    update: fields.update ?? 'replace',
    range: fields.range ?? '7d',
  };
}

/**
 * The source as an absolute URL on the page's origin. No request may leave the origin
 * (government intranets are offline, docs/domain.md §1): another origin is refused with a
 * message saying so, rather than fetched; a same-origin proxy path is the way to reach
 * another server.
 */
export function resolveSourceUrl(source: string, pageHref: string): URL {
  let url: URL;
  try { url = new URL(source, pageHref); } catch { throw new Error(`Invalid source "${source}": not a URL`); }
  const origin = new URL(pageHref).origin;
  if (url.origin !== origin) throw new Error(`Invalid source "${source}": it must be on this page's origin (${origin}); no request leaves the page's origin`);
  return url;
}
