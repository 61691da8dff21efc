import { TEST_TIME_ZONES, underTimeZones } from '../support/time-zones';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/domain/categories';
import { firstRow, rowsOf, type Scalar } from '../../src/engine/columns';
import type { Database } from '../../src/engine/database';
import { loadDataset } from '../../src/engine/load';
import { createNodeDatabase } from '../../src/engine/node';
import { kpiStrip } from '../../src/sql/kpis';
import { durationSeries, rateSeries, trendSeries, volumeSeries, type SeriesOptions } from '../../src/sql/series';
import { isoWeek, wallClockMs } from '../../src/domain/wall-clock';
import { comparedPeriods, lastPeriods, periodContaining, periodStartMs } from '../../src/sql/trend-periods';
import { createEventsTableBulk as createEventsTable } from '../support/bulk-events';
import type { EventFixture } from '../support/events-table';
import { requireTestData } from '../support/test-data';
import { createUnitsTable } from '../support/units-table';

const G1 = '331102001001001'; // county 331102, township 331102001
const G2 = '331121001001001'; // county 331121
const AS_OF = '2026-03-05 12:00:00';
/** 1–5 March 2026, the last day cut at the data time (end = AS_OF + 1 s). */
const PERIOD = lastPeriods('day', 5, AS_OF);

// Severity 1 has a 24 h response deadline, severity 3 a 2 h one (src/domain/sla.ts).
// Durations in hours: response = accepted − reported, handling = resolved − accepted, closure = closed − reported.
const EVENTS: (EventFixture & { note: string })[] = [
  { note: 'e1 03-01 G1 noise: resp 2, hand 4, clos 12; closed 03-01 on time; resolved, satisfied', grid_code: G1,
    reported_at: '2026-03-01 08:00:00', accepted_at: '2026-03-01 10:00:00', resolved_at: '2026-03-01 14:00:00', closed_at: '2026-03-01 20:00:00', due_at: '2026-03-02 08:00:00', status: 'closed', outcome: 'resolved', satisfaction: 'satisfied' },
  { note: 'e2 03-01 G1 parking/app sev 3: resp 4 (> 2 h: late), hand 20, clos 48; closed 03-03 late; unresolved, dissatisfied', grid_code: G1, category: 'parking', channel: 'app', department: '交警', severity: 3,
    reported_at: '2026-03-01 09:00:00', accepted_at: '2026-03-01 13:00:00', resolved_at: '2026-03-02 09:00:00', closed_at: '2026-03-03 09:00:00', due_at: '2026-03-02 09:00:00', status: 'closed', outcome: 'unresolved', satisfaction: 'dissatisfied' },
  { note: 'e3 02-27 G2: open since before the period, overdue since 02-28', grid_code: G2,
    reported_at: '2026-02-27 10:00:00', accepted_at: '2026-02-27 11:00:00', due_at: '2026-02-28 10:00:00', status: 'accepted' },
  { note: 'e4 03-02 G1: invalid, closed after an hour: intake only', grid_code: G1,
    reported_at: '2026-03-02 10:00:00', closed_at: '2026-03-02 11:00:00', due_at: '2026-03-03 10:00:00', status: 'invalid' },
  { note: 'e5 03-04 22:00 G1: open, not accepted, due 03-05 06:00; response deadline not yet passed at the data time', grid_code: G1,
    reported_at: '2026-03-04 22:00:00', due_at: '2026-03-05 06:00:00', status: 'reported' },
  { note: 'e6 03-02 G2 parking: accepted after 25 h (late), still open, due 03-04 12:00', grid_code: G2, category: 'parking', department: '交警',
    reported_at: '2026-03-02 12:00:00', accepted_at: '2026-03-03 13:00:00', due_at: '2026-03-04 12:00:00', status: 'accepted' },
  { note: 'e7 reported after the data time: nowhere', grid_code: G1, reported_at: '2026-03-05 13:00:00', due_at: '2026-03-06 13:00:00' },
  { note: 'e8 02-28 23:00 G1: open at the period start, closed 03-01 01:00 on time; explained, basically satisfied', grid_code: G1,
    reported_at: '2026-02-28 23:00:00', accepted_at: '2026-02-28 23:30:00', resolved_at: '2026-03-01 00:30:00', closed_at: '2026-03-01 01:00:00', due_at: '2026-03-01 23:00:00', status: 'closed', outcome: 'explained', satisfaction: 'basically_satisfied' },
];

