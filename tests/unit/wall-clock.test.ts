import { afterEach, describe, expect, it } from 'vitest';
import {
  addMonthsStartMs, DAY_MS, dayStartMs, HOUR_MS, isoWeek, isoWeekStart, monthStartMs, sameDayLastYearMs, timestampMs,
  wallClockDate, wallClockMinute, wallClockMs, wallClockText, weekStartMs,
} from '../../src/domain/wall-clock';

const ZONES = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Chatham'];

describe('wall-clock time', () => {
  const originalTz = process.env.TZ;
  afterEach(() => { if (originalTz === undefined) delete process.env.TZ; else process.env.TZ = originalTz; });

  it('reads and writes the same text whatever the machine\'s time zone', () => {
    for (const zone of ZONES) {
      process.env.TZ = zone;
      const ms = wallClockMs('2026-11-27 23:59:59');
      expect(ms).toBe(Date.UTC(2026, 10, 27, 23, 59, 59));
      expect(wallClockText(ms)).toBe('2026-11-27 23:59:59');
      expect(wallClockDate(ms)).toBe('2026-11-27');
      expect(wallClockMinute(ms)).toBe('2026-11-27 23:59');
      expect(wallClockText(dayStartMs(ms))).toBe('2026-11-27 00:00:00');
    }
  });

  it('reads a bare date as its midnight and refuses other shapes', () => {
    expect(wallClockMs('2026-03-01')).toBe(Date.UTC(2026, 2, 1));
    expect(() => wallClockMs('2026-3-1')).toThrow('Invalid date "2026-3-1"');
    expect(() => wallClockMs('2026-03-01T10:00:00')).toThrow(/Invalid date/);
    expect(() => timestampMs("2026-03-05'; DROP TABLE events; --")).toThrow(/Invalid timestamp/);
    expect(timestampMs('2026-03-05 10:00:00')).toBe(Date.UTC(2026, 2, 5, 10));
  });

  it('starts weeks on Monday and months on the first, across a year end', () => {
    const sunday = wallClockMs('2027-01-03 18:00:00');
    expect(wallClockText(weekStartMs(sunday))).toBe('2026-12-28 00:00:00');
    expect(wallClockText(monthStartMs(sunday))).toBe('2027-01-01 00:00:00');
    expect(wallClockDate(addMonthsStartMs(sunday, -1))).toBe('2026-12-01');
    expect(wallClockDate(addMonthsStartMs(sunday, 13))).toBe('2028-02-01');
  });

  it('numbers ISO weeks (week 53 of 2026, week 1 of 2027 starting 4 January)', () => {
    expect(isoWeek(wallClockMs('2026-12-31'))).toEqual({ year: 2026, week: 53 });
    expect(isoWeek(wallClockMs('2027-01-03'))).toEqual({ year: 2026, week: 53 });
    expect(isoWeek(wallClockMs('2027-01-04'))).toEqual({ year: 2027, week: 1 });
    expect(wallClockDate(isoWeekStart(2027, 1))).toBe('2027-01-04');
    expect(wallClockDate(isoWeekStart(2026, 1))).toBe('2025-12-29');
  });

  it('takes 29 February a year back to 28 February', () => {
    expect(wallClockDate(sameDayLastYearMs(wallClockMs('2028-02-29')))).toBe('2027-02-28');
    expect(wallClockDate(sameDayLastYearMs(wallClockMs('2026-11-27')))).toBe('2025-11-27');
  });

  it('has a day of 24 hours', () => {
    expect(DAY_MS).toBe(24 * HOUR_MS);
  });
});
