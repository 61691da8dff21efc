import { afterEach, describe, expect, it } from 'vitest';
import { periodHours, presetPeriod, type Period, type TimePreset } from '../../src/sql/period';

const ONE_SECOND_H = 1 / 3600;

// Expected periods counted on a calendar by hand. The end is asOf + 1 s (the period is
// half-open and includes asOf); custom ranges end at the day after `to`, capped at asOf + 1 s.
interface Case { name: string; preset: TimePreset; asOf: string; from?: string; to?: string; expected: Period; hours: number }

const CASES: Case[] = [
  // asOf 2026-03-10 12:00:00
  { name: 'today', preset: 'today', asOf: '2026-03-10 12:00:00', expected: { start: '2026-03-10 00:00:00', end: '2026-03-10 12:00:01' }, hours: 12 + ONE_SECOND_H },
  { name: '7d: Mar 4–10', preset: '7d', asOf: '2026-03-10 12:00:00', expected: { start: '2026-03-04 00:00:00', end: '2026-03-10 12:00:01' }, hours: 6 * 24 + 12 + ONE_SECOND_H },
  // 29 days before Mar 10: Mar 1 is 9 days back, then 20 more days into a 28-day February → Feb 9.
  { name: '30d: Feb 9 – Mar 10', preset: '30d', asOf: '2026-03-10 12:00:00', expected: { start: '2026-02-09 00:00:00', end: '2026-03-10 12:00:01' }, hours: 29 * 24 + 12 + ONE_SECOND_H },
  { name: 'month: Mar 1 – now', preset: 'month', asOf: '2026-03-10 12:00:00', expected: { start: '2026-03-01 00:00:00', end: '2026-03-10 12:00:01' }, hours: 9 * 24 + 12 + ONE_SECOND_H },
  { name: 'custom Mar 2–5 (whole days, inclusive)', preset: 'custom', asOf: '2026-03-10 12:00:00', from: '2026-03-02', to: '2026-03-05', expected: { start: '2026-03-02 00:00:00', end: '2026-03-06 00:00:00' }, hours: 96 },
  { name: 'custom Feb 27 – Mar 1 across the end of February', preset: 'custom', asOf: '2026-03-10 12:00:00', from: '2026-02-27', to: '2026-03-01', expected: { start: '2026-02-27 00:00:00', end: '2026-03-02 00:00:00' }, hours: 72 },
  { name: 'custom Mar 8–20 capped at asOf', preset: 'custom', asOf: '2026-03-10 12:00:00', from: '2026-03-08', to: '2026-03-20', expected: { start: '2026-03-08 00:00:00', end: '2026-03-10 12:00:01' }, hours: 2 * 24 + 12 + ONE_SECOND_H },
  { name: 'custom of the asOf day only, capped', preset: 'custom', asOf: '2026-03-10 12:00:00', from: '2026-03-10', to: '2026-03-10', expected: { start: '2026-03-10 00:00:00', end: '2026-03-10 12:00:01' }, hours: 12 + ONE_SECOND_H },
  { name: 'custom ending the day before asOf is not capped', preset: 'custom', asOf: '2026-03-10 12:00:00', from: '2026-03-09', to: '2026-03-09', expected: { start: '2026-03-09 00:00:00', end: '2026-03-10 00:00:00' }, hours: 24 },

  // asOf 2026-03-01 00:30:00: the first half hour of a month
  { name: 'boundary: today', preset: 'today', asOf: '2026-03-01 00:30:00', expected: { start: '2026-03-01 00:00:00', end: '2026-03-01 00:30:01' }, hours: 0.5 + ONE_SECOND_H },
  { name: 'boundary: 7d reaches back into February (Feb 23)', preset: '7d', asOf: '2026-03-01 00:30:00', expected: { start: '2026-02-23 00:00:00', end: '2026-03-01 00:30:01' }, hours: 6 * 24 + 0.5 + ONE_SECOND_H },
  // 29 days before Mar 1: Feb 28 is 1 back, Jan 31 is 28 more.
  { name: 'boundary: 30d reaches back into January (Jan 31)', preset: '30d', asOf: '2026-03-01 00:30:00', expected: { start: '2026-01-31 00:00:00', end: '2026-03-01 00:30:01' }, hours: 29 * 24 + 0.5 + ONE_SECOND_H },
  { name: 'boundary: month is the half hour so far', preset: 'month', asOf: '2026-03-01 00:30:00', expected: { start: '2026-03-01 00:00:00', end: '2026-03-01 00:30:01' }, hours: 0.5 + ONE_SECOND_H },
  { name: 'boundary: custom Feb 27 – Mar 31 capped', preset: 'custom', asOf: '2026-03-01 00:30:00', from: '2026-02-27', to: '2026-03-31', expected: { start: '2026-02-27 00:00:00', end: '2026-03-01 00:30:01' }, hours: 2 * 24 + 0.5 + ONE_SECOND_H },

  // New Year and leap year
  { name: 'year boundary: 7d from Jan 1 starts Dec 26', preset: '7d', asOf: '2026-01-01 00:00:00', expected: { start: '2025-12-26 00:00:00', end: '2026-01-01 00:00:01' }, hours: 6 * 24 + ONE_SECOND_H },
  { name: 'leap year: 30d from 2028-03-01 starts Feb 1 (February has 29 days)', preset: '30d', asOf: '2028-03-01 23:59:59', expected: { start: '2028-02-01 00:00:00', end: '2028-03-02 00:00:00' }, hours: 30 * 24 },
];

