import { TEST_TIME_ZONES, underTimeZones } from '../support/time-zones';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstRow, rowsOf, type Scalar } from '../../src/engine/columns';
import type { Database } from '../../src/engine/database';
import { loadDataset } from '../../src/engine/load';
import { createNodeDatabase } from '../../src/engine/node';
import { kpiStrip } from '../../src/sql/kpis';
import { periodComparison, type PeriodComparisonOptions } from '../../src/sql/period-compare';
import { volumeSeries } from '../../src/sql/series';
import { lastPeriods } from '../../src/sql/trend-periods';
import { createEventsTableBulk } from '../support/bulk-events';
import type { EventFixture } from '../support/events-table';
import { requireTestData } from '../support/test-data';

const AS_OF = '2026-03-10 23:59:59';
const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Each event is reported at 10:00, accepted at 10:30 (within its 24 h deadline), resolved
 * 10:45, closed 11:00 on time, resolved and satisfied — so every rate is 1 and the response
 * median 0.5 h. Daily counts:
 * - 2026-02-10 + i (i = 0 … 27, i.e. up to 03-09): 1 event when i is even, 2 when odd;
 * - 2026-03-10 (the chosen day): 5; 2025-03-10 (a year before, the first data): 3;
 * - one event reported 2026-02-01 08:00, due 02-02, never closed: backlog and overdue 1
 *   at every end from 02-01 on (0 a year before).
 */
function events(): EventFixture[] {
  const rows: EventFixture[] = [];
  const add = (date: string, n: number) => {
    for (let k = 0; k < n; k++) {
      const next = day(Date.parse(`${date}T00:00:00Z`) + DAY_MS);
      rows.push({ reported_at: `${date} 10:0${k}:00`, accepted_at: `${date} 10:3${k}:00`, resolved_at: `${date} 10:45:00`, closed_at: `${date} 11:00:00`, due_at: `${next} 10:00:00`, status: 'closed', outcome: 'resolved', satisfaction: 'satisfied' });
    }
  };
  for (let i = 0; i < 28; i++) add(day(Date.parse('2026-02-10T00:00:00Z') + i * DAY_MS), i % 2 === 0 ? 1 : 2);
  add('2026-03-10', 5);
  add('2025-03-10', 3);
  rows.push({ reported_at: '2026-02-01 08:00:00', accepted_at: '2026-02-01 09:00:00', due_at: '2026-02-02 08:00:00', status: 'accepted' });
  return rows;
}

type Expected = Record<string, Scalar>;

// Baselines of the daily intake for the day 03-10: the 7 days 03-03 … 03-09 are 2,1,2,1,2,1,2
// (mean 11/7, sample SD 0.5345224838); the 28 days 02-10 … 03-09 are 14 ones and 14 twos
// (mean 1.5, sample SD √(7/27) = 0.5091750772).
const DAY: Record<string, Expected> = {
  intake: { value: 5, previous: 2, last_year: 3, change: 3, change_rel: 1.5, change_yoy: 2, change_yoy_rel: 2 / 3, mean_7d: 11 / 7, sd_7d: 0.5345224838, mean_28d: 1.5, sd_28d: 0.5091750772, days: 1, n: null },
  closed: { value: 5, previous: 2, last_year: 3, mean_7d: 11 / 7 },
  backlog: { value: 1, previous: 1, last_year: 0, change: 0, change_rel: 0, change_yoy: 1, change_yoy_rel: null, mean_7d: 1, sd_7d: 0, mean_28d: 1, sd_28d: 0 },
  overdue: { value: 1, previous: 1, last_year: 0, change_yoy: 1, mean_28d: 1 },
  response_rate: { value: 1, previous: 1, last_year: 1, change: 0, n: 5, previous_n: 2, last_year_n: 3, mean_7d: 1, sd_7d: 0 },
  on_time_rate: { value: 1, n: 5, previous_n: 2, last_year_n: 3 },
  resolution_rate: { value: 1, previous: 1 },
  satisfaction_rate: { value: 1, n: 5 },
  response_median_h: { value: 0.5, previous: 0.5, last_year: 0.5, mean_28d: 0.5, sd_28d: 0 }, // accepted 10:3k after 10:0k: always 30 min
};

// The running ISO week of Tue 03-10: [Mon 03-09, 03-11) = 2 days, against [03-02, 03-04) and
// ISO week 11 of 2025 cut the same way, [Mon 2025-03-10, 2025-03-12). 7-day baseline:
// 03-02 … 03-08 = 1,2,1,2,1,2,1 (mean 10/7).
const WEEK: Record<string, Expected> = {
  intake: { value: 7, previous: 3, last_year: 3, change: 4, change_rel: 4 / 3, change_yoy: 4, change_yoy_rel: 4 / 3, mean_7d: 10 / 7, days: 2 },
  backlog: { value: 1, previous: 1, last_year: 0 },
};

// The running month: [03-01, 03-11) = 10 days: 03-01 … 03-09 = 2,1,2,1,2,1,2,1,2 (14) + 5 = 19;
// February cut to 10 days: the open event of 02-01 and 1 on 02-10 = 2. March 2025 starts before
// the first event (2025-03-10): not covered by the data, so NULL, not 0. Baselines: 02-01 … 02-28
// hold 1 + 0×8 + (10 ones and 9 twos) = 29 events (mean 29/28); 02-22 … 02-28 = 1,2,1,2,1,2,1.
const MONTH: Record<string, Expected> = {
  intake: { value: 19, previous: 2, last_year: null, change: 17, change_rel: 8.5, change_yoy: null, change_yoy_rel: null, mean_7d: 10 / 7, mean_28d: 29 / 28, days: 10 },
  on_time_rate: { value: 1, previous: 1, last_year: null, last_year_n: null },
};

