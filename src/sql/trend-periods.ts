import type { Period } from './period';
import { checkGranularity, type Granularity } from './trend-measures';

/**
 * Calendar arithmetic for trend periods: days, ISO weeks (Monday first) and months of
 * city-local wall-clock time. Computed on UTC-based dates, so the viewer's time zone
 * never moves a boundary (as period.ts).
 */

const DAY_MS = 86_400_000;

export function toText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Epoch ms of "YYYY-MM-DD[ HH:MM:SS]" read as UTC (the city's wall clock on a UTC axis). */
export function wallClockMs(text: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Date.parse(`${text.replace(' ', 'T')}Z`);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/.test(text)) throw new Error(`Invalid date "${text}": expected YYYY-MM-DD or YYYY-MM-DD HH:MM:SS`);
  return ms;
}

/** Start (epoch ms) of the day, ISO week or month containing `ms`. */
export function periodStartMs(granularity: Granularity, ms: number): number {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  switch (checkGranularity(granularity)) {
    case 'day': return day;
    case 'week': return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
    case 'month': { const d = new Date(day); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1); }
  }
}

/** Start of the period `n` periods after the one starting at `startMs` (n may be negative). */
export function addPeriods(granularity: Granularity, startMs: number, n: number): number {
  switch (checkGranularity(granularity)) {
    case 'day': return startMs + n * DAY_MS;
    case 'week': return startMs + 7 * n * DAY_MS;
    case 'month': { const d = new Date(startMs); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1); }
  }
}

/** The whole day, ISO week or month containing the date ("YYYY-MM-DD" or a timestamp). */
export function periodContaining(granularity: Granularity, date: string): Period {
  const start = periodStartMs(granularity, wallClockMs(date));
  return { start: toText(start), end: toText(addPeriods(granularity, start, 1)) };
}

/** ISO week-numbering year and week of a day (epoch ms at midnight). */
export function isoWeek(dayMs: number): { year: number; week: number } {
  const weekday = (new Date(dayMs).getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(dayMs + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return { year, week };
}

/** Monday (epoch ms) of ISO week `week` of ISO year `year`. */
export function isoWeekStart(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const week1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  return week1 + (week - 1) * 7 * DAY_MS;
}

/**
 * Start of the same period one year earlier (同比): the same calendar date (29 February →
 * 28 February), the same ISO week number of the previous ISO year (week 53 → week 52 when
 * that year has none), the same month.
 */
export function sameLastYearStartMs(granularity: Granularity, startMs: number): number {
  const d = new Date(startMs);
  switch (checkGranularity(granularity)) {
    case 'day': {
      const year = d.getUTCFullYear() - 1, month = d.getUTCMonth();
      const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
      return Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay));
    }
    case 'week': {
      const { year, week } = isoWeek(startMs);
      const weeksLastYear = isoWeek(isoWeekStart(year, 1) - 7 * DAY_MS).week;
      return isoWeekStart(year - 1, Math.min(week, weeksLastYear));
    }
    case 'month': return Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), 1);
  }
}

/**
 * The last `count` periods up to the data time: from the start of the period `count − 1`
 * periods before the one containing `asOf`, to `asOf` (inclusive: end = asOf + 1 s).
 */
export function lastPeriods(granularity: Granularity, count: number, asOf: string): Period {
  if (!Number.isInteger(count) || count < 1) throw new Error(`Invalid period count ${count}: expected a whole number >= 1`);
  const now = wallClockMs(asOf);
  return { start: toText(addPeriods(granularity, periodStartMs(granularity, now), -(count - 1))), end: toText(now + 1000) };
}

export interface ComparedPeriods {
  /** The chosen period, cut at the data time when it is still running. */
  current: Period;
  /** The period before (日环比/周环比/月环比), cut to the same elapsed length when `current` is. */
  previous: Period;
  /** The same period a year earlier (同比), cut the same way. */
  lastYear: Period;
  /** True when `current` is cut at the data time (the comparisons are then period-to-date). */
  toDate: boolean;
}

/**
 * The periods compared for a day, ISO week or month containing `date`. A period still
 * running at the data time is compared to date: its previous and last-year periods are
 * cut to the same elapsed time (e.g. 1–27 November against 1–27 October), never longer
 * than they are.
 */
export function comparedPeriods(granularity: Granularity, date: string, asOf: string): ComparedPeriods {
  const start = periodStartMs(granularity, wallClockMs(date));
  const naturalEnd = addPeriods(granularity, start, 1);
  const dataEnd = wallClockMs(asOf) + 1000;
  if (start >= dataEnd) throw new Error(`The period of ${date} starts after the data time ${asOf}`);
  const end = Math.min(naturalEnd, dataEnd);
  const elapsed = end - start;
  const cut = (otherStart: number, otherNaturalEnd: number): Period => ({ start: toText(otherStart), end: toText(Math.min(otherStart + elapsed, otherNaturalEnd)) });
  const previousStart = addPeriods(granularity, start, -1);
  const lastYearStart = sameLastYearStartMs(granularity, start);
  const lastYearEnd = granularity === 'week' ? lastYearStart + 7 * DAY_MS : addPeriods(granularity, lastYearStart, 1);
  return {
    current: { start: toText(start), end: toText(end) },
    previous: cut(previousStart, start),
    lastYear: cut(lastYearStart, lastYearEnd),
    toDate: end < naturalEnd,
  };
}

/** Epoch ms difference in days between two period bounds (fractional when cut at the data time). */
export function periodDays(period: Period): number {
  return (wallClockMs(period.end) - wallClockMs(period.start)) / DAY_MS;
}

export function shiftDays(text: string, days: number): string {
  return toText(wallClockMs(text) + days * DAY_MS);
}
