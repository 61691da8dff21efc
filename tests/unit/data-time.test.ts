import { describe, expect, it } from 'vitest';
import { pickDataTime } from '../../src/ingest/data-time';
import { DAY_MS, HOUR_MS } from '../../src/domain/wall-clock';

const day0 = Date.parse('2024-01-01T00:00:00Z');
/** `perDay` reports on each of `days` days, spread over the working hours. */
function reports(days: number, perDay: number, start = day0): number[] {
  const out: number[] = [];
  for (let d = 0; d < days; d++) for (let k = 0; k < perDay; k++) out.push(start + d * DAY_MS + 8 * HOUR_MS + (k * 10 * HOUR_MS) / perDay);
  return out;
}

describe('the data time from the density of reports (issue #14 point 6)', () => {
  it('sets aside a thin tail of late reports in a historical extract, and says how many', () => {
    const body = reports(90, 50);
    const lastDense = Math.max(...body);
    const stragglers = [day0 + 120 * DAY_MS, day0 + 150 * DAY_MS + 5 * HOUR_MS, day0 + 200 * DAY_MS];
    const pick = pickDataTime(Float64Array.from([...body, ...stragglers]))!;
    expect(pick.byDensity).toBe(true);
    expect(pick.dataTime).toBe(lastDense);
    expect(pick.stragglers).toBe(3);
    expect(pick.newest).toBe(day0 + 200 * DAY_MS);
  });
  it('sets stragglers aside also when a typical day has only a few reports (a day with one report is not a dense day)', () => {
    const body = reports(90, 5);
    const stragglers = [day0 + 160 * DAY_MS, day0 + 210 * DAY_MS, day0 + 260 * DAY_MS, day0 + 300 * DAY_MS];
    const pick = pickDataTime([...body, ...stragglers])!;
    expect(pick).toEqual({ dataTime: Math.max(...body), newest: day0 + 300 * DAY_MS, stragglers: 4, byDensity: true });
  });
  it('keeps the newest report of live data whose last day is still filling', () => {
    const body = [...reports(60, 40), day0 + 60 * DAY_MS + 1 * HOUR_MS];
    const pick = pickDataTime(body)!;
    expect(pick).toEqual({ dataTime: day0 + 60 * DAY_MS + HOUR_MS, newest: day0 + 60 * DAY_MS + HOUR_MS, stragglers: 0, byDensity: false });
  });
  it('keeps the newest report when the tail is too large to be stragglers (a real slowdown, not strays)', () => {
    const body = [...reports(60, 40), ...reports(20, 5, day0 + 60 * DAY_MS)];
    const pick = pickDataTime(body)!;
    expect(pick.byDensity).toBe(false);
    expect(pick.dataTime).toBe(Math.max(...body));
  });
  it('ignores empty timestamps and returns null without any report', () => {
    expect(pickDataTime(Float64Array.from([NaN, NaN]))).toBeNull();
    expect(pickDataTime([day0])?.dataTime).toBe(day0);
  });
});
