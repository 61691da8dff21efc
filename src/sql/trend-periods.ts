import { addMonthsStartMs, DAY_MS, dayStartMs, isoWeek, isoWeekStart, monthStartMs, sameDayLastYearMs, wallClockMs, wallClockText as toText, weekStartMs } from '../domain/wall-clock';
import type { Period } from './period';
import { checkGranularity, type Granularity } from './trend-measures';

/**
 * Calendar arithmetic for trend periods: days, ISO weeks (Monday first) and months of
 * city-local wall-clock time. Computed on UTC-based dates, so the viewer's time zone
 * never moves a boundary (the calendar itself is src/domain/wall-clock.ts).
 */

/** Start (epoch ms) of the day, ISO week or month containing `ms`. */
export function periodStartMs(granularity: Granularity, ms: number): number {
  switch (checkGranularity(granularity)) {
    case 'day': return dayStartMs(ms);
    case 'week': return weekStartMs(ms);
    case 'month': return monthStartMs(ms);
  }
}

/** Start of the period `n` periods after the one starting at `startMs` (n may be negative). */
export function addPeriods(granularity: Granularity, startMs: number, n: number): number {
  switch (checkGranularity(granularity)) {
    case 'day': return startMs + n * DAY_MS;
    case 'week': return startMs + 7 * n * DAY_MS;
    case 'month': return addMonthsStartMs(startMs, n);
  }
}

/** The whole day, ISO week or month containing the date ("YYYY-MM-DD" or a timestamp). */
export function periodContaining(granularity: Granularity, date: string): Period {
  const start = periodStartMs(granularity, wallClockMs(date));
  return { start: toText(start), end: toText(addPeriods(granularity, start, 1)) };
}

/**
 * Start of the same period one year earlier (同比): the same calendar date (29 February →
 * 28 February), the same ISO week number of the previous ISO year (week 53 → week 52 when
 * that year has none), the same month.
 */
export function sameLastYearStartMs(granularity: Granularity, startMs: number): number {
  switch (checkGranularity(granularity)) {
    case 'day': return sameDayLastYearMs(startMs);
    case 'week': {
      const { year, week } = isoWeek(startMs);
      const weeksLastYear = isoWeek(isoWeekStart(year, 1) - 7 * DAY_MS).week;
      return isoWeekStart(year - 1, Math.min(week, weeksLastYear));
    }
    case 'month': return addMonthsStartMs(startMs, -12);
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
