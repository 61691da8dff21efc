import type { Table } from 'apache-arrow';
import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { HeatmapLayer, HexagonLayer } from '@deck.gl/aggregation-layers';
import { DataFilterExtension } from '@deck.gl/extensions';
import { STATUSES } from '../domain/events';
import { numericColumn } from '../engine/columns';
import { CATEGORY_COLORS, hexToRgba, SEVERITY_COLORS_HEX, STATUS_COLORS_HEX, UNKNOWN_COLOR, type Rgba } from './palette';

/** Event points as typed arrays: what the GPU needs and what a click needs to look up. */
export interface EventPointColumns {
  length: number;
  /** Interleaved lon, lat. */
  positions: Float32Array;
  categoryIndex: Int8Array;
  statusIndex: Int8Array;
  severity: Int8Array;
  /** Hours since the period start: the value the GPU filters on during playback. */
  tHours: Float32Array;
  rowIds: Int32Array;
}

function copyInt8(table: Table, name: string): Int8Array {
  return Int8Array.from(numericColumn(table, name));
}

/** From the result of `eventPoints` to typed arrays (one pass, no per-row objects). */
export function toEventPointColumns(table: Table): EventPointColumns {
  const lon = numericColumn(table, 'lon');
  const lat = numericColumn(table, 'lat');
  const length = table.numRows;
  const positions = new Float32Array(length * 2);
  for (let i = 0; i < length; i++) {
    positions[2 * i] = lon[i]!;
    positions[2 * i + 1] = lat[i]!;
  }
  return {
    length, positions,
    categoryIndex: copyInt8(table, 'category_index'),
    statusIndex: copyInt8(table, 'status_index'),
    severity: copyInt8(table, 'severity'),
    tHours: Float32Array.from(numericColumn(table, 't_hours')),
    rowIds: Int32Array.from(numericColumn(table, 'rid')),
  };
}

export type PointColorBy = 'category' | 'status' | 'severity';

const STATUS_COLORS: Rgba[] = STATUSES.map((s) => hexToRgba(STATUS_COLORS_HEX[s] ?? '#808080', 210));
const SEVERITY_COLORS: Rgba[] = SEVERITY_COLORS_HEX.map((h) => hexToRgba(h, 220));

/** RGBA per point for the chosen colouring; rebuilt only when the colouring or the data changes. */
export function pointColors(columns: EventPointColumns, colorBy: PointColorBy): Uint8Array {
  const colors = new Uint8Array(columns.length * 4);
  for (let i = 0; i < columns.length; i++) {
    const color = colorBy === 'category' ? CATEGORY_COLORS[columns.categoryIndex[i]!]
      : colorBy === 'status' ? STATUS_COLORS[columns.statusIndex[i]!]
      : SEVERITY_COLORS[columns.severity[i]! - 1];
    colors.set(color ?? UNKNOWN_COLOR, 4 * i);
  }
  return colors;
}

/** Radius per point: serious matters draw larger so that they stand out of the crowd. */
export function pointRadii(columns: EventPointColumns): Float32Array {
  const radii = new Float32Array(columns.length);
  for (let i = 0; i < columns.length; i++) radii[i] = 1 + (columns.severity[i]! - 1) * 0.8;
  return radii;
}

export interface EventLayerOptions {
  kind: 'points' | 'heatmap' | 'hexagon';
  colors: Uint8Array;
  radii: Float32Array;
  /** Hours since the period start shown, inclusive; playback moves this window on the GPU. */
  timeWindow: [number, number];
  radiusScale: number;
  hexagonRadiusMeters: number;
  /**
   * Lon, lat of the events inside the time window, for the hexagons: their CPU aggregation
   * (needed for quantile colours) ignores the GPU time filter, so playback hands them the
   * window's events instead. The points' own array when the window holds them all.
   */
  hexagonPositions?: Float32Array;
  /** Told the fewest and most events per hexagon each time the hexagon layer aggregates (for the legend). */
  onHexagonDomain?: (domain: [number, number]) => void;
}

/**
 * The positions (lon, lat pairs) of the events whose time lies in the window; the same array
 * when every event does, so that the whole period never re-aggregates.
 */
export function positionsInWindow(positions: Float32Array, tHours: Float32Array, window: readonly [number, number]): Float32Array {
  let inside = 0;
  for (let i = 0; i < tHours.length; i++) if (tHours[i]! >= window[0] && tHours[i]! <= window[1]) inside++;
  if (inside === tHours.length) return positions;
  const result = new Float32Array(inside * 2);
  for (let i = 0, j = 0; i < tHours.length; i++) {
    if (tHours[i]! < window[0] || tHours[i]! > window[1]) continue;
    result[j++] = positions[2 * i]!;
    result[j++] = positions[2 * i + 1]!;
  }
  return result;
}

/** What the hexagons' colours mean in numbers: the fewest and most events in one hexagon, and its radius. */
export interface HexagonScale { min: number; max: number; radiusMeters: number }

/** The hexagons' radius at a zoom: about the same size on screen at every zoom, never below 100 m. */
export function hexagonRadiusMeters(zoom: number): number {
  return Math.max(100, 2000 / 2 ** Math.max(0, zoom - 8));
}

