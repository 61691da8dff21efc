/** Kilometres per degree of latitude, and of longitude at the equator (WGS84, rounded to the metre). */
const KM_PER_DEGREE_LAT = 110.574;
const KM_PER_DEGREE_LON = 111.32;

/**
 * The most events in one square kilometre. The heat layer's colours are relative (the densest spot in view is the darkest), so the
 * legend gives the density in numbers: the most events in one cell of a 1 km grid. The grid
 * is laid on an equirectangular projection at the events' middle latitude, with cells
 * anchored at 0° lon/lat: the same events always give the same cells. Only events whose
 * time (hours since the period start) lies in `window` count, as playback shows them.
 */
export function densestSquareKilometre(positions: Float32Array, tHours: Float32Array, window: readonly [number, number]): number {
  const count = tHours.length;
  let minLat = Infinity, maxLat = -Infinity;
  for (let i = 0; i < count; i++) {
    const lat = positions[2 * i + 1]!;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  if (!Number.isFinite(minLat)) return 0;
  const kmPerLon = KM_PER_DEGREE_LON * Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const cells = new Map<number, number>();
  let best = 0;
  for (let i = 0; i < count; i++) {
    const t = tHours[i]!;
    if (t < window[0] || t > window[1]) continue;
    const x = Math.floor(positions[2 * i]! * kmPerLon), y = Math.floor(positions[2 * i + 1]! * KM_PER_DEGREE_LAT);
    // One number per cell: x and y stay within ±20,040 km, so 2^16 per row leaves no overlap.
    const key = x * 65_536 + y;
    const n = (cells.get(key) ?? 0) + 1;
    cells.set(key, n);
    if (n > best) best = n;
  }
  return best;
}