function expectRows(rows: Record<string, Scalar>[], expected: Record<string, Expected>, label: string): void {
  for (const [measure, columns] of Object.entries(expected)) {
    const row = rows.find((r) => r.measure === measure);
    expect(row, `${label}: ${measure} missing`).toBeDefined();
    for (const [column, value] of Object.entries(columns)) {
      if (value === null) expect(row![column], `${label}.${measure}.${column}`).toBeNull();
      else expect(row![column], `${label}.${measure}.${column}`).toBeCloseTo(value as number, 9);
    }
  }
}

describe('periodComparison on a hand-made table', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createNodeDatabase();
    await createEventsTableBulk(db, events());
  });
  afterAll(async () => { await db.close(); });
  const run = async (options: Partial<PeriodComparisonOptions>) => rowsOf(await db.query(periodComparison({ granularity: 'day', date: '2026-03-10', asOf: AS_OF, ...options })));

  it('day over day, year over year and the 7/28-day baselines', async () => {
    const rows = await run({});
    expect(rows.map((r) => r.measure)).toEqual([
      'intake', 'closed', 'backlog', 'overdue', 'response_rate', 'on_time_rate', 'resolution_rate', 'satisfaction_rate',
      'response_median_h', 'response_p90_h', 'handling_median_h', 'handling_p90_h', 'closure_median_h', 'closure_p90_h',
    ]);
    expectRows(rows, DAY, 'day');
  });

  it('week over week to date, against the same ISO week last year', async () => {
    expectRows(await run({ granularity: 'week' }), WEEK, 'week');
  });

  it('month over month to date; last year not covered by the data is NULL', async () => {
    expectRows(await run({ granularity: 'month' }), MONTH, 'month');
  });

  it('only the families asked for; a unit without events gives zeros and NULL rates', async () => {
    const volume = await run({ families: ['volume'] });
    expect(volume.map((r) => r.measure)).toEqual(['intake', 'closed', 'backlog', 'overdue']);
    const empty = await run({ families: ['volume', 'rates'], filter: { unitCode: '331121' } });
    expectRows(empty, {
      intake: { value: 0, previous: 0, last_year: 0, change: 0, change_rel: null, mean_7d: 0, sd_7d: 0 },
      backlog: { value: 0 },
      on_time_rate: { value: null, previous: null, n: 0, change: null, mean_28d: null },
    }, 'empty unit');
  });

  it('does not depend on the time zone of the machine', async () => {
    const options: PeriodComparisonOptions = { granularity: 'week', date: '2026-03-10', asOf: AS_OF };
    const outputs = await underTimeZones(TEST_TIME_ZONES, async () => {
      const sql = periodComparison(options);
      return JSON.stringify([sql, rowsOf(await db.query(sql))]);
    });
    expect(new Set(outputs).size).toBe(1);
  });
});

describe('periodComparison on the generated test dataset, against the series and the KPI strip', () => {
  const data = requireTestData();
  let db: Database;
  beforeAll(async () => {
    db = await createNodeDatabase();
    await loadDataset(db, data.source, 'arrow');
  });
  afterAll(async () => { await db.close(); });

  it('day and week values, previous values and baselines agree with the daily series', async () => {
    const daily = rowsOf(await db.query(volumeSeries({ granularity: 'day', period: lastPeriods('day', 40, data.asOf), asOf: data.asOf })));
    const byDay = new Map(daily.map((r) => [String(r.period), r]));
    const last = data.asOf.slice(0, 10);
    const day = rowsOf(await db.query(periodComparison({ granularity: 'day', date: last, asOf: data.asOf, families: ['volume'] })));
    const row = (rows: Record<string, Scalar>[], m: string) => rows.find((r) => r.measure === m)!;
    const strip = firstRow(await db.query(kpiStrip(data.asOf)));
    expect(row(day, 'backlog').value).toBe(strip.backlog);
    expect(row(day, 'overdue').value).toBe(strip.overdue);
    const before = (n: number) => byDay.get(new Date(Date.parse(`${last}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10))!;
    for (const m of ['intake', 'closed', 'backlog', 'overdue']) {
      expect(row(day, m).value, m).toBe(byDay.get(last)![m]);
      expect(row(day, m).previous, m).toBe(before(1)[m]);
      const week = [1, 2, 3, 4, 5, 6, 7].map((n) => Number(before(n)[m]));
      expect(row(day, m).mean_7d as number, m).toBeCloseTo(week.reduce((a, b) => a + b, 0) / 7, 9);
    }
    // The ISO week of the data time (Mon 11-23 … Fri 11-27, to date).
    const week = rowsOf(await db.query(periodComparison({ granularity: 'week', date: last, asOf: data.asOf, families: ['volume'] })));
    const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
    expect(row(week, 'intake').value).toBe(days.reduce((sum, d) => sum + Number(byDay.get(d)!.intake), 0));
    expect(row(week, 'intake').days).toBe(5);
    expect(row(week, 'backlog').previous).toBe(byDay.get('2026-11-20')!.backlog); // previous week cut to Mon–Fri
  });
});