/** The hexagons' ramp (ColorBrewer YlGnBu), light = few; the legend draws the same colours. */
export const HEXAGON_COLORS = ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'] as const;
/** Below this share of the densest spot's weight nothing is drawn (the legend says so). */
export const HEAT_THRESHOLD = 0.03;
/** The heat's ramp (deck.gl's default, ColorBrewer YlOrRd), named here so that the legend draws the same colours. */
export const HEAT_COLORS = ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'] as const;
const hexToRgb = (hex: string): [number, number, number] => hexToRgba(hex).slice(0, 3) as [number, number, number];
// Made once: a new array at each render would make the heat rebuild its colour texture.
const HEAT_RANGE = HEAT_COLORS.map(hexToRgb);
const HEXAGON_RANGE = HEXAGON_COLORS.map(hexToRgb);

const timeFilter = new DataFilterExtension({ filterSize: 1 });

// The aggregation layers read positions as 3 components (they ignore a size-2 binary
// attribute and draw nothing), so they get lon, lat, 0; made once per columns object.
const positions3d = new WeakMap<Float32Array, Float32Array>();
function withZ(positions: Float32Array): Float32Array {
  let result = positions3d.get(positions);
  if (!result) {
    result = new Float32Array((positions.length / 2) * 3);
    for (let i = 0, j = 0; i < positions.length; i += 2, j += 3) { result[j] = positions[i]!; result[j + 1] = positions[i + 1]!; }
    positions3d.set(positions, result);
  }
  return result;
}

// deck.gl compares `data` by reference: a new object means new data, and the heatmap then
// recompiles its weight shader and re-aggregates, the hexagons re-bin on the CPU and the
// points re-upload (seconds per frame in software WebGL when it happened at every camera
// move). So each data object is made once per set of arrays and reused.
const dataCache = new WeakMap<object, { kind: string; inputs: readonly object[]; data: unknown }[]>();
function stableData<T>(kind: string, inputs: readonly [object, ...object[]], make: () => T): T {
  const entries = dataCache.get(inputs[0]) ?? [];
  const hit = entries.find((e) => e.kind === kind && e.inputs.length === inputs.length && e.inputs.every((input, i) => input === inputs[i]));
  if (hit) return hit.data as T;
  const data = make();
  dataCache.set(inputs[0], [...entries, { kind, inputs, data }]);
  return data;
}

/**
 * The incident layers from the same binary columns, one per kind in `kinds` (the active
 * one visible). Kinds never shown are not created: each compiles its own shaders, which
 * takes seconds in software WebGL. The data objects stay the same between renders, so
 * changing the time window only updates a uniform (no rebuild) — except for the hexagons,
 * whose CPU binning ignores the GPU filter: they re-bin the window's events.
 */
export function createEventLayers(columns: EventPointColumns, options: EventLayerOptions, kinds: ReadonlySet<EventLayerOptions['kind']> = new Set([options.kind])): Layer[] {
  const filterValues = { value: columns.tHours, size: 1 };
  const common = { extensions: [timeFilter], filterRange: options.timeWindow, getFilterValue: () => 0 };
  const layers: Layer[] = [];
  const hexagonPositions = options.hexagonPositions ?? columns.positions;
  // Points draw every event at every frame: in software WebGL a frame took 1.1–1.5 s for the
  // 83,000 events of 30 days at 1M (0.2 s at 100k; npm run bench). Above POINT_LIMIT the
  // dashboard switches to hexagons; with a GPU this is a few milliseconds.
  if (kinds.has('points')) layers.push(
    new ScatterplotLayer({
      id: 'events-points',
      data: stableData('points', [columns.positions, columns.tHours, options.colors, options.radii], () => ({
        length: columns.length,
        attributes: { getPosition: { value: columns.positions, size: 2 }, getFillColor: { value: options.colors, size: 4, normalized: true }, getRadius: { value: options.radii, size: 1 }, getFilterValue: filterValues },
      })),
      visible: options.kind === 'points',
      radiusUnits: 'pixels', radiusScale: options.radiusScale, radiusMinPixels: 1, radiusMaxPixels: 10,
      stroked: false, filled: true, pickable: options.kind === 'points',
      ...common,
    }));
  // Raw points, not bins made in SQL: deck.gl redraws the weight texture only when the data,
  // the zoom or the far bounds change, not at each frame (0.17–0.26 s a frame at 1M, as the
  // choropleths), and bins would lose the per-event time that playback filters on.
  if (kinds.has('heatmap')) layers.push(
    new HeatmapLayer({
      id: 'events-heatmap',
      data: stableData('xyz', [columns.positions, columns.tHours], () => ({ length: columns.length, attributes: { getPosition: { value: withZ(columns.positions), size: 3 }, getFilterValue: filterValues } })),
      visible: options.kind === 'heatmap',
      radiusPixels: 25, intensity: 1, threshold: HEAT_THRESHOLD, colorRange: HEAT_RANGE,
      ...common,
    }));
  if (kinds.has('hexagon')) layers.push(
    new HexagonLayer({
      id: 'events-hexagon',
      // Binned on the CPU from the window's events (a new array per playback step re-bins them).
      data: stableData('hexagon', [hexagonPositions], () => ({ length: hexagonPositions.length / 2, attributes: { getPosition: { value: withZ(hexagonPositions), size: 3 } } })),
      visible: options.kind === 'hexagon',
      radius: options.hexagonRadiusMeters, coverage: 0.9, extruded: false, opacity: 0.8,
      // CPU aggregation allows quantile colours, which a few very busy cells cannot wash out.
      gpuAggregation: false, colorScaleType: 'quantile',
      colorRange: HEXAGON_RANGE,
      // The layer's own counts, so that the legend's numbers are the ones drawn.
      ...(options.onHexagonDomain ? { onSetColorDomain: options.onHexagonDomain } : {}),
      pickable: options.kind === 'hexagon',
    }));
  return layers;
}