type Expected = Record<string, Scalar>;

// Opening stock at 03-01 00:00: e3 and e8 open (2), e3 overdue (1).
const DAILY: Expected[] = [
  { period: '2026-03-01', span_start: '2026-03-01 00:00:00', span_end: '2026-03-02 00:00:00',
    intake: 2, closed: 2, backlog: 2, overdue: 1, // closed e1, e8; open at 03-02 00:00: e3, e2; overdue e3
    response_n: 2, response_median_h: 3, response_p90_h: 3.8, handling_n: 2, handling_median_h: 12, handling_p90_h: 18.4, closure_n: 2, closure_median_h: 30, closure_p90_h: 44.4,
    response_rate_n: 2, response_rate_hits: 1, response_rate: 0.5, on_time_n: 2, on_time_hits: 2, on_time_rate: 1,
    resolution_n: 2, resolution_hits: 1, resolution_rate: 0.5, satisfaction_n: 2, satisfaction_hits: 2, satisfaction_rate: 1 },
  { period: '2026-03-02', intake: 2, closed: 0, backlog: 3, overdue: 2, // e4 (invalid) e6; no valid closure; open e3 e2 e6; overdue e3 e2
    response_n: 1, response_median_h: 25, response_p90_h: 25, handling_n: 0, handling_median_h: null, closure_n: 0, closure_median_h: null,
    response_rate_n: 1, response_rate_hits: 0, response_rate: 0, on_time_n: 0, on_time_rate: null, resolution_rate: null, satisfaction_rate: null },
  { period: '2026-03-03', intake: 0, closed: 1, backlog: 2, overdue: 1, // e2 closed late; open e3 e6
    response_n: 0, response_median_h: null, response_rate_n: 0, response_rate: null,
    on_time_n: 1, on_time_hits: 0, on_time_rate: 0, resolution_n: 1, resolution_rate: 0, satisfaction_n: 1, satisfaction_rate: 0 },
  { period: '2026-03-04', intake: 1, closed: 0, backlog: 3, overdue: 2, // e5; open e3 e6 e5; overdue e3 e6
    response_rate_n: 0, response_rate: null, on_time_rate: null },
  { period: '2026-03-05', span_start: '2026-03-05 00:00:00', span_end: '2026-03-05 12:00:01',
    intake: 0, closed: 0, backlog: 3, overdue: 3, // nothing reported by the data time; e5 overdue since 06:00
    response_n: 0, handling_n: 0, closure_n: 0, on_time_rate: null },
];

function expectRow(actual: Record<string, Scalar> | undefined, expected: Expected, label: string): void {
  expect(actual, `${label}: row missing`).toBeDefined();
  for (const [column, value] of Object.entries(expected)) {
    expect(actual, `${label}: column ${column} missing`).toHaveProperty(column);
    if (value === null) expect(actual![column], `${label}.${column}`).toBeNull();
    else if (typeof value === 'number') expect(actual![column], `${label}.${column}`).toBeCloseTo(value, 9);
    else expect(actual![column], `${label}.${column}`).toBe(value);
  }
}

