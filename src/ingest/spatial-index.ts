import { containsPoint, type BBox, type PolygonRings } from './geometry';

export interface IndexedPolygon { code: string; polygons: PolygonRings[]; bbox: BBox }

/**
 * A uniform bucket grid over the polygons' bounding boxes: each cell lists the polygons
 * whose box overlaps it, so a lookup tests a handful of candidates instead of all of
 * them. Grids of a city are similar in size, which is where a uniform grid does as well
 * as an R-tree, in a few lines and with no dependency.
 */
export interface PolygonIndex {
  /** The code of the polygon containing the point, or null when none does. */
  locate(lon: number, lat: number): string | null;
  /** Every polygon containing the point (for overlapping sets, e.g. several levels), by position in the input. */
  containing(lon: number, lat: number): number[];
  readonly size: number;
  readonly bbox: BBox;
}

export function createPolygonIndex(items: readonly IndexedPolygon[]): PolygonIndex {
  const bbox: BBox = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const { bbox: b } of items) {
    bbox.minLon = Math.min(bbox.minLon, b.minLon); bbox.minLat = Math.min(bbox.minLat, b.minLat);
    bbox.maxLon = Math.max(bbox.maxLon, b.maxLon); bbox.maxLat = Math.max(bbox.maxLat, b.maxLat);
  }
  // About two polygons per cell on average, capped so that the cell table stays small.
  const side = Math.max(1, Math.min(512, Math.ceil(Math.sqrt(items.length / 2))));
  const width = (bbox.maxLon - bbox.minLon) / side || 1;
  const height = (bbox.maxLat - bbox.minLat) / side || 1;
  const cellX = (lon: number): number => Math.min(side - 1, Math.max(0, Math.floor((lon - bbox.minLon) / width)));
  const cellY = (lat: number): number => Math.min(side - 1, Math.max(0, Math.floor((lat - bbox.minLat) / height)));
  const cells: number[][] = Array.from({ length: side * side }, () => []);
  items.forEach((item, i) => {
    for (let y = cellY(item.bbox.minLat); y <= cellY(item.bbox.maxLat); y++) {
      for (let x = cellX(item.bbox.minLon); x <= cellX(item.bbox.maxLon); x++) cells[y * side + x]!.push(i);
    }
  });
  return {
    size: items.length,
    bbox,
    containing(lon, lat) {
      if (!(lon >= bbox.minLon && lon <= bbox.maxLon && lat >= bbox.minLat && lat <= bbox.maxLat)) return [];
      return cells[cellY(lat) * side + cellX(lon)]!.filter((i) => {
        const b = items[i]!.bbox;
        return lon >= b.minLon && lon <= b.maxLon && lat >= b.minLat && lat <= b.maxLat && containsPoint(items[i]!.polygons, lon, lat);
      });
    },
    locate(lon, lat) {
      if (!(lon >= bbox.minLon && lon <= bbox.maxLon && lat >= bbox.minLat && lat <= bbox.maxLat)) return null;
      for (const i of cells[cellY(lat) * side + cellX(lon)]!) {
        const item = items[i]!;
        const b = item.bbox;
        if (lon < b.minLon || lon > b.maxLon || lat < b.minLat || lat > b.maxLat) continue;
        if (containsPoint(item.polygons, lon, lat)) return item.code;
      }
      return null;
    },
  };
}
