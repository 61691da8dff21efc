/** Plain polygon geometry used by the boundary reader and the spatial index (WGS84 lon/lat). */
export type Ring = [number, number][];
/** One polygon: the outer ring, then its holes. */
export type PolygonRings = Ring[];

export interface BBox { minLon: number; minLat: number; maxLon: number; maxLat: number }

/** Twice the signed area of a ring (shoelace); positive = counter-clockwise. */
export function ringSignedArea2(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  }
  return sum;
}

export function bboxOfPolygons(polygons: readonly PolygonRings[]): BBox {
  const box = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const polygon of polygons) for (const [lon, lat] of polygon[0] ?? []) {
    if (lon < box.minLon) box.minLon = lon;
    if (lon > box.maxLon) box.maxLon = lon;
    if (lat < box.minLat) box.minLat = lat;
    if (lat > box.maxLat) box.maxLat = lat;
  }
  return box;
}

/**
 * Even-odd ray casting over every ring of every polygon: holes and the parts of a
 * multipolygon need no special case, as long as the parts do not overlap (validated).
 */
export function containsPoint(polygons: readonly PolygonRings[], lon: number, lat: number): boolean {
  let inside = false;
  for (const polygon of polygons) for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Area in km² (spherical approximation, good to ~0.5% at city scale). */
export function areaKm2(polygons: readonly PolygonRings[]): number {
  const R = 6371.0088;
  let total = 0;
  for (const polygon of polygons) polygon.forEach((ring, index) => {
    let sum = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x1, y1] = ring[j]!;
      const [x2, y2] = ring[i]!;
      sum += ((x2 - x1) * Math.PI / 180) * (2 + Math.sin(y1 * Math.PI / 180) + Math.sin(y2 * Math.PI / 180));
    }
    const area = Math.abs(sum * R * R / 2);
    total += index === 0 ? area : -area;
  });
  return total;
}

/** A point inside the polygon's outer ring (centroid of the ring when inside, else a vertex midpoint probe). */
export function interiorPoint(polygons: readonly PolygonRings[]): [number, number] {
  const outer = polygons[0]?.[0] ?? [];
  let lon = 0;
  let lat = 0;
  for (const [x, y] of outer) { lon += x; lat += y; }
  const center: [number, number] = [lon / Math.max(outer.length, 1), lat / Math.max(outer.length, 1)];
  if (containsPoint(polygons, center[0], center[1])) return center;
  // Concave ring: try midpoints between the first vertex and the others until one is inside.
  const first = outer[0] ?? [0, 0];
  for (let k = 2; k < outer.length; k++) {
    const a = outer[k - 1]!;
    const b = outer[k]!;
    const probe: [number, number] = [(first[0] + a[0] + b[0]) / 3, (first[1] + a[1] + b[1]) / 3];
    if (containsPoint(polygons, probe[0], probe[1])) return probe;
  }
  return [first[0], first[1]];
}
