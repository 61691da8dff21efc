import { sqlTimestamp } from './literal';

/**
 * A half-open period [start, end) of city-local wall-clock time, as "YYYY-MM-DD HH:MM:SS".
 * Periods are computed on UTC-based dates so that the viewer's time zone never moves a
 * day boundary (DESIGN.md §2).
 */
export interface Period { start: string; end: string }

const DAY_MS = 86_400_000;

function toText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

function toMs(text: string): number {
  const ms = Date.parse(`${text.replace(' ', 'T')}Z`);
  if (Number.isNaN(ms)) throw new Error(`Invalid timestamp "${text}": expected YYYY-MM-DD HH:MM:SS`);
  return ms;
}

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
