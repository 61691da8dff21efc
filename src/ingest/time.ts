/**
 * Timestamps in the formats people's files use → the city's local wall-clock time, as
 * milliseconds of a UTC-based Date (so that formatting with getUTC* gives the wall
 * clock, whatever the browser's own zone is; docs/domain.md §2). Text without a zone is
 * already city-local; a zone (Z, +08:00) or an epoch number is converted to city time.
 */

import { DAY_MS, wallClockText } from '../domain/wall-clock';

/** Beijing time, UTC+8, no daylight saving: the zone of every Chinese city. */
export const CHINA_UTC_OFFSET_MINUTES = 480;

export type TimeProblem = 'time_unparseable' | 'time_impossible';

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?\s*(?:(\d{1,2})\s*[时點点:：]\s*(?:(\d{1,2})\s*[分:：]?\s*(?:(\d{1,2})\s*秒?)?)?)?$/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*([AP]M)?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/;
const EXCEL_SERIAL = /^\d{1,6}(?:\.\d+)?$/;
const EPOCH = /^\d{10}(?:\d{3})?$/;

/** The day Excel counts serial numbers from (serial 1 = 1900-01-01, with Lotus's phantom 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

/** Wall-clock parts → ms, or 'time_impossible' for a date that does not exist (2024-02-30, 25:00). */
function fromParts(year: number, month: number, day: number, hour: number, minute: number, second: number, fraction: string | undefined): number | TimeProblem {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'time_impossible';
  if (hour > 23 || minute > 59 || second > 59) return 'time_impossible';
  const ms = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

function zoneOffsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

function num(text: string | undefined): number {
  return text === undefined ? 0 : Number(text);
}

function digits(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** "YYYY-MM-DD HH:MM:SS" without a regex: the form of most exports and of the demo, a million times per file. */
function parseCanonical(text: string): number | TimeProblem | null {
  if (text.length !== 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null;
  const sep = text.charCodeAt(10);
  if (sep !== 32 && sep !== 84) return null;
  const parts = [digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2), digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2)];
  if (parts.some((p) => p < 0)) return null;
  return fromParts(parts[0]!, parts[1]!, parts[2]!, parts[3]!, parts[4]!, parts[5]!, undefined);
}

/**
 * Parses one timestamp. Accepted: ISO 8601 with or without zone (`2024-01-02T03:04:05+08:00`),
 * `2024/1/2 3:04`, `2024.1.2`, `2024年1月2日 3时4分5秒`, US `05/26/2019 11:23:45 PM`
 * (month first, as in 311 exports), `20240102[0304[05]]`, Excel serial days (`45293.5`),
 * Unix epoch seconds or milliseconds (10 or 13 digits, UTC).
 */
export function parseTimestamp(text: string, cityOffsetMinutes = CHINA_UTC_OFFSET_MINUTES): number | TimeProblem {
  const fast = parseCanonical(text);
  if (fast !== null) return fast;
  const value = text.trim();
  let m = ISO.exec(value);
  if (m) {
    const local = fromParts(num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5]), num(m[6]), m[7]);
    if (typeof local !== 'number' || !m[8]) return local;
    return local + (cityOffsetMinutes - zoneOffsetMinutes(m[8])) * 60_000;
  }
  m = CHINESE.exec(value);
  if (m) return fromParts(num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5]), num(m[6]), undefined);
  m = US.exec(value);
  if (m) {
    let hour = num(m[4]);
    if (m[8]) {
      if (hour < 1 || hour > 12) return 'time_impossible';
      hour = (hour % 12) + (m[8].toUpperCase() === 'PM' ? 12 : 0);
    }
    return fromParts(num(m[3]), num(m[1]), num(m[2]), hour, num(m[5]), num(m[6]), m[7]);
  }
  m = COMPACT.exec(value);
  if (m) return fromParts(num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5]), num(m[6]), undefined);
  if (EPOCH.test(value)) {
    const utc = value.length === 13 ? Number(value) : Number(value) * 1000;
    return utc + cityOffsetMinutes * 60_000;
  }
  if (EXCEL_SERIAL.test(value)) {
    const serial = Number(value);
    // Serial 60 is Lotus's 1900-02-29, a day that never was.
    if (serial < 1 || Math.floor(serial) === 60) return 'time_impossible';
    // Serials below 61 fall before Lotus's phantom 1900-02-29 and are one day off.
    const days = serial < 61 ? serial + 1 : serial;
    return EXCEL_EPOCH_MS + Math.round(days * DAY_MS / 1000) * 1000;
  }
  return 'time_unparseable';
}

/** ms of city wall-clock time → "YYYY-MM-DD HH:MM:SS" (the demo's CSV form). */
export const formatLocalTimestamp = wallClockText;
