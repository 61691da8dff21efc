import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import * as turf from '@turf/turf';
import type { Random } from './random';

export type Area = Feature<Polygon | MultiPolygon>;

/** A polygon prepared for fast repeated point-in-polygon tests and sampling. */
export interface PreparedPolygon {
  minLon: number; minLat: number; maxLon: number; maxLat: number;
  /** Every ring of every part; a point is inside when it crosses an odd number of edges. */
  rings: Position[][];
}

export function preparePolygon(area: Area): PreparedPolygon {
  const parts = area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
  const rings = parts.flat();
  const [minLon, minLat, maxLon, maxLat] = turf.bbox(area);
  return { minLon, minLat, maxLon, maxLat, rings };
}

/** Even–odd ray casting; holes and multipolygons work because all rings count. */
export function containsPoint(polygon: PreparedPolygon, lon: number, lat: number): boolean {
  if (lon < polygon.minLon || lon > polygon.maxLon || lat < polygon.minLat || lat > polygon.maxLat) return false;
  let inside = false;
  for (const ring of polygon.rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** A uniformly random point inside the polygon, rounded to `decimals` and still inside. */
export function randomPointIn(polygon: PreparedPolygon, random: Random, decimals = 6): [number, number] {
  const scale = 10 ** decimals;
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const lon = Math.round(random.uniform(polygon.minLon, polygon.maxLon) * scale) / scale;
    const lat = Math.round(random.uniform(polygon.minLat, polygon.maxLat) * scale) / scale;
    if (containsPoint(polygon, lon, lat)) return [lon, lat];
  }
  throw new Error('randomPointIn: no point found inside the polygon after 10,000 tries');
}

/** A point near (lon, lat) inside the polygon, falling back to a uniform point. */
export function randomPointNear(polygon: PreparedPolygon, random: Random, lon: number, lat: number, spreadDeg: number, decimals = 6): [number, number] {
  const scale = 10 ** decimals;
  for (let attempt = 0; attempt < 200; attempt++) {
    const x = Math.round((lon + random.normal() * spreadDeg) * scale) / scale;
    const y = Math.round((lat + random.normal() * spreadDeg) * scale) / scale;
    if (containsPoint(polygon, x, y)) return [x, y];
  }
  return randomPointIn(polygon, random, decimals);
}

/** Round every coordinate so that files stay small and byte-stable. */
export function roundGeometry(area: Area, decimals: number): Area {
  const scale = 10 ** decimals;
  const roundRing = (ring: Position[]): Position[] => ring.map(([x, y]) => [Math.round((x ?? 0) * scale) / scale, Math.round((y ?? 0) * scale) / scale]);
  const geometry: Polygon | MultiPolygon = area.geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: area.geometry.coordinates.map(roundRing) }
    : { type: 'MultiPolygon', coordinates: area.geometry.coordinates.map((part) => part.map(roundRing)) };
  return { type: 'Feature', properties: area.properties, geometry };
}

/**
 * Split a parent area into cells, one per seed, by Voronoi cells clipped to the parent.
 * Returns the cells in seed order; a seed whose cell vanishes gets null.
 */
export function splitByVoronoi(parent: Area, seeds: [number, number][]): (Area | null)[] {
  if (seeds.length === 1) return [parent];
  const bbox = turf.bbox(parent);
  const pad = 0.01;
  const cells = turf.voronoi(turf.featureCollection(seeds.map((s) => turf.point(s))), {
    bbox: [bbox[0] - pad, bbox[1] - pad, bbox[2] + pad, bbox[3] + pad],
  });
  return seeds.map((_, i) => {
    const cell = cells.features[i];
    if (!cell || !cell.geometry) return null;
    const clipped = turf.intersect(turf.featureCollection<Polygon | MultiPolygon>([cell, parent]));
    return clipped ? (clipped as Area) : null;
  });
}

/** Area in km², rounded to 3 decimals. */
export function areaKm2(area: Area): number {
  return Math.round(turf.area(area) / 1000) / 1000;
}