const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai'];

describe('presetPeriod and periodHours', () => {
  const originalTz = process.env.TZ;
  // Assigning undefined would set the text "undefined"; an unset zone must stay unset.
  afterEach(() => { if (originalTz === undefined) delete process.env.TZ; else process.env.TZ = originalTz; });

  for (const zone of ZONES) {
    describe(`with TZ=${zone}`, () => {
      it('the time zone is really in effect', () => {
        process.env.TZ = zone;
        // 2026-03-10 is after the US switch to daylight time (Mar 8): PDT is UTC−7.
        const offset = new Date(Date.UTC(2026, 2, 10, 12)).getTimezoneOffset();
        expect(offset).toBe({ UTC: 0, 'America/Los_Angeles': 420, 'Asia/Shanghai': -480 }[zone]);
      });

      for (const c of CASES) {
        it(c.name, () => {
          process.env.TZ = zone;
          const period = presetPeriod(c.preset, c.asOf, c.from, c.to);
          expect(period).toEqual(c.expected);
          expect(periodHours(period)).toBeCloseTo(c.hours, 9);
        });
      }

      it('a day across the US daylight-saving switch is 24 hours (wall clock, not local instants)', () => {
        process.env.TZ = zone;
        // In Los Angeles 2026-03-08 has only 23 real hours; city-local wall-clock days are always 24.
        expect(periodHours({ start: '2026-03-08 00:00:00', end: '2026-03-09 00:00:00' })).toBe(24);
        expect(presetPeriod('custom', '2026-03-10 12:00:00', '2026-03-08', '2026-03-08')).toEqual({ start: '2026-03-08 00:00:00', end: '2026-03-09 00:00:00' });
      });
    });
  }

  it('gives identical results in all three zones', () => {
    const results = ZONES.map((zone) => {
      process.env.TZ = zone;
      return JSON.stringify(CASES.map((c) => presetPeriod(c.preset, c.asOf, c.from, c.to)));
    });
    expect(new Set(results).size).toBe(1);
  });
});

describe('presetPeriod errors', () => {
  const ASOF = '2026-03-10 12:00:00';
  const cases: { name: string; from?: string; to?: string; message: RegExp }[] = [
    { name: 'custom without dates', message: /custom time range needs both a from and a to date/ },
    { name: 'custom without to', from: '2026-03-01', message: /needs both a from and a to/ },
    { name: 'custom without from', to: '2026-03-01', message: /needs both a from and a to/ },
    { name: 'custom with empty strings', from: '', to: '', message: /needs both a from and a to/ },
    { name: 'custom with end before start', from: '2026-03-05', to: '2026-03-02', message: /Invalid custom time range 2026-03-05 – 2026-03-02/ },
    { name: 'custom with to the day before from', from: '2026-03-05', to: '2026-03-04', message: /the end must not be before the start/ },
    { name: 'custom starting after asOf (nothing left after the cap)', from: '2026-03-11', to: '2026-03-12', message: /Invalid custom time range/ },
    { name: 'custom with a malformed date', from: '2026-13-01', to: '2026-13-05', message: /Invalid timestamp "2026-13-01 00:00:00"/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(() => presetPeriod('custom', ASOF, c.from, c.to)).toThrow(c.message);
    });
  }

  it('a malformed asOf is refused', () => {
    expect(() => presetPeriod('today', 'yesterday')).toThrow(/Invalid timestamp "yesterday"/);
  });

  it('the presets other than custom ignore from/to', () => {
    expect(presetPeriod('7d', ASOF, '2020-01-01', '2020-01-02')).toEqual({ start: '2026-03-04 00:00:00', end: '2026-03-10 12:00:01' });
  });
});