describe('trend periods (JS calendar)', () => {
  it('finds ISO weeks, Monday first, across a year end', () => {
    // 2026-12-28 (Mon) … 2027-01-03 (Sun) is ISO week 53 of 2026; 2027-01-04 starts week 1 of 2027.
    for (const day of ['2026-12-28', '2026-12-31', '2027-01-01', '2027-01-03']) expect(periodContaining('week', day)).toEqual({ start: '2026-12-28 00:00:00', end: '2027-01-04 00:00:00' });
    expect(periodContaining('week', '2027-01-04').start).toBe('2027-01-04 00:00:00');
    expect(isoWeek(wallClockMs('2027-01-03'))).toEqual({ year: 2026, week: 53 });
    expect(isoWeek(wallClockMs('2027-01-04'))).toEqual({ year: 2027, week: 1 });
    expect(periodContaining('month', '2026-02-14')).toEqual({ start: '2026-02-01 00:00:00', end: '2026-03-01 00:00:00' });
  });

  it('compares whole past periods and running ones to date', () => {
    // A finished day: the day before, and the same date last year.
    expect(comparedPeriods('day', '2026-03-04', AS_OF)).toEqual({
      current: { start: '2026-03-04 00:00:00', end: '2026-03-05 00:00:00' }, previous: { start: '2026-03-03 00:00:00', end: '2026-03-04 00:00:00' },
      lastYear: { start: '2025-03-04 00:00:00', end: '2025-03-05 00:00:00' }, toDate: false,
    });
    // The running month (1 March – data time, 4.5 days + 1 s): February and March 2025 cut to the same length.
    expect(comparedPeriods('month', '2026-03-05', AS_OF)).toEqual({
      current: { start: '2026-03-01 00:00:00', end: '2026-03-05 12:00:01' }, previous: { start: '2026-02-01 00:00:00', end: '2026-02-05 12:00:01' },
      lastYear: { start: '2025-03-01 00:00:00', end: '2025-03-05 12:00:01' }, toDate: true,
    });
    // ISO week 53 of 2026 has no twin in 2025 (52 weeks): compared with week 52 of 2025 (Mon 2025-12-22).
    expect(comparedPeriods('week', '2027-01-01', '2027-02-01 00:00:00').lastYear).toEqual({ start: '2025-12-22 00:00:00', end: '2025-12-29 00:00:00' });
    // Week 10 of 2026 (Mon 03-02) against week 10 of 2025 (Mon 03-03).
    expect(comparedPeriods('week', '2026-03-04', '2026-04-01 00:00:00').lastYear.start).toBe('2025-03-03 00:00:00');
    // 29 February 2028 against 28 February 2027.
    expect(comparedPeriods('day', '2028-02-29', '2028-03-10 00:00:00').lastYear.start).toBe('2027-02-28 00:00:00');
    expect(() => comparedPeriods('day', '2026-03-06', AS_OF)).toThrow(/after the data time/);
  });

  it('gives the last N periods up to the data time', () => {
    expect(lastPeriods('week', 2, AS_OF)).toEqual({ start: '2026-02-23 00:00:00', end: '2026-03-05 12:00:01' });
    expect(lastPeriods('month', 3, '2026-01-15 00:00:00').start).toBe('2025-11-01 00:00:00');
  });
});

// One database for the whole file; each block creates its own tables.
let db: Database;
beforeAll(async () => { db = await createNodeDatabase(); });
afterAll(async () => { await db.close(); });

