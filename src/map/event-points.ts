import type { Table } from 'apache-arrow';
import { ScatterplotLayer } from '@deck.gl/layers';
import { numericColumn } from '../engine/columns';
import { CATEGORY_COLORS, UNKNOWN_COLOR } from './palette';

/** Event points as typed arrays: what the GPU needs, nothing more. */
export interface EventPointColumns {
  length: number;
  /** Interleaved lon, lat. */
  positions: Float32Array;
  colors: Uint8Array;
  radii: Float32Array;
}

/** From the result of `eventPoints` (lon, lat, category_index, severity) to GPU-ready arrays. */
export function toEventPointColumns(table: Table): EventPointColumns {
  const lon = numericColumn(table, 'lon');
  const lat = numericColumn(table, 'lat');
  const category = numericColumn(table, 'category_index');
  const severity = numericColumn(table, 'severity');
  const length = table.numRows;
  const positions = new Float32Array(length * 2);
  const colors = new Uint8Array(length * 4);
  const radii = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    positions[2 * i] = lon[i]!;
    positions[2 * i + 1] = lat[i]!;
    colors.set(CATEGORY_COLORS[category[i]!] ?? UNKNOWN_COLOR, 4 * i);
    // Serious matters draw larger so that they stand out of the crowd.
    radii[i] = 1 + (severity[i]! - 1) * 0.8;
  }
  return { length, positions, colors, radii };
}

export interface EventPointsOptions { visible: boolean; radiusScale: number }

/** A scatterplot of events fed by binary attributes, so that a million points need no objects. */
export function createEventPointsLayer(columns: EventPointColumns, options: EventPointsOptions): ScatterplotLayer {
  return new ScatterplotLayer({
    id: 'event-points',
    data: {
      length: columns.length,
      attributes: {
        getPosition: { value: columns.positions, size: 2 },
        getFillColor: { value: columns.colors, size: 4, normalized: true },
        getRadius: { value: columns.radii, size: 1 },
      },
    },
    visible: options.visible,
    radiusUnits: 'pixels',
    radiusScale: options.radiusScale,
    radiusMinPixels: 1,
    radiusMaxPixels: 8,
    stroked: false,
    filled: true,
    pickable: false,
  });
}
