import { DAY_MS } from '../domain/wall-clock';

/** How the data time of a loaded file was chosen, to be said beside it. */
export interface DataTimePick {
  /** The data time: epoch ms of a city wall-clock reading (see time.ts). */
  dataTime: number;
  /** The newest report in the file (equal to dataTime unless stragglers were set aside). */
  newest: number;
  /** Reports after the data time: loaded, but outside every view that ends at the data time. */
  stragglers: number;
  /** True when the data time is not the newest report but the end of the dense reporting. */
  byDensity: boolean;
}

/** A day is "dense" when the week up to it holds at least this share of a typical week's reports. */
const DENSE_SHARE = 0.2;
/** Days in the trailing window that judges a day: a week, so that weekends and a day still filling are not thin. */
const WINDOW_DAYS = 7;
/** A tail is "stragglers" when it holds at most this share of all reports … */
const STRAGGLER_SHARE = 0.01;
/** … spread over at least this many days after the last dense day (so today-so-far of live data is never cut). */
const STRAGGLER_MIN_SPAN_DAYS = 2;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The data time of a file ("now" for every measure), from the density of its reports.
 * A historical extract often ends months ago with a few late records after the end
 * (back-dated entries, test rows, typos in the year): taking the newest report as "now"
 * would open every view on an almost empty "last 30 days". So the data time is the last
 * report of the last dense day (the week up to it holds at least a fifth of a typical week's
 * reports), when what comes after it is a thin tail: at most 1 % of the reports, spread over
 * two days or more. A live file (today's reports still coming in) has
 * no such tail and keeps its newest report. Returns null for no reports.
 */
export function pickDataTime(reported: ArrayLike<number>): DataTimePick | null {
  const perDay = new Map<number, { count: number; last: number }>();
  let newest = -Infinity;
  let total = 0;
  for (let i = 0; i < reported.length; i++) {
    const t = reported[i]!;
    if (!Number.isFinite(t)) continue;
    total++;
    if (t > newest) newest = t;
    const day = Math.floor(t / DAY_MS);
    const entry = perDay.get(day);
    if (entry) { entry.count++; if (t > entry.last) entry.last = t; } else perDay.set(day, { count: 1, last: t });
  }
  if (total === 0) return null;
  const asNewest: DataTimePick = { dataTime: newest, newest, stragglers: 0, byDensity: false };
  const days = [...perDay.keys()].sort((a, b) => a - b);
  if (days.length < 3) return asNewest;
  // Reports in the week up to each day with reports: one straggler on a day of its own makes a
  // thin week, while the last, half-filled day of live data still sits in a full week.
  const weekly = new Map<number, number>();
  let from = 0;
  let inWindow = 0;
  for (let k = 0; k < days.length; k++) {
    inWindow += perDay.get(days[k]!)!.count;
    while (days[from]! <= days[k]! - WINDOW_DAYS) inWindow -= perDay.get(days[from++]!)!.count;
    weekly.set(days[k]!, inWindow);
  }
  const dense = DENSE_SHARE * median([...weekly.values()]);
  let tail = 0;
  for (let k = days.length - 1; k >= 0; k--) {
    const entry = perDay.get(days[k]!)!;
    if (weekly.get(days[k]!)! >= dense) {
      const spanDays = (newest - entry.last) / DAY_MS;
      if (tail === 0 || tail > STRAGGLER_SHARE * total || spanDays < STRAGGLER_MIN_SPAN_DAYS) return asNewest;
      return { dataTime: entry.last, newest, stragglers: tail, byDensity: true };
    }
    tail += entry.count;
  }
  return asNewest;
}
