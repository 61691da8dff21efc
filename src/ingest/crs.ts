import { format, MESSAGES, type Messages } from '../i18n';
import { bd09ToWgs84, gcj02ToWgs84, type LonLat } from '../domain/coordinates';
import type { CoordinateSystem } from './mapping';
import type { PolygonIndex } from './spatial-index';

/** A point from the file's datum to WGS84 (the datum of the events table). */
export function toWgs84(lon: number, lat: number, from: CoordinateSystem): LonLat {
  if (from === 'gcj02') return gcj02ToWgs84(lon, lat);
  if (from === 'bd09') return bd09ToWgs84(lon, lat);
  return [lon, lat];
}

/** Converts interleaved-free lon/lat columns to WGS84 in place (NaN stays NaN). */
export function convertToWgs84InPlace(lon: Float64Array, lat: Float64Array, from: CoordinateSystem): void {
  if (from === 'wgs84') return;
  for (let i = 0; i < lon.length; i++) {
    if (Number.isNaN(lon[i]!) || Number.isNaN(lat[i]!)) continue;
    const [x, y] = toWgs84(lon[i]!, lat[i]!, from);
    lon[i] = x;
    lat[i] = y;
  }
}

export interface DatumFit {
  crs: CoordinateSystem;
  /** Share of the sampled points inside some boundary once read in this datum. */
  insideShare: number;
  /** Share of sampled points with a grid code whose located grid equals it; null without grid codes. */
  gridAgreement: number | null;
}

export interface DatumHint {
  /** The datum the user chose. */
  chosen: CoordinateSystem;
  /** A datum that fits the boundaries markedly better, or null when the choice looks right. */
  suggested: CoordinateSystem | null;
  fits: DatumFit[];
  zh: string | null;
  en: string | null;
}

const SAMPLE = 2000;

function score(fit: DatumFit): number {
  return fit.gridAgreement ?? fit.insideShare;
}

/**
 * Reads a sample of the points in each datum and measures how well they fall into the
 * boundaries: with grid codes, how often the point lands in its own grid (sensitive to
 * the ~500 m GCJ-02 shift even inside a city); without, the share inside any boundary.
 * A different datum is suggested only when it is better by at least 10 points of share
 * and 1.2×, so that noise in a small sample does not flip the hint.
 */
export function detectDatumShift(lon: ArrayLike<number>, lat: ArrayLike<number>, gridCodes: ArrayLike<string | null> | null, index: PolygonIndex, chosen: CoordinateSystem): DatumHint {
  const n = lon.length;
  const step = Math.max(1, Math.floor(n / SAMPLE));
  const fits: DatumFit[] = (['wgs84', 'gcj02', 'bd09'] as const).map((crs) => {
    let points = 0;
    let inside = 0;
    let coded = 0;
    let agree = 0;
    for (let i = 0; i < n; i += step) {
      const x = lon[i]!;
      const y = lat[i]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const [wx, wy] = toWgs84(x, y, crs);
      const code = index.locate(wx, wy);
      points++;
      if (code !== null) inside++;
      const given = gridCodes?.[i] ?? null;
      if (given !== null) { coded++; if (given === code) agree++; }
    }
    return { crs, insideShare: points ? inside / points : 0, gridAgreement: coded >= 20 ? agree / coded : null };
  });
  const current = fits.find((f) => f.crs === chosen)!;
  const best = fits.reduce((a, b) => (score(b) > score(a) ? b : a));
  const better = best.crs !== chosen && score(best) - score(current) >= 0.1 && score(best) >= 1.2 * score(current);
  if (!better) return { chosen, suggested: null, fits, zh: null, en: null };
  const pct = (v: number): string => `${Math.round(v * 100)}%`;
  const text = (words: Messages) => format(words.data.details.datumShifted, {
    chosen: chosen.toUpperCase(), best: best.crs.toUpperCase(), current: pct(score(current)), bestScore: pct(score(best)),
    measure: current.gridAgreement !== null ? words.data.details.datumInsideGrid : words.data.details.datumInsideBoundaries,
  });
  return { chosen, suggested: best.crs, fits, zh: text(MESSAGES.zh), en: text(MESSAGES.en) };
}
