import { CATEGORIES, OTHER_CATEGORY } from '../domain/categories';
import { CHANNELS, STATUSES } from '../domain/events';
import { TIME_PRESETS, type TimePreset } from '../sql/period';
import type { EventFilter } from '../sql/filter';

export const MAP_LAYERS = ['points', 'heatmap', 'hexagon', 'coverage', 'response'] as const;
export type MapLayerKind = (typeof MAP_LAYERS)[number];
export const COLOR_BY = ['category', 'status', 'severity'] as const;
export type ColorBy = (typeof COLOR_BY)[number];

/** Everything a shared link must restore: unit, filters, layer, measure and the map view. */
export interface ViewState {
  unit: string;
  range: TimePreset;
  from?: string;
  to?: string;
  categories: string[];
  channels: string[];
  statuses: string[];
  severities: number[];
  layer: MapLayerKind;
  colorBy: ColorBy;
  /** Measure id of the coverage or response choropleth (src/domain/unit-measures.ts). */
  measure?: string;
  /** How the choropleth's classes are cut. */
  classes: 'quantile' | 'jenks';
  /** Map camera: [lon, lat, zoom]; absent means "fit the unit". */
  camera?: [number, number, number];
  lang?: 'zh' | 'en';
  /** The event whose detail is open. */
  event?: string;
}

export const CITY_CODE = '331100';

export function defaultViewState(rootUnit = CITY_CODE): ViewState {
  return { unit: rootUnit, range: '30d', categories: [], channels: [], statuses: [], severities: [], layer: 'points', colorBy: 'category', classes: 'quantile' };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const list = (value: string | null) => (value ? value.split(',').filter((v) => v.length > 0) : []);
const only = <T extends string>(values: string[], allowed: readonly T[]) => values.filter((v): v is T => (allowed as readonly string[]).includes(v));

/**
 * Read the view from URL parameters. Unknown or malformed values fall back to the default
 * rather than failing, because a shared link may come from an older version.
 */
export function parseViewState(search: string, rootUnit = CITY_CODE): ViewState {
  const params = new URLSearchParams(search);
  const state = defaultViewState(rootUnit);
  const unit = params.get('unit');
  if (unit && /^\d{6}(\d{3}){0,3}$/.test(unit)) state.unit = unit;
  const range = params.get('range');
  if (range && (TIME_PRESETS as readonly string[]).includes(range)) state.range = range as TimePreset;
  const from = params.get('from'), to = params.get('to');
  if (state.range === 'custom') {
    if (from && DATE.test(from) && to && DATE.test(to) && from <= to) { state.from = from; state.to = to; } else state.range = '30d';
  }
  state.categories = only(list(params.get('cat')), [...CATEGORIES.map((c) => c.code), OTHER_CATEGORY.code]);
  state.channels = only(list(params.get('ch')), CHANNELS);
  state.statuses = only(list(params.get('st')), STATUSES);
  state.severities = list(params.get('sev')).map(Number).filter((n) => n >= 1 && n <= 4 && Number.isInteger(n));
  const layer = params.get('layer');
  if (layer && (MAP_LAYERS as readonly string[]).includes(layer)) state.layer = layer as MapLayerKind;
  const color = params.get('color');
  if (color && (COLOR_BY as readonly string[]).includes(color)) state.colorBy = color as ColorBy;
  if (params.get('classes') === 'jenks') state.classes = 'jenks';
  const measure = params.get('measure');
  if (measure && /^[a-z0-9_]+$/.test(measure)) state.measure = measure;
  const camera = list(params.get('v')).map(Number);
  if (camera.length === 3 && camera.every(Number.isFinite) && Math.abs(camera[0]!) <= 180 && Math.abs(camera[1]!) <= 90) state.camera = camera as [number, number, number];
  const lang = params.get('lang');
  if (lang === 'zh' || lang === 'en') state.lang = lang;
  const event = params.get('event');
  if (event && event.length <= 64) state.event = event;
  return state;
}

/** Write the view as URL parameters, leaving out what equals the default so links stay short. */
export function serializeViewState(state: ViewState, rootUnit = CITY_CODE): string {
  const params = new URLSearchParams();
  if (state.unit !== rootUnit) params.set('unit', state.unit);
  if (state.range !== '30d') params.set('range', state.range);
  if (state.range === 'custom' && state.from && state.to) { params.set('from', state.from); params.set('to', state.to); }
  if (state.categories.length) params.set('cat', state.categories.join(','));
  if (state.channels.length) params.set('ch', state.channels.join(','));
  if (state.statuses.length) params.set('st', state.statuses.join(','));
  if (state.severities.length) params.set('sev', state.severities.join(','));
  if (state.layer !== 'points') params.set('layer', state.layer);
  if (state.colorBy !== 'category') params.set('color', state.colorBy);
  if (state.measure) params.set('measure', state.measure);
  if (state.classes !== 'quantile') params.set('classes', state.classes);
  if (state.camera) params.set('v', state.camera.map((n, i) => n.toFixed(i === 2 ? 2 : 5)).join(','));
  if (state.lang) params.set('lang', state.lang);
  if (state.event) params.set('event', state.event);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The event filter every panel applies for this view. */
export function filterOf(state: ViewState): EventFilter {
  return { unitCode: state.unit, categories: state.categories, channels: state.channels, statuses: state.statuses, severities: state.severities };
}
