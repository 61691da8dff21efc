import { DAY_MS, HOUR_MS, wallClockText } from '../../src/domain/wall-clock';

/**
 * City-local wall-clock times are carried as epoch milliseconds of the same wall-clock
 * reading in UTC, so that no step depends on the machine's time zone (the app's own rule,
 * src/domain/wall-clock.ts, re-exported for the generator's modules).
 */
export { DAY_MS, HOUR_MS };
export const formatTimestamp = wallClockText;

/** Parse "YYYY-MM-DD" or "YYYY-MM-DD HH:MM[:SS]" as city-local wall-clock time. */
export function parseLocal(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!match) throw new Error(`Invalid date "${text}": expected YYYY-MM-DD or YYYY-MM-DD HH:MM`);
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (formatTimestamp(ms).slice(0, 10) !== `${y}-${mo}-${d}`) throw new Error(`Invalid date "${text}": no such day`);
  return ms;
}

/** The current wall-clock time in the city (UTC+8, China has no daylight saving time). */
export function cityNowMs(): number {
  return Date.now() + 8 * HOUR_MS;
}
