import { ScatterplotLayer } from '@deck.gl/layers';

/** A query result drawn on the map: one point per row, sized by an optional value. */
export interface ResultPoints {
  label: string;
  length: number;
  /** lon, lat pairs (WGS84). */
  positions: Float32Array;
  /** Radius in pixels per point, from the value column (or one size for all). */
  radii: Float32Array;
}

/** The deck.gl layer of a query result: orange points with a dark rim, above the event layers. */
export function createResultLayer(layer: ResultPoints): ScatterplotLayer {
  return new ScatterplotLayer({
    id: 'sql-result',
    data: { length: layer.length, attributes: { getPosition: { value: layer.positions, size: 2 }, getRadius: { value: layer.radii, size: 1 } } },
    radiusUnits: 'pixels', radiusMinPixels: 2,
    getFillColor: [255, 120, 0, 190], getLineColor: [60, 30, 0, 255],
    stroked: true, lineWidthUnits: 'pixels', getLineWidth: 1, filled: true, pickable: false,
  });
}
