import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/briefing/build';
import { briefingMarkdown } from '../../src/briefing/markdown';
import { measure } from '../../src/domain/measures';
import { coverageText } from '../../src/i18n';
import { firstRow, rowsOf } from '../../src/engine/columns';
import type { Database } from '../../src/engine/database';
import { createNodeDatabase } from '../../src/engine/node';
import { departmentMeasures } from '../../src/sql/department-measures';
import { kpiStrip } from '../../src/sql/kpis';
import { lastDays } from '../../src/sql/period';
import { periodComparison } from '../../src/sql/period-compare';
import { trendSeries } from '../../src/sql/series';
import { unitMeasures } from '../../src/sql/unit-measures';
import { createEventsTable, type EventFixture } from '../support/events-table';
import { createUnitsTable } from '../support/units-table';

/**
 * Loaded data often carries a measure's input on only some rows (a deadline, an outcome, a
 * rating, an acceptance time). Here half the closed events have none of them, and every
 * builder must compute each measure from the rows that carry its input, never count the
 * others as failures. Expected values, counted by hand:
 * - closed valid in March: A (deadline, on time, resolved, satisfied, response 1 h),
 *   B (deadline, late, unresolved, dissatisfied, response 3 h), C and D (nothing but times);
 *   on-time 1 of 2 with a deadline (the old rule gave 1 of 4), resolution 1 of 2,
 *   satisfaction 1 of 2, median response 2 h over A and B;
 * - open at the data time: E (due before it: overdue), F (due after), G and H (no deadline):
 *   backlog 4, overdue 1, 2 of the 4 have a deadline.
 */
const AS_OF = '2026-03-10 23:59:59';
const GRID = '331102001001001';
const ROWS: EventFixture[] = [
  { reported_at: '2026-03-02 10:00:00', accepted_at: '2026-03-02 11:00:00', closed_at: '2026-03-03 10:00:00', due_at: '2026-03-04 10:00:00', status: 'closed', outcome: 'resolved', satisfaction: 'satisfied' },
  { reported_at: '2026-03-03 10:00:00', accepted_at: '2026-03-03 13:00:00', closed_at: '2026-03-06 10:00:00', due_at: '2026-03-05 10:00:00', status: 'closed', outcome: 'unresolved', satisfaction: 'dissatisfied' },
  { reported_at: '2026-03-03 12:00:00', closed_at: '2026-03-04 10:00:00', status: 'closed' },
  { reported_at: '2026-03-04 12:00:00', closed_at: '2026-03-05 10:00:00', status: 'closed' },
  { reported_at: '2026-03-01 09:00:00', due_at: '2026-03-02 09:00:00', status: 'reported' },
  { reported_at: '2026-03-05 09:00:00', due_at: '2026-03-20 09:00:00', status: 'reported' },
  { reported_at: '2026-03-06 09:00:00', status: 'reported' },
  { reported_at: '2026-03-07 09:00:00', status: 'reported' },
].map((row) => ({ grid_code: GRID, department: '综合执法局', ...row }));

const UNITS = [
  { code: '331100', level: 'city', name: '丽水市', population: 10000 },
  { code: '331102', level: 'county', name: '莲都区', parent_code: '331100', population: 10000 },
  { code: '331102001', level: 'township', name: '一街道', parent_code: '331102', population: 10000 },
  { code: '331102001001', level: 'community', name: '一社区', parent_code: '331102001', population: 10000 },
  { code: GRID, level: 'grid', name: '一网格', parent_code: '331102001001', population: 10000 },
];

describe('measures computed only from the rows that carry their input', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createNodeDatabase();
    await createUnitsTable(db, UNITS);
    await createEventsTable(db, ROWS);
  });
  afterAll(async () => { await db.close(); });

  it('the KPI strip: on-time rate of events with a deadline, with the coverage; overdue with the coverage', async () => {
    const row = firstRow(await db.query(kpiStrip(AS_OF)));
    expect(row.on_time_rate_30d).toBeCloseTo(0.5, 9);
    expect([row.on_time_rate_30d__n, row.on_time_rate_30d__base]).toEqual([2, 4]);
    expect(row.overdue).toBe(1);
    expect([row.overdue__n, row.overdue__base]).toEqual([2, 4]);
    expect(row.response_median_30d).toBeCloseTo(2, 9);
  });

  it('unit measures: rates and durations over the rows with their input', async () => {
    const [county] = rowsOf(await db.query(unitMeasures({ level: 'county', parentCode: '331100', period: lastDays(AS_OF, 30), asOf: AS_OF })));
    expect(county).toMatchObject({ closed: 4, on_time_n: 2, on_time_hits: 1, resolution_n: 2, resolution_hits: 1, satisfaction_n: 2, satisfaction_hits: 1, backlog: 4, overdue: 1, overdue_n: 2, response_n: 2, overdue_share_n: 2, overdue_share_hits: 1 });
    for (const id of ['on_time_rate', 'resolution_rate', 'satisfaction_rate', 'overdue_share'] as const) expect(county![id], id).toBeCloseTo(0.5, 9);
    expect(county!.response_median_h).toBeCloseTo(2, 9);
  });

  it('the monthly trend row and the period comparison agree with them', async () => {
    const [march] = rowsOf(await db.query(trendSeries({ granularity: 'month', period: { start: '2026-03-01 00:00:00', end: '2026-03-11 00:00:00' }, asOf: AS_OF })));
    expect(march).toMatchObject({ closed: 4, on_time_n: 2, resolution_n: 2, satisfaction_n: 2 });
    expect(march!.on_time_rate).toBeCloseTo(0.5, 9);
    const compared = new Map(rowsOf(await db.query(periodComparison({ granularity: 'month', date: '2026-03-10', asOf: AS_OF }))).map((r) => [r.measure, r]));
    expect(compared.get('on_time_rate')).toMatchObject({ value: 0.5, n: 2 });
    expect(compared.get('resolution_rate')).toMatchObject({ value: 0.5, n: 2 });
    expect(compared.get('satisfaction_rate')).toMatchObject({ value: 0.5, n: 2 });
  });

  it('the department ranking and the monthly briefing too', async () => {
    const [department] = rowsOf(await db.query(departmentMeasures({ period: { start: '2026-03-01 00:00:00', end: '2026-03-11 00:00:00' }, asOf: AS_OF })));
    expect(department).toMatchObject({ closed: 4, on_time_n: 2, on_time_hits: 1, on_time_rate: 0.5, satisfaction_n: 2, satisfaction_rate: 0.5 });
    const briefing = await buildBriefing(db, { kind: 'monthly', date: '2026-03-10', unitCode: '331102' }, AS_OF);
    const headline = new Map(briefing.headline.map((r) => [r.measure, r.value]));
    expect(headline.get('on_time_rate')).toBeCloseTo(0.5, 9);
    expect(headline.get('closed')).toBe(4);
    expect(headline.get('overdue')).toBe(1);
    // The headline table says how many of the closed events carry each rate's input.
    const markdown = briefingMarkdown(briefing, 'en');
    expect(markdown).toContain('50.0% (2 of 4 have a deadline)');
    expect(markdown).toContain('(2 of 4 were rated)');
  });

  it('says the coverage in both languages, and nothing when every row carries the input', () => {
    const coverage = measure('on_time_rate').coverage!;
    expect(coverageText('en', coverage, 12, 43)).toBe('12 of 43 have a deadline');
    expect(coverageText('zh', coverage, 12, 43)).toBe('43 件中 12 件有办结时限');
    expect(coverageText('en', coverage, 43, 43)).toBeNull();
    expect(coverageText('en', coverage, 0, 0)).toBeNull();
  });
});
