import { isInsideChina } from '../../domain/coordinates';
import { toWgs84 } from '../crs';
import type { CoordinateSystem } from '../mapping';
import type { PolygonIndex } from '../spatial-index';

/** Where each point ends up: per input point, whether it was swapped, its WGS84 position and its boundary (index into codes, −1 = none). */
export interface Placement {
  swapped: Int32Array;
  lon: Float64Array;
  lat: Float64Array;
  located: Int32Array;
  codes: string[];
}

/**
 * The part of the coordinate rules that SQL cannot do: deciding a swap by which reading
 * falls in the area (the boundaries, or China without them), converting the datum and
 * locating the point in the boundaries. It runs over columns of numbers (x, y as read,
 * finite, not both zero, in range read one way or the other), not over row objects, and
 * its results go back to the engine as columns. Same decisions as validateEvents.
 */
export function placePoints(x: Float64Array, y: Float64Array, crs: CoordinateSystem, boundaries?: PolygonIndex): Placement {
  const n = x.length;
  const out: Placement = { swapped: new Int32Array(n), lon: new Float64Array(n), lat: new Float64Array(n), located: new Int32Array(n).fill(-1), codes: [] };
  const codeIndex = new Map<string, number>();
  const locate = (lon: number, lat: number): string | null => {
    if (!boundaries) return isInsideChina(lon, lat) ? '' : null;
    const [wx, wy] = toWgs84(lon, lat, crs);
    return boundaries.locate(wx, wy);
  };
  for (let i = 0; i < n; i++) {
    const a = x[i]!;
    const b = y[i]!;
    const inRange = Math.abs(a) <= 180 && Math.abs(b) <= 90;
    const swappedInRange = Math.abs(b) <= 180 && Math.abs(a) <= 90;
    const swap = !inRange || (swappedInRange && locate(a, b) === null && locate(b, a) !== null);
    const [lon, lat] = toWgs84(swap ? b : a, swap ? a : b, crs);
    out.swapped[i] = swap ? 1 : 0;
    out.lon[i] = lon;
    out.lat[i] = lat;
    if (boundaries) {
      const code = boundaries.locate(lon, lat);
      if (code !== null) {
        let k = codeIndex.get(code);
        if (k === undefined) { k = out.codes.length; out.codes.push(code); codeIndex.set(code, k); }
        out.located[i] = k;
      }
    }
  }
  return out;
}
