import type { Measure } from '../domain/measures';
import type { HeadlineRow, Indicator } from './model';

/** How many standard deviations from the baseline mean the normal band reaches. */
export const BAND_SD = 2;

export interface BaselineStats {
  mean7: number | null;
  mean28: number | null;
  sd28: number | null;
  /** Length of the period in days (fractional for a running period). */
  days: number;
  /**
   * For a flow of a day or week still running: mean and SD of the same elapsed span in the
   * previous days or weeks (period-compare.ts), already on the period's scale. When given,
   * they replace the daily mean times the days elapsed.
   */
  sameWindows?: { mean7: number | null; mean28: number | null; sd28: number | null } | null;
}

/**
 * The 7- and 28-day baselines and the normal band on the scale of the period. The baseline
 * statistics are over daily values, so a period of d days is compared as:
 * - a flow (intake, closed) adds up d daily values: mean × d, band ± k·sd·√d;
 * - a stock (backlog, overdue) is one level at the period's end: mean, band ± k·sd;
 * - an average or a rate (durations, shares) averages d days: mean, band ± k·sd/√d.
 * The band assumes independent days, which is rough for a month but states its basis; no
 * band without a standard deviation (fewer than two days of history). Counts and rates are
 * clipped to their possible range. A flow of a day or week still running is set against the
 * same elapsed span of the previous days or weeks instead (`sameWindows`), so that Monday to
 * Thursday is not compared with an average that includes the weekend.
 */
export function baselineOnPeriodScale(measure: Measure, stats: BaselineStats): { baseline7: number | null; baseline28: number | null; band: [number, number] | null } {
  const { days, sameWindows } = stats;
  if (measure.kind === 'flow' && sameWindows && sameWindows.mean28 !== null) {
    const { mean7, mean28, sd28 } = sameWindows;
    if (sd28 === null || !Number.isFinite(sd28)) return { baseline7: mean7, baseline28: mean28, band: null };
    return { baseline7: mean7, baseline28: mean28, band: [Math.max(0, mean28 - BAND_SD * sd28), mean28 + BAND_SD * sd28] };
  }
  const scale = measure.kind === 'flow' ? days : 1;
  const spread = measure.kind === 'flow' ? Math.sqrt(days) : measure.kind === 'average' || measure.kind === 'rate' ? 1 / Math.sqrt(Math.max(days, 1)) : 1;
  const baseline7 = stats.mean7 === null ? null : stats.mean7 * scale;
  const baseline28 = stats.mean28 === null ? null : stats.mean28 * scale;
  if (baseline28 === null || stats.sd28 === null || !Number.isFinite(stats.sd28)) return { baseline7, baseline28, band: null };
  const half = BAND_SD * stats.sd28 * spread;
  const upperLimit = measure.unit === 'ratio' ? 1 : Infinity;
  return { baseline7, baseline28, band: [Math.max(0, baseline28 - half), Math.min(upperLimit, baseline28 + half)] };
}

/** Indicators outside their band, unfavourable ones first, then by how far outside (in band widths). */
export function indicatorsOutsideBand(rows: readonly HeadlineRow[], measures: readonly Measure[]): Indicator[] {
  const byId = new Map(measures.map((m) => [m.id as string, m]));
  const found: (Indicator & { distance: number })[] = [];
  for (const row of rows) {
    const measure = byId.get(row.measure);
    if (!measure || row.value === null || row.band === null) continue;
    const [low, high] = row.band;
    const width = Math.max(high - low, Number.EPSILON);
    const side = row.value > high ? 'above' : row.value < low ? 'below' : null;
    if (side === null) continue;
    const unfavourable = (side === 'above') === (measure.better === 'lower');
    found.push({ measure: row.measure, value: row.value, band: row.band, side, unfavourable, distance: side === 'above' ? (row.value - high) / width : (low - row.value) / width });
  }
  found.sort((a, b) => Number(b.unfavourable) - Number(a.unfavourable) || b.distance - a.distance);
  return found.map(({ distance: _distance, ...indicator }) => indicator);
}
