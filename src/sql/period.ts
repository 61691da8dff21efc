import { DAY_MS, HOUR_MS, timestampMs as toMs, wallClockText as toText } from '../domain/wall-clock';
import { sqlTimestamp } from './literal';

/**
 * A half-open period [start, end) of city-local wall-clock time, as "YYYY-MM-DD HH:MM:SS".
 * Periods are computed on UTC-based dates so that the viewer's time zone never moves a
 * day boundary (docs/domain.md §2).
 */
export interface Period { start: string; end: string }

/** The day containing `asOf`, up to `asOf` itself (today so far). */
export function dayToDate(asOf: string): Period {
  const start = Math.floor(toMs(asOf) / DAY_MS) * DAY_MS;
  return { start: toText(start), end: toText(toMs(asOf) + 1000) };
}

/** The last `days` calendar days ending with the day of `asOf` (today included), up to `asOf`. */
export function lastDays(asOf: string, days: number): Period {
  const start = Math.floor(toMs(asOf) / DAY_MS) * DAY_MS - (days - 1) * DAY_MS;
  return { start: toText(start), end: toText(toMs(asOf) + 1000) };
}

/** SQL condition: `column` lies in the period. */
export function inPeriod(column: string, period: Period): string {
  return `(${column} >= ${sqlTimestamp(period.start)} AND ${column} < ${sqlTimestamp(period.end)})`;
}

/** The time ranges a user picks from; "custom" takes explicit dates. */
export const TIME_PRESETS = ['today', '7d', '30d', 'month', 'custom'] as const;
export type TimePreset = (typeof TIME_PRESETS)[number];

/**
 * The period of a preset relative to the data time: today so far, the last 7 or 30
 * calendar days, this month so far, or whole days from..to (inclusive, capped at asOf).
 */
export function presetPeriod(preset: TimePreset, asOf: string, from?: string, to?: string): Period {
  switch (preset) {
    case 'today': return dayToDate(asOf);
    case '7d': return lastDays(asOf, 7);
    case '30d': return lastDays(asOf, 30);
    case 'month': return { start: `${asOf.slice(0, 7)}-01 00:00:00`, end: toText(toMs(asOf) + 1000) };
    case 'custom': {
      if (!from || !to) throw new Error('A custom time range needs both a from and a to date (YYYY-MM-DD)');
      const start = toMs(`${from} 00:00:00`);
      const end = Math.min(toMs(`${to} 00:00:00`) + DAY_MS, toMs(asOf) + 1000);
      if (end <= start) throw new Error(`Invalid custom time range ${from} – ${to}: the end must not be before the start`);
      return { start: toText(start), end: toText(end) };
    }
  }
}

/** Length of a period in hours (for time playback). */
export function periodHours(period: Period): number {
  return (toMs(period.end) - toMs(period.start)) / HOUR_MS;
}
