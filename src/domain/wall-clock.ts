/**
 * The city's wall-clock time. Timestamps are the city's local readings ("YYYY-MM-DD
 * HH:MM:SS", DuckDB TIMESTAMP without a zone); in JavaScript they are carried as the epoch
 * milliseconds of the same reading in UTC and read back with the getUTC* methods, so the
 * viewer's (or the server's) time zone never moves a time or a day boundary (a unit test
 * runs the KPIs under four zones). Days, ISO weeks (Monday first) and months start here.
 */

export const SECOND_MS = 1000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "YYYY-MM-DD HH:MM:SS" of a wall-clock time (milliseconds are dropped). */
export function wallClockText(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** "YYYY-MM-DD" of a wall-clock time. */
export function wallClockDate(ms: number): string {
  return wallClockText(ms).slice(0, 10);
}

/** "YYYY-MM-DD HH:MM" of a wall-clock time, as timelines and labels show it. */
export function wallClockMinute(ms: number): string {
  return wallClockText(ms).slice(0, 16);
}

const DATE_OR_TIMESTAMP = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/;

/** Epoch ms of "YYYY-MM-DD[ HH:MM:SS]" read as UTC (the city's wall clock on a UTC axis). */
export function wallClockMs(text: string): number {
  const ms = text.length === 10 ? Date.parse(`${text}T00:00:00Z`) : Date.parse(`${text.replace(' ', 'T')}Z`);
  if (Number.isNaN(ms) || !DATE_OR_TIMESTAMP.test(text)) throw new Error(`Invalid date "${text}": expected YYYY-MM-DD or YYYY-MM-DD HH:MM:SS`);
  return ms;
}

/**
 * Epoch ms of a timestamp "YYYY-MM-DD HH:MM:SS" (a data time, a period bound). Its error
 * names a timestamp, because the text came from the data or a caller, not a date picker.
 */
export function timestampMs(text: string): number {
  const ms = Date.parse(`${text.replace(' ', 'T')}Z`);
  if (Number.isNaN(ms)) throw new Error(`Invalid timestamp "${text}": expected YYYY-MM-DD HH:MM:SS`);
  return ms;
}

/** Midnight starting the day of `ms`. */
export function dayStartMs(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Monday midnight starting the ISO week of `ms`. */
export function weekStartMs(ms: number): number {
  const day = dayStartMs(ms);
  return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
}

/** Midnight of the first day of the month of `ms`. */
export function monthStartMs(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** The first day of the month `n` months after the month of `ms` (n may be negative). */
export function addMonthsStartMs(ms: number, n: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1);
}

/** The same day of the month a year earlier; 29 February becomes 28 February. */
export function sameDayLastYearMs(ms: number): number {
  const d = new Date(ms);
  const year = d.getUTCFullYear() - 1, month = d.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay));
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
  return weekStartMs(jan4) + (week - 1) * 7 * DAY_MS;
}
