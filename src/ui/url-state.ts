import { MAP_LINK_FIELDS } from '../domain/map-link';
import { enumField, enumValue, listField, numberValue, readQuery, textField, tupleField, writeQuery } from '../domain/url-codec';
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

/** The view with nothing chosen, at the root unit (the data's top unit, from the `units` table). */
export function defaultViewState(rootUnit: string): ViewState {
  return { unit: rootUnit, range: '30d', categories: [], channels: [], statuses: [], severities: [], layer: 'points', colorBy: 'category', classes: 'quantile' };
}

/** Each field of the view and its URL parameter, in the order a link writes them (README, "URL parameters"). */
const VIEW_FIELDS = {
  unit: MAP_LINK_FIELDS.unit,
  range: enumField('range', TIME_PRESETS),
  from: MAP_LINK_FIELDS.from,
  to: MAP_LINK_FIELDS.to,
  categories: MAP_LINK_FIELDS.categories,
  channels: listField('ch', enumValue<string>(CHANNELS)),
  statuses: listField('st', enumValue<string>(STATUSES)),
  severities: listField('sev', numberValue({ integer: true, min: 1, max: 4 })),
  layer: enumField('layer', MAP_LAYERS),
  colorBy: enumField('color', COLOR_BY),
  measure: textField('measure', { pattern: /^[a-z0-9_]+$/ }),
  classes: enumField('classes', ['quantile', 'jenks'] as const),
  // Lon/lat to 5 decimals (about a metre), zoom to 2: enough to restore the view, short to share.
  camera: tupleField<[number, number, number]>('v', [numberValue({ min: -180, max: 180, decimals: 5 }), numberValue({ min: -90, max: 90, decimals: 5 }), numberValue({ decimals: 2 })]),
  lang: enumField('lang', ['zh', 'en'] as const),
  event: MAP_LINK_FIELDS.event,
};

/**
 * Read the view from URL parameters. Unknown or malformed values fall back to the default
 * rather than failing, because a shared link may come from an older version.
 */
export function parseViewState(search: string, rootUnit: string): ViewState {
  const { from, to, ...fields } = readQuery(search, VIEW_FIELDS);
  const state: ViewState = { ...defaultViewState(rootUnit), ...fields };
  // A custom range needs both days in order; without them the link falls back to the default range.
  if (state.range === 'custom') {
    if (from && to && from <= to) { state.from = from; state.to = to; } else state.range = '30d';
  }
  return state;
}

/** Write the view as URL parameters, leaving out what equals the default so links stay short. */
export function serializeViewState(state: ViewState, rootUnit: string): string {
  const days = state.range === 'custom' && state.from && state.to ? { from: state.from, to: state.to } : { from: undefined, to: undefined };
  return writeQuery({ ...state, ...days }, VIEW_FIELDS, defaultViewState(rootUnit));
}

/** The event filter every panel applies for this view. */
export function filterOf(state: ViewState): EventFilter {
  return { unitCode: state.unit, categories: state.categories, channels: state.channels, statuses: state.statuses, severities: state.severities };
}
