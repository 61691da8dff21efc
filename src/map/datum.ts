import type { FeatureCollection, Geometry, Position } from 'geojson';
import { wgs84ToGcj02, type LonLat } from '../domain/coordinates';
import type { Datum } from './basemap-config';

/**
 * The app's data (events, boundaries, label points) is WGS84. A GCJ-02 basemap (AMap,
 * Tencent and most Chinese tile providers) is drawn ~500 m away from WGS84, so on such a
 * basemap the data is drawn shifted into GCJ-02. The data itself is never changed: these
 * functions make display copies (or shift a display buffer that the caller owns).
 */

/** A WGS84 position as it must be drawn on a basemap of the given datum. */
export function toDisplayDatum(lon: number, lat: number, datum: Datum): LonLat {
  return datum === 'gcj02' ? wgs84ToGcj02(lon, lat) : [lon, lat];
}

/**
 * Shifts interleaved lon, lat pairs (the event points' GPU attribute) in place. Identity
 * for WGS84. Float32 keeps ~1e-5° (~1 m) at these longitudes, far below the ~0.005° shift.
 */
export function shiftPositionsInPlace(positions: Float32Array | Float64Array, datum: Datum): void {
  if (datum !== 'gcj02') return;
  for (let i = 0; i + 1 < positions.length; i += 2) {
    const [lon, lat] = wgs84ToGcj02(positions[i]!, positions[i + 1]!);
    positions[i] = lon;
    positions[i + 1] = lat;
  }
}

/**
 * The positions to draw: the same array for WGS84, a shifted copy for GCJ-02 (so a cached
 * query result is never modified).
 */
export function toDisplayPositions<T extends Float32Array | Float64Array>(positions: T, datum: Datum): T {
  if (datum !== 'gcj02') return positions;
  const copy = positions.slice() as T;
  shiftPositionsInPlace(copy, datum);
  return copy;
}

function shiftPosition(p: Position): Position {
  const [lon, lat] = wgs84ToGcj02(p[0]!, p[1]!);
  return p.length > 2 ? [lon, lat, ...p.slice(2)] : [lon, lat];
}

function shiftGeometry(g: Geometry): Geometry {
  switch (g.type) {
    case 'Point': return { ...g, coordinates: shiftPosition(g.coordinates) };
    case 'MultiPoint':
    case 'LineString': return { ...g, coordinates: g.coordinates.map(shiftPosition) };
    case 'MultiLineString':
    case 'Polygon': return { ...g, coordinates: g.coordinates.map((ring) => ring.map(shiftPosition)) };
    case 'MultiPolygon': return { ...g, coordinates: g.coordinates.map((poly) => poly.map((ring) => ring.map(shiftPosition))) };
    case 'GeometryCollection': return { ...g, geometries: g.geometries.map(shiftGeometry) };
  }
}

/**
 * A copy of a WGS84 FeatureCollection drawn in `datum` (the same object for WGS84; the
 * input is never modified). Properties are shared, geometries are new. A `bbox`, if any,
 * is dropped rather than left stale.
 */
export function shiftGeoJson<T extends FeatureCollection>(collection: T, datum: Datum): T {
  if (datum !== 'gcj02') return collection;
  const { bbox: _bbox, ...rest } = collection;
  return {
    ...rest,
    features: collection.features.map((feature) => {
      const { bbox: _fbbox, ...f } = feature;
      return { ...f, geometry: feature.geometry ? shiftGeometry(feature.geometry) : feature.geometry };
    }),
  } as T;
}