describe('series on hand-made tables', () => {
  beforeAll(async () => {
    await createEventsTable(db, EVENTS.map(({ note: _note, ...row }) => row));
    await createUnitsTable(db, [
      { code: '331102', level: 'county' }, { code: '331121', level: 'county' }, { code: '331123', level: 'county', name: 'no events' },
      { code: '331102001', level: 'township' }, { code: '331102002', level: 'township', name: 'no events' }, { code: '331121001', level: 'township' },
    ]);
  });
  const run = async (sql: string) => rowsOf(await db.query(sql));
  const base: SeriesOptions = { granularity: 'day', period: PERIOD, asOf: AS_OF };

  it('daily: every measure, empty periods and a day without closures', async () => {
    const rows = await run(trendSeries(base));
    expect(rows.map((r) => r.period)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
    DAILY.forEach((expected, i) => expectRow(rows[i], { key: 'all', ...expected }, String(expected.period)));
  });

  it('the family builders return the same numbers as the full series', async () => {
    const all = await run(trendSeries(base));
    for (const [builder, columns] of [[volumeSeries, ['intake', 'backlog']], [rateSeries, ['on_time_rate', 'response_rate_n']], [durationSeries, ['closure_p90_h']]] as const) {
      const rows = await run(builder(base));
      rows.forEach((row, i) => { for (const c of columns) expect(row[c]).toEqual(all[i]![c]); });
      expect(Object.keys(rows[0]!)).not.toContain(builder === durationSeries ? 'intake' : 'closure_p90_h');
    }
  });

  it('the last day agrees with the KPI strip at the data time', async () => {
    const strip = firstRow(await db.query(kpiStrip(AS_OF)));
    const last = (await run(volumeSeries(base))).at(-1)!;
    expect([last.backlog, last.overdue]).toEqual([strip.backlog, strip.overdue]);
  });

  it('a period starting mid-week: the first week is cut, the opening stock counted', async () => {
    // Week of Mon 2026-02-23, from Sun 03-01 on: intake e1 e2 only; the week of 03-02 holds the rest.
    const rows = await run(volumeSeries({ ...base, granularity: 'week' }));
    expect(rows.map((r) => [r.period, r.span_start, r.intake, r.closed, r.backlog, r.overdue])).toEqual([
      ['2026-02-23', '2026-03-01 00:00:00', 2, 2, 2, 1],
      ['2026-03-02', '2026-03-02 00:00:00', 3, 1, 3, 3],
    ]);
    const month = await run(volumeSeries({ ...base, granularity: 'month' }));
    expect(month.map((r) => [r.period, r.intake, r.closed, r.backlog, r.overdue])).toEqual([['2026-03-01', 5, 3, 3, 3]]);
  });

  it('splits by category (all categories listed), channel, department and unit level', async () => {
    const month = { ...base, granularity: 'month' as const };
    const byCategory = await run(volumeSeries({ ...month, split: 'category' }));
    expect(byCategory.map((r) => r.key)).toEqual(CATEGORIES.map((c) => c.code).sort());
    const pick = (rows: Record<string, Scalar>[], key: string) => rows.find((r) => r.key === key);
    // noise: e1 e4 e5 reported, e1 e8 closed, e3 e5 open (both overdue); parking: e2 e6 reported, e2 closed, e6 open and overdue.
    expectRow(pick(byCategory, 'noise'), { intake: 3, closed: 2, backlog: 2, overdue: 2 }, 'noise');
    expectRow(pick(byCategory, 'parking'), { intake: 2, closed: 1, backlog: 1, overdue: 1 }, 'parking');
    expectRow(pick(byCategory, 'elevator'), { intake: 0, closed: 0, backlog: 0, overdue: 0 }, 'elevator');

    const byChannel = await run(volumeSeries({ ...month, split: 'channel' }));
    expectRow(pick(byChannel, 'hotline'), { intake: 4 }, 'hotline');
    expectRow(pick(byChannel, 'app'), { intake: 1, closed: 1, backlog: 0 }, 'app');
    expectRow(pick(byChannel, 'sensor'), { intake: 0 }, 'sensor');

    const byDepartment = await run(rateSeries({ ...month, split: 'department' }));
    expect(byDepartment.map((r) => r.key)).toEqual(['交警', '综合执法局']);
    expectRow(pick(byDepartment, '交警'), { on_time_n: 1, on_time_rate: 0, response_rate_n: 2, response_rate: 0 }, '交警');
    expectRow(pick(byDepartment, '综合执法局'), { on_time_n: 2, on_time_rate: 1, response_rate_n: 1, response_rate: 1 }, '综合执法局');

    // Counties: 331102 has e1 e2 e4 e5 (e5 open), 331121 has e6 (e3 e6 open), 331123 has no event but is listed.
    const byCounty = await run(volumeSeries({ ...month, split: { unitLevel: 'county' } }));
    expect(byCounty.map((r) => [r.key, r.intake, r.backlog, r.overdue])).toEqual([['331102', 4, 1, 1], ['331121', 1, 2, 2], ['331123', 0, 0, 0]]);
    // Townships of county 331102 only: 331102001 has e1 e2 e4 e5 reported, e1 e8 e2 closed; 331102002 has no events.
    const byTownship = await run(volumeSeries({ ...month, split: { unitLevel: 'township' }, filter: { unitCode: '331102' } }));
    expect(byTownship.map((r) => [r.key, r.intake, r.closed])).toEqual([['331102001', 4, 3], ['331102002', 0, 0]]);
    expect(() => volumeSeries({ ...month, split: { unitLevel: 'city' as 'county' } })).toThrow(/Invalid split level/);
  });

  it('an empty events table gives every period with zeros and NULLs', async () => {
    await createEventsTable(db, []);
    try {
      const rows = await run(trendSeries({ ...base, granularity: 'week' }));
      expect(rows).toHaveLength(2);
      for (const row of rows) expectRow(row, { intake: 0, closed: 0, backlog: 0, overdue: 0, response_rate: null, on_time_rate: null, response_median_h: null }, String(row.period));
    } finally {
      await createEventsTable(db, EVENTS.map(({ note: _note, ...row }) => row));
    }
  });

  it('does not depend on the time zone of the machine', async () => {
    const outputs = await underTimeZones(TEST_TIME_ZONES, async () => {
      const daily = trendSeries({ ...base, period: lastPeriods('day', 5, AS_OF) });
      const weekly = volumeSeries({ ...base, granularity: 'week', period: lastPeriods('week', 2, AS_OF) });
      return JSON.stringify([daily, weekly, await run(daily), await run(weekly)]);
    });
    expect(new Set(outputs).size).toBe(1);
  });

  it('quotes values and refuses bad input', () => {
    expect(() => trendSeries({ ...base, granularity: 'hour' as 'day' })).toThrow(/Invalid granularity/);
    expect(() => trendSeries({ ...base, asOf: "2026-03-05'; DROP TABLE events; --" })).toThrow(/Invalid timestamp/);
    expect(() => trendSeries({ ...base, families: ['volume', 'nonsense' as 'rates'] })).toThrow(/Invalid measure family/);
    expect(trendSeries({ ...base, split: 'category', filter: { categories: ["it's"] } })).toContain("'it''s'");
  });
});

describe('ISO weeks and months across a year end, in SQL', () => {
  beforeAll(async () => {
    // Sun 12-27 (ISO 2026-W52), Mon 12-28 and Sun 2027-01-03 (both W53), Mon 01-04 (2027-W01).
    await createEventsTable(db, ['2026-12-27 23:59:59', '2026-12-28 00:00:00', '2027-01-03 23:59:59', '2027-01-04 00:00:00'].map((t) => ({ reported_at: t, closed_at: t, due_at: t, status: 'closed' })));
  });

  it("date_trunc('week') is the ISO Monday, as the JS calendar", async () => {
    const days = rowsOf(await db.query(`SELECT strftime(d, '%Y-%m-%d') AS day, strftime(date_trunc('week', d::TIMESTAMP), '%Y-%m-%d') AS monday
      FROM range(TIMESTAMP '2026-12-20', TIMESTAMP '2027-01-12', INTERVAL 1 DAY) t(d)`));
    expect(days).toHaveLength(23);
    for (const { day, monday } of days) expect(monday, String(day)).toBe(periodContaining('week', String(day)).start.slice(0, 10));
    // A few known ISO Mondays further apart, including a leap day.
    for (const day of ['2024-02-29', '2025-12-31', '2026-01-01', '2028-01-02']) {
      const row = firstRow(await db.query(`SELECT strftime(date_trunc('week', TIMESTAMP '${day} 12:00:00'), '%Y-%m-%d') AS m`));
      expect(row.m, day).toBe(new Date(periodStartMs('week', wallClockMs(day))).toISOString().slice(0, 10));
    }
  });

  it('weekly and monthly intake put each event in its ISO week and month', async () => {
    const asOf = '2027-01-10 23:59:59';
    const weeks = rowsOf(await db.query(volumeSeries({ granularity: 'week', period: lastPeriods('week', 3, asOf), asOf })));
    expect(weeks.map((r) => [r.period, r.intake, r.closed])).toEqual([['2026-12-21', 1, 1], ['2026-12-28', 2, 2], ['2027-01-04', 1, 1]]);
    const months = rowsOf(await db.query(volumeSeries({ granularity: 'month', period: lastPeriods('month', 2, asOf), asOf })));
    expect(months.map((r) => [r.period, r.intake])).toEqual([['2026-12-01', 2], ['2027-01-01', 2]]);
  });
});

describe('series on the generated test dataset, against direct counts', () => {
  const data = requireTestData();
  beforeAll(async () => { await loadDataset(db, data.source, 'arrow'); });

  for (const granularity of ['day', 'week', 'month'] as const) {
    it(`${granularity}: backlog and overdue at each end equal a direct count, intake sums to the events`, async () => {
      const period = { start: '2026-09-10 00:00:00', end: lastPeriods('day', 1, data.asOf).end };
      const rows = rowsOf(await db.query(volumeSeries({ granularity, period, asOf: data.asOf })));
      const ends = rows.map((r) => `TIMESTAMP '${String(r.span_end)}'`);
      const direct = rowsOf(await db.query(`SELECT t, count(*) FILTER (WHERE reported_at < t AND (closed_at IS NULL OR closed_at >= t)) AS backlog,
          count(*) FILTER (WHERE reported_at < t AND (closed_at IS NULL OR closed_at >= t) AND due_at < t) AS overdue
        FROM events, (SELECT unnest([${ends.join(', ')}]) AS t) GROUP BY t ORDER BY t`));
      expect(rows.map((r) => [r.backlog, r.overdue])).toEqual(direct.map((r) => [r.backlog, r.overdue]));
      const total = firstRow(await db.query(`SELECT count(*) AS n FROM events WHERE reported_at >= TIMESTAMP '${period.start}' AND reported_at < TIMESTAMP '${period.end}'`));
      expect(rows.reduce((sum, r) => sum + Number(r.intake), 0)).toBe(total.n);
      const strip = firstRow(await db.query(kpiStrip(data.asOf)));
      expect(rows.at(-1)!.backlog).toBe(strip.backlog);
    });
  }

  it('rates and durations equal direct computations for one day', async () => {
    const day = { start: '2026-11-20 00:00:00', end: '2026-11-21 00:00:00' };
    const [row] = rowsOf(await db.query(trendSeries({ granularity: 'day', period: day, asOf: data.asOf, filter: { unitCode: '331102' } })));
    const valid = "status <> 'invalid'";
    const direct = firstRow(await db.query(`SELECT
        count(*) FILTER (WHERE ${valid} AND closed_at <= due_at)::DOUBLE / count(*) FILTER (WHERE ${valid}) AS on_time_rate
      FROM events WHERE closed_at >= TIMESTAMP '${day.start}' AND closed_at < TIMESTAMP '${day.end}' AND starts_with(grid_code, '331102')`));
    const response = firstRow(await db.query(`SELECT median(epoch(accepted_at - reported_at) / 3600) AS m,
        count(*) FILTER (WHERE accepted_at - reported_at <= to_hours([24, 8, 2, 1][severity])) AS hits, count(accepted_at) AS n
      FROM events WHERE reported_at >= TIMESTAMP '${day.start}' AND reported_at < TIMESTAMP '${day.end}' AND ${valid} AND starts_with(grid_code, '331102')`));
    expect(row!.on_time_rate).toBeCloseTo(direct.on_time_rate as number, 12);
    expect(row!.response_median_h).toBeCloseTo(response.m as number, 9);
    // A week before the data time every valid event of that day has been accepted or passed its deadline.
    expect(row!.response_rate_hits).toBe(response.hits);
    expect(Number(row!.response_rate_n)).toBeGreaterThanOrEqual(Number(response.n));
  });
});

// Read the manifest once to make sure the dataset is the one the numbers above assume.
it('the test dataset ends on 2026-11-27', () => {
  const manifest = JSON.parse(readFileSync(join(requireTestData().dir, 'manifest.json'), 'utf8')) as { as_of: string };
  expect(manifest.as_of.slice(0, 10)).toBe('2026-11-27');
});
