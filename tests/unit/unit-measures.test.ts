import { median, wallClockMs } from '../support/plain';
import { measureWords } from '../../src/i18n';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_RANKING_VOLUME, rankUnits, wilsonInterval } from '../../src/domain/ranking';
import { UNIT_MEASURE_GROUPS, UNIT_MEASURES, unitMeasure } from '../../src/domain/measures';
import type { UnitLevel } from '../../src/domain/units';
import { firstRow, rowsOf, type Scalar } from '../../src/engine/columns';
import type { Database } from '../../src/engine/database';
import { loadDataset } from '../../src/engine/load';
import { createNodeDatabase } from '../../src/engine/node';
import type { EventFilter } from '../../src/sql/filter';
import { kpiStrip } from '../../src/sql/kpis';
import { lastDays, type Period } from '../../src/sql/period';
import { unitMeasures } from '../../src/sql/unit-measures';
import { parseCsvRecords } from '../support/csv';
import { createEventsTable, type EventFixture } from '../support/events-table';
import { requireTestData } from '../support/test-data';
import { createUnitsTable, type UnitFixture } from '../support/units-table';

// ---------------------------------------------------------------------------------------
// The hand-made city. Areas are k²·π so that a grid's service radius √(area/π) is k km.
// Populations and grid workers add up along the hierarchy, as in the demo data.
// ---------------------------------------------------------------------------------------

const PI = Math.PI;
const UNITS: UnitFixture[] = [
  { code: '331100', level: 'city', name: '市', population: 1100, grid_workers: 11 },
  { code: '331102', level: 'county', parent_code: '331100', name: '县A', population: 1000, households: 400, area_km2: 20, grid_workers: 10 },
  { code: '331121', level: 'county', parent_code: '331100', name: '县B', population: 100, households: 40, area_km2: 50, grid_workers: 1 },
  { code: '331102001', level: 'township', parent_code: '331102', name: 'A1', population: 800, grid_workers: 8 },
  { code: '331102002', level: 'township', parent_code: '331102', name: 'A2 (no events)', population: 200, grid_workers: 2 },
  { code: '331121001', level: 'township', parent_code: '331121', name: 'B1', population: 100, grid_workers: 1 },
  { code: '331102001001', level: 'community', parent_code: '331102001', name: 'A1a', population: 500, grid_workers: 5 },
  { code: '331102001002', level: 'community', parent_code: '331102001', name: 'A1b', population: 300, grid_workers: 3 },
  { code: '331102001003', level: 'community', parent_code: '331102001', name: 'A1c (industrial park, no residents)', population: 0, grid_workers: 0 },
  { code: '331102002001', level: 'community', parent_code: '331102002', name: 'A2a (no events)', population: 200, grid_workers: 2 },
  { code: '331121001001', level: 'community', parent_code: '331121001', name: 'B1a', population: 100, grid_workers: 1 },
  { code: '331102001001001', level: 'grid', parent_code: '331102001001', name: 'g1', population: 300, grid_workers: 3, area_km2: PI },
  { code: '331102001001002', level: 'grid', parent_code: '331102001001', name: 'g2', population: 200, grid_workers: 2, area_km2: 4 * PI },
  { code: '331102001002001', level: 'grid', parent_code: '331102001002', name: 'g3', population: 300, grid_workers: 3, area_km2: 9 * PI },
  { code: '331102001003001', level: 'grid', parent_code: '331102001003', name: 'g4', population: 0, grid_workers: 0, area_km2: 0.25 * PI, kind: 'special' },
  { code: '331102002001001', level: 'grid', parent_code: '331102002001', name: 'g5', population: 200, grid_workers: 2, area_km2: PI },
  { code: '331121001001001', level: 'grid', parent_code: '331121001001', name: 'g6', population: 100, grid_workers: 1, area_km2: 16 * PI },
];
const G1 = '331102001001001', G2 = '331102001001002', G3 = '331102001002001', G4 = '331102001003001', G6 = '331121001001001';

/** Period P = [03-01 00:00, 03-10 00:00); the data time is 03-10 12:00, so the patrol window is [03-04 00:00, 03-10 12:00]. */
const PERIOD: Period = { start: '2026-03-01 00:00:00', end: '2026-03-10 00:00:00' };
const AS_OF = '2026-03-10 12:00:00';

// Durations in hours are response (accepted − reported), handling (resolved − accepted), closure (closed − reported).
const EVENTS: (EventFixture & { note: string })[] = [
  { note: 'e1 g1: reported at P start (in); resp 2, hand 4, clos 10; closed in P on time; resolved, satisfied', grid_code: G1,
    reported_at: '2026-03-01 00:00:00', accepted_at: '2026-03-01 02:00:00', resolved_at: '2026-03-01 06:00:00', closed_at: '2026-03-01 10:00:00', due_at: '2026-03-02 00:00:00', status: 'closed', outcome: 'resolved', satisfaction: 'satisfied' },
  { note: 'e2 g1 parking/app: resp 4, hand 20, clos 48; closed in P late; unresolved, dissatisfied', grid_code: G1, channel: 'app', category: 'parking',
    reported_at: '2026-03-02 00:00:00', accepted_at: '2026-03-02 04:00:00', resolved_at: '2026-03-03 00:00:00', closed_at: '2026-03-04 00:00:00', due_at: '2026-03-03 00:00:00', status: 'closed', outcome: 'unresolved', satisfaction: 'dissatisfied' },
  { note: 'e3 g2 patrol at the 7-day window start (in): resp 1, hand 1, clos 4; on time; resolved, not rated', grid_code: G2, channel: 'patrol',
    reported_at: '2026-03-04 00:00:00', accepted_at: '2026-03-04 01:00:00', resolved_at: '2026-03-04 02:00:00', closed_at: '2026-03-04 04:00:00', due_at: '2026-03-05 00:00:00', status: 'closed', outcome: 'resolved' },
  { note: 'e4 g1: open, never accepted (no response time); overdue', grid_code: G1, reported_at: '2026-03-08 10:00:00', due_at: '2026-03-09 10:00:00', status: 'reported' },
  { note: 'e5 g3 parking: open, accepted (resp 6), not resolved; backlog, not overdue', grid_code: G3, category: 'parking',
    reported_at: '2026-03-09 12:00:00', accepted_at: '2026-03-09 18:00:00', due_at: '2026-03-12 00:00:00', status: 'accepted' },
  { note: 'e6 g3: invalid, closed in P: intake only', grid_code: G3, reported_at: '2026-03-03 10:00:00', closed_at: '2026-03-03 11:00:00', due_at: '2026-03-04 00:00:00', status: 'invalid' },
  { note: 'e7 g3: reported a second before P, closed in P on time: counts in closed, not intake or durations; explained, basically satisfied', grid_code: G3,
    reported_at: '2026-02-28 23:59:59', accepted_at: '2026-03-01 01:00:00', resolved_at: '2026-03-01 20:00:00', closed_at: '2026-03-02 00:00:00', due_at: '2026-03-03 00:00:00', status: 'closed', outcome: 'explained', satisfaction: 'basically_satisfied' },
  { note: 'e8 g4 (no residents) camera: resp 1, hand 2, clos 5; on time; resolved, not rated', grid_code: G4, channel: 'camera',
    reported_at: '2026-03-06 00:00:00', accepted_at: '2026-03-06 01:00:00', resolved_at: '2026-03-06 03:00:00', closed_at: '2026-03-06 05:00:00', due_at: '2026-03-07 00:00:00', status: 'closed', outcome: 'resolved' },
  { note: 'e9 g1 patrol at P end (out of intake), inside the 7-day window; open, not overdue', grid_code: G1, channel: 'patrol', reported_at: '2026-03-10 00:00:00', due_at: '2026-03-11 00:00:00', status: 'reported' },
  { note: 'e10 g6: resp 3, hand 8; closed after the data time: backlog, overdue, not "closed by asOf", no closure time', grid_code: G6,
    reported_at: '2026-03-04 00:00:00', accepted_at: '2026-03-04 03:00:00', resolved_at: '2026-03-04 11:00:00', closed_at: '2026-03-10 13:00:00', due_at: '2026-03-05 00:00:00', status: 'closed', outcome: 'resolved' },
  { note: 'e11 g6 patrol before the 7-day window: resp 1, hand 0.5, clos 2; on time; resolved, satisfied', grid_code: G6, channel: 'patrol',
    reported_at: '2026-03-02 00:00:00', accepted_at: '2026-03-02 01:00:00', resolved_at: '2026-03-02 01:30:00', closed_at: '2026-03-02 02:00:00', due_at: '2026-03-03 00:00:00', status: 'closed', outcome: 'resolved', satisfaction: 'satisfied' },
  { note: 'e12 g2: open since February: backlog, overdue; not intake', grid_code: G2, reported_at: '2026-02-20 00:00:00', due_at: '2026-02-25 00:00:00', status: 'reported' },
  { note: 'e13 g1: reported between P end and the data time: backlog, overdue; not intake', grid_code: G1, reported_at: '2026-03-10 11:00:00', due_at: '2026-03-10 11:30:00', status: 'reported' },
  { note: 'e14 g3 patrol after the data time: nothing, and g3 is not patrolled', grid_code: G3, channel: 'patrol', reported_at: '2026-03-10 13:00:00', due_at: '2026-03-11 13:00:00', status: 'reported' },
  { note: 'e15 g3 app: closed without accepted_at: no response or handling time, clos 6; on time; explained, not rated', grid_code: G3, channel: 'app',
    reported_at: '2026-03-07 00:00:00', closed_at: '2026-03-07 06:00:00', due_at: '2026-03-08 00:00:00', status: 'closed', outcome: 'explained' },
  { note: 'e16 g6 patrol a second before the 7-day window, invalid: intake only, g6 not patrolled', grid_code: G6, channel: 'patrol',
    reported_at: '2026-03-03 23:59:59', closed_at: '2026-03-04 00:00:00', due_at: '2026-03-05 00:00:00', status: 'invalid' },
];

// Per grid, from the notes (P = the period, "valid" = status ≠ invalid):
//   g1: intake e1 e2 e4 = 3; closure_rate 2/3 (e4 open); closed e1 e2, on time e1 → 1/2; backlog e4 e9 e13 = 3, overdue e4 e13 = 2;
//       resp [2, 4]; hand [4, 20]; clos [10, 48]; resolution 1/2; satisfaction 1/2; patrolled (e9)
//   g2: intake e3 = 1; closure 1/1; on time 1/1; backlog e12 = 1, overdue 1; resp [1]; hand [1]; clos [4]; resolution 1/1; satisfaction 0/0; patrolled (e3)
//   g3: intake e5 e6 e15 = 3; closure_rate n = e5 e15 (e6 invalid) hits e15 → 1/2; closed e7 e15 (e6 invalid), on time 2/2;
//       backlog e5 = 1, overdue 0; resp [6]; hand []; clos [6]; resolution 0/2; satisfaction 1/1; not patrolled (e14 after asOf)
//   g4: intake 1; closure 1/1; on time 1/1; backlog 0; resp [1]; hand [2]; clos [5]; resolution 1/1; satisfaction 0/0; not patrolled
//   g5: no events
//   g6: intake e10 e11 e16 = 3; closure n = e10 e11, hits e11 → 1/2; closed e11, on time 1/1; backlog e10 = 1, overdue 1;
//       resp [3, 1]; hand [8, 0.5]; clos [2] (e10 closed after asOf); resolution 1/1; satisfaction 1/1; not patrolled
// quantile_cont: position (n − 1)·q in the sorted values, linear between neighbours.

type Expected = Record<string, number | string | null>;

/** Counts, rates and durations of a unit with no events at all (zeros for counts, NULL for the rest). */
const NO_EVENTS: Expected = {
  intake: 0, closed: 0, closure_rate_n: 0, closure_rate_hits: 0, closure_rate: null, on_time_n: 0, on_time_hits: 0, on_time_rate: null,
  backlog: 0, overdue: 0, response_n: 0, response_median_h: null, response_p90_h: null, handling_n: 0, handling_median_h: null, handling_p90_h: null,
  closure_time_n: 0, closure_median_h: null, closure_p90_h: null, resolution_n: 0, resolution_hits: 0, resolution_rate: null,
  satisfaction_n: 0, satisfaction_hits: 0, satisfaction_rate: null,
};

// A1 = g1 + g2 + g3 + g4 (and county A = A1 + A2, where A2 has no events).
const A1_EVENTS: Expected = {
  intake: 8, closure_rate_n: 7, closure_rate_hits: 5, closure_rate: 5 / 7, closed: 6, on_time_n: 6, on_time_hits: 5, on_time_rate: 5 / 6,
  backlog: 5, overdue: 3,
  // resp [1, 1, 2, 4, 6]: median 2, P90 at 3.6 → 4 + 0.6·2 = 5.2
  response_n: 5, response_median_h: 2, response_p90_h: 5.2,
  // hand [1, 2, 4, 20]: median 3, P90 at 2.7 → 4 + 0.7·16 = 15.2
  handling_n: 4, handling_median_h: 3, handling_p90_h: 15.2,
  // clos [4, 5, 6, 10, 48]: median 6, P90 at 3.6 → 10 + 0.6·38 = 32.8
  closure_time_n: 5, closure_median_h: 6, closure_p90_h: 32.8,
  resolution_n: 6, resolution_hits: 3, resolution_rate: 0.5, satisfaction_n: 3, satisfaction_hits: 2, satisfaction_rate: 2 / 3,
};
const B1_EVENTS: Expected = {
  intake: 3, closure_rate_n: 2, closure_rate_hits: 1, closure_rate: 0.5, closed: 1, on_time_n: 1, on_time_hits: 1, on_time_rate: 1,
  backlog: 1, overdue: 1,
  response_n: 2, response_median_h: 2, response_p90_h: 2.8, // [1, 3]: 1 + 0.9·2
  handling_n: 2, handling_median_h: 4.25, handling_p90_h: 7.25, // [0.5, 8]: 0.5 + 0.9·7.5
  closure_time_n: 1, closure_median_h: 2, closure_p90_h: 2,
  resolution_n: 1, resolution_hits: 1, resolution_rate: 1, satisfaction_n: 1, satisfaction_hits: 1, satisfaction_rate: 1,
};

interface Case {
  name: string;
  level: UnitLevel;
  parentCode: string | null;
  filter?: EventFilter;
  /** Expected rows in code order; only the listed columns are checked. */
  rows: Expected[];
}

const CASES: Case[] = [
  {
    name: 'the city (level city, no parent)', level: 'city', parentCode: null,
    rows: [{
      code: '331100', population: 1100, grid_workers: 11, grid_count: 6,
      intake: 11, intake_per_10k: 100, residents_per_worker: 100,
      service_radius_km: (1 + 2 + 3 + 0.5 + 1 + 4) / 6, patrol_grids: 2, patrol_coverage_7d: 2 / 6,
      closure_rate_n: 9, closure_rate_hits: 6, closed: 7, on_time_hits: 6, backlog: 6, overdue: 4,
      // resp [1, 1, 1, 2, 3, 4, 6]: median 2, P90 at 5.4 → 4 + 0.4·2 = 4.8
      response_n: 7, response_median_h: 2, response_p90_h: 4.8,
      // hand [0.5, 1, 2, 4, 8, 20]: median 3, P90 at 4.5 → 8 + 0.5·12 = 14
      handling_median_h: 3, handling_p90_h: 14,
      // clos [2, 4, 5, 6, 10, 48]: median 5.5, P90 at 4.5 → 10 + 0.5·38 = 29
      closure_median_h: 5.5, closure_p90_h: 29,
      resolution_n: 7, resolution_hits: 4, satisfaction_n: 4, satisfaction_hits: 3,
    }],
  },
  {
    name: 'counties under the city', level: 'county', parentCode: '331100',
    rows: [
      { code: '331102', name: '县A', population: 1000, households: 400, area_km2: 20, grid_workers: 10, grid_count: 5, ...A1_EVENTS,
        intake_per_10k: 80, residents_per_worker: 100, service_radius_km: (1 + 2 + 3 + 0.5 + 1) / 5, patrol_grids: 2, patrol_coverage_7d: 0.4 },
      { code: '331121', name: '县B', population: 100, households: 40, area_km2: 50, grid_workers: 1, grid_count: 1, ...B1_EVENTS,
        intake_per_10k: 300, residents_per_worker: 100, service_radius_km: 4, patrol_grids: 0, patrol_coverage_7d: 0 },
    ],
  },
  {
    name: 'all counties (parent null) is the same list', level: 'county', parentCode: null,
    rows: [{ code: '331102', intake: 8, backlog: 5 }, { code: '331121', intake: 3, backlog: 1 }],
  },
  {
    name: 'townships under county A, one without events', level: 'township', parentCode: '331102',
    rows: [
      { code: '331102001', grid_count: 4, ...A1_EVENTS, intake_per_10k: 100, residents_per_worker: 100, service_radius_km: (1 + 2 + 3 + 0.5) / 4, patrol_coverage_7d: 0.5 },
      { code: '331102002', grid_count: 1, ...NO_EVENTS, intake_per_10k: 0, residents_per_worker: 100, service_radius_km: 1, patrol_grids: 0, patrol_coverage_7d: 0 },
    ],
  },
  {
    name: 'communities under A1, one with no residents and no workers', level: 'community', parentCode: '331102001',
    rows: [
      { code: '331102001001', intake: 4, intake_per_10k: 80, residents_per_worker: 100, grid_count: 2, service_radius_km: 1.5, patrol_coverage_7d: 1,
        closure_rate: 0.75, on_time_rate: 2 / 3, backlog: 4, overdue: 3,
        response_median_h: 2, response_p90_h: 3.6, handling_median_h: 4, handling_p90_h: 16.8, closure_median_h: 10, closure_p90_h: 40.4, // [1,2,4] [1,4,20] [4,10,48]
        resolution_rate: 2 / 3, satisfaction_rate: 0.5 },
      { code: '331102001002', intake: 3, intake_per_10k: 100, residents_per_worker: 100, service_radius_km: 3, patrol_coverage_7d: 0,
        closure_rate: 0.5, on_time_rate: 1, backlog: 1, overdue: 0, response_median_h: 6, handling_n: 0, handling_median_h: null, handling_p90_h: null,
        closure_median_h: 6, resolution_n: 2, resolution_hits: 0, resolution_rate: 0, satisfaction_rate: 1 },
      { code: '331102001003', population: 0, grid_workers: 0, intake: 1, intake_per_10k: null, residents_per_worker: null, service_radius_km: 0.5, patrol_coverage_7d: 0,
        on_time_rate: 1, response_median_h: 1, handling_median_h: 2, closure_median_h: 5, satisfaction_n: 0, satisfaction_rate: null },
    ],
  },
  {
    name: 'grids under community A1a', level: 'grid', parentCode: '331102001001',
    rows: [
      { code: G1, grid_count: 1, intake: 3, intake_per_10k: 100, residents_per_worker: 100, service_radius_km: 1, patrol_grids: 1, patrol_coverage_7d: 1,
        closure_rate: 2 / 3, on_time_rate: 0.5, backlog: 3, overdue: 2, response_median_h: 3, response_p90_h: 3.8, handling_median_h: 12, handling_p90_h: 18.4,
        closure_median_h: 29, closure_p90_h: 44.2, resolution_rate: 0.5, satisfaction_rate: 0.5 },
      { code: G2, grid_count: 1, intake: 1, intake_per_10k: 50, service_radius_km: 2, patrol_coverage_7d: 1, backlog: 1, overdue: 1, response_median_h: 1, closure_p90_h: 4, satisfaction_rate: null },
    ],
  },
  {
    name: 'a grid with no events', level: 'grid', parentCode: '331102002',
    rows: [{ code: '331102002001001', grid_count: 1, ...NO_EVENTS, intake_per_10k: 0, residents_per_worker: 100, service_radius_km: 1, patrol_coverage_7d: 0 }],
  },
  {
    // The unit filter narrows events, not the list: A1 keeps only g1 and g2 events (= A1a), A2 still has none.
    name: 'townships under A, events narrowed to community A1a', level: 'township', parentCode: '331102', filter: { unitCode: '331102001001' },
    rows: [
      { code: '331102001', intake: 4, backlog: 4, overdue: 3, closure_rate: 0.75, response_median_h: 2, patrol_coverage_7d: 0.5 },
      { code: '331102002', ...NO_EVENTS, patrol_coverage_7d: 0 },
    ],
  },
  {
    // parking = e2 (g1) and e5 (g3). Patrol coverage keeps the category filter: no parking patrols → 0.
    name: 'townships under A, category parking', level: 'township', parentCode: '331102', filter: { categories: ['parking'] },
    rows: [
      { code: '331102001', intake: 2, closure_rate_n: 2, closure_rate_hits: 1, closed: 1, on_time_rate: 0, backlog: 1, overdue: 0,
        response_n: 2, response_median_h: 5, handling_median_h: 20, closure_median_h: 48, resolution_rate: 0, satisfaction_rate: 0, patrol_coverage_7d: 0 },
      { code: '331102002', ...NO_EVENTS },
    ],
  },
  {
    // hotline in A: e1 e4 e5 e6 e7 e12 e13 (e2 e15 app, e3 e9 e14 patrol, e8 camera). Patrol coverage ignores the channel filter.
    name: 'counties, channel hotline: patrol coverage unchanged', level: 'county', parentCode: '331100', filter: { channels: ['hotline'] },
    rows: [
      { code: '331102', intake: 4, closed: 2, on_time_rate: 1, backlog: 4, overdue: 3, response_n: 2, response_median_h: 4, patrol_coverage_7d: 0.4 },
      { code: '331121', intake: 1, closed: 0, on_time_rate: null, backlog: 1, overdue: 1, response_median_h: 3, patrol_coverage_7d: 0 },
    ],
  },
];

function expectRow(actual: Record<string, Scalar>, expected: Expected, label: string): void {
  for (const [column, value] of Object.entries(expected)) {
    expect(actual, `${label}: column ${column} missing`).toHaveProperty(column);
    if (value === null) expect(actual[column], `${label}.${column}`).toBeNull();
    else if (typeof value === 'string') expect(actual[column], `${label}.${column}`).toBe(value);
    else expect(actual[column], `${label}.${column}`).toBeCloseTo(value, 9);
  }
}

describe('unitMeasures on a hand-made city', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createNodeDatabase();
    await createUnitsTable(db, UNITS);
    await createEventsTable(db, EVENTS.map(({ note: _note, ...row }) => row));
  });
  afterAll(async () => { await db.close(); });

  for (const testCase of CASES) {
    it(testCase.name, async () => {
      const sql = unitMeasures({ level: testCase.level, parentCode: testCase.parentCode, period: PERIOD, asOf: AS_OF, filter: testCase.filter ?? {} });
      const rows = rowsOf(await db.query(sql));
      expect(rows.map((r) => r.code)).toEqual(testCase.rows.map((r) => r.code));
      testCase.rows.forEach((expected, i) => expectRow(rows[i]!, expected, String(expected.code)));
    });
  }

  it('returns every column that the measure catalogue reads, with counts as integers', async () => {
    const table = await db.query(unitMeasures({ level: 'township', parentCode: null, period: PERIOD, asOf: AS_OF }));
    const names = table.schema.fields.map((f) => f.name);
    for (const measure of UNIT_MEASURES) {
      for (const column of [measure.columns.value, measure.columns.numerator, measure.columns.denominator, measure.columns.volume]) {
        if (column) expect(names, `${measure.id} reads ${column}`).toContain(column);
      }
    }
    for (const column of ['code', 'name', 'level', 'population', 'households', 'area_km2', 'grid_workers', 'grid_count', 'label_lon', 'label_lat']) expect(names).toContain(column);
    for (const row of rowsOf(table)) expect(typeof row.intake).toBe('number');
  });

  it('lists units of a level with no events at all (an empty events table)', async () => {
    await createEventsTable(db, []);
    try {
      const rows = rowsOf(await db.query(unitMeasures({ level: 'township', parentCode: null, period: PERIOD, asOf: AS_OF })));
      expect(rows.map((r) => r.code)).toEqual(['331102001', '331102002', '331121001']);
      for (const row of rows) expectRow(row, { ...NO_EVENTS, patrol_coverage_7d: 0 }, String(row.code));
    } finally {
      await createEventsTable(db, EVENTS.map(({ note: _note, ...row }) => row));
    }
  });

  it('quotes values and refuses bad input', () => {
    expect(() => unitMeasures({ level: 'county', parentCode: "3311'; DROP TABLE events; --", period: PERIOD, asOf: AS_OF })).toThrow(/Invalid unit code/);
    expect(() => unitMeasures({ level: 'nation' as UnitLevel, parentCode: null, period: PERIOD, asOf: AS_OF })).toThrow(/Invalid unit level/);
    expect(() => unitMeasures({ level: 'county', parentCode: null, period: PERIOD, asOf: "2026-03-10'" })).toThrow(/Invalid timestamp/);
    const sql = unitMeasures({ level: 'county', parentCode: null, period: PERIOD, asOf: AS_OF, filter: { categories: ["it's"] } });
    expect(sql).toContain("'it''s'");
  });
});

describe('the measure catalogue', () => {
  it('has every measure once, groups that name known measures, and a ranking rule for each', () => {
    const ids = UNIT_MEASURES.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [...UNIT_MEASURE_GROUPS.coverage, ...UNIT_MEASURE_GROUPS.response]) expect(ids).toContain(id);
    for (const measure of UNIT_MEASURES) {
      expect(measureWords('zh', measure.id).definition.length, measure.id).toBeGreaterThan(5);
      expect(measureWords('en', measure.id).definition.length, measure.id).toBeGreaterThan(5);
      if (measure.sizeDependent) expect(measure.rankBy, measure.id).not.toBe(measure.id);
      if (measure.rankBy) expect(unitMeasure(measure.rankBy).sizeDependent).toBe(false);
      if (measure.unit === 'ratio') expect(measure.columns.numerator && measure.columns.denominator, measure.id).toBeTruthy();
    }
  });
});

describe('wilsonInterval', () => {
  const cases: { successes: number; trials: number; expected: [number, number] | null }[] = [
    { successes: 8, trials: 10, expected: [0.4902, 0.9433] },
    { successes: 0, trials: 10, expected: [0, 0.2775] },
    { successes: 10, trials: 10, expected: [0.7225, 1] },
    { successes: 50, trials: 100, expected: [0.4038, 0.5962] },
    { successes: 0, trials: 0, expected: null },
  ];
  for (const { successes, trials, expected } of cases) {
    it(`${successes}/${trials}`, () => {
      const interval = wilsonInterval(successes, trials);
      if (expected === null) return expect(interval).toBeNull();
      expect(interval![0]).toBeCloseTo(expected[0], 4);
      expect(interval![1]).toBeCloseTo(expected[1], 4);
    });
  }
  it('widens with z and refuses impossible counts', () => {
    const [lo95, hi95] = wilsonInterval(8, 10)!;
    const [lo99, hi99] = wilsonInterval(8, 10, 2.576)!;
    expect(lo99).toBeLessThan(lo95);
    expect(hi99).toBeGreaterThan(hi95);
    expect(() => wilsonInterval(11, 10)).toThrow(/Invalid Wilson/);
    expect(() => wilsonInterval(-1, 10)).toThrow(/Invalid Wilson/);
  });
});

describe('rankUnits', () => {
  const rows = [
    { code: 'A', rate: 0.9, n: 50 },
    { code: 'B', rate: 0.8, n: 100 },
    { code: 'C', rate: 0.9, n: 40 },
    { code: 'D', rate: 0.95, n: 10 },
    { code: 'E', rate: null, n: 0 },
    { code: 'F', rate: 0.7, n: MIN_RANKING_VOLUME },
    { code: 'G', rate: 0.99, n: null },
  ];
  const columns = { value: 'rate', volume: 'n' };
  const view = (ranked: ReturnType<typeof rankUnits>) => ranked.map((r) => [r.row.code, r.rank, r.unrankedReason]);

  it('higher is better: ties share a rank, the next one is skipped; small and empty units are listed last', () => {
    expect(view(rankUnits(rows, columns, 'higher'))).toEqual([
      ['A', 1, null], ['C', 1, null], ['B', 3, null], ['F', 4, null],
      ['G', null, 'below_min_volume'], ['D', null, 'below_min_volume'], ['E', null, 'no_value'],
    ]);
  });

  it('lower is better', () => {
    expect(view(rankUnits(rows, columns, 'lower'))).toEqual([
      ['F', 1, null], ['B', 2, null], ['A', 3, null], ['C', 3, null],
      ['D', null, 'below_min_volume'], ['G', null, 'below_min_volume'], ['E', null, 'no_value'],
    ]);
  });

  it('without a volume column only a missing value leaves a unit unranked; the minimum can be changed', () => {
    expect(view(rankUnits(rows, { value: 'rate', volume: null }, 'higher')).map((r) => r[1])).toEqual([1, 2, 3, 3, 5, 6, null]);
    expect(view(rankUnits(rows, columns, 'higher', 5)).map((r) => r[0])).toEqual(['D', 'A', 'C', 'B', 'F', 'G', 'E']);
  });

  it('works with the catalogue columns on a SQL-shaped row', () => {
    const measure = unitMeasure('on_time_rate');
    const ranked = rankUnits([{ code: 'X', on_time_rate: 0.5, on_time_n: 29 }, { code: 'Y', on_time_rate: 0.4, on_time_n: 30 }], measure.columns, measure.better);
    expect(view(ranked)).toEqual([['Y', 1, null], ['X', null, 'below_min_volume']]);
  });
});

// ---------------------------------------------------------------------------------------
// The generated test dataset against plain JS over events.csv
// ---------------------------------------------------------------------------------------

const HOUR = 3_600_000;
const ms = wallClockMs;

describe('unitMeasures on the generated test dataset, against plain JS', () => {
  const data = requireTestData();
  const records = parseCsvRecords(readFileSync(join(data.dir, 'events.csv'), 'utf8'));
  const units = parseCsvRecords(readFileSync(join(data.dir, 'units.csv'), 'utf8'));
  const period = lastDays(data.asOf, 30);
  let db: Database;
  beforeAll(async () => {
    db = await createNodeDatabase();
    await loadDataset(db, data.source, 'arrow');
  });
  afterAll(async () => { await db.close(); });

  function inJs(prefix: string) {
    const now = ms(data.asOf)!, start = ms(period.start)!, end = ms(period.end)!;
    const rows = records.filter((r) => r.grid_code!.startsWith(prefix));
    const valid = rows.filter((r) => r.status !== 'invalid');
    const open = rows.filter((r) => ms(r.reported_at)! <= now && (r.closed_at === null || ms(r.closed_at)! > now));
    const closed = valid.filter((r) => r.closed_at !== null && ms(r.closed_at)! >= start && ms(r.closed_at)! < end);
    const responses = valid
      .filter((r) => ms(r.reported_at)! >= start && ms(r.reported_at)! < end && r.accepted_at !== null && ms(r.accepted_at)! <= now)
      .map((r) => (ms(r.accepted_at)! - ms(r.reported_at)!) / HOUR);
    return {
      intake: rows.filter((r) => ms(r.reported_at)! >= start && ms(r.reported_at)! < end).length,
      backlog: open.length,
      overdue: open.filter((r) => r.due_at !== null && ms(r.due_at)! < now).length,
      on_time_rate: closed.length ? closed.filter((r) => r.due_at !== null && ms(r.closed_at)! <= ms(r.due_at)!).length / closed.length : null,
      response_median_h: median(responses),
    };
  }

  for (const [label, level, parentCode] of [['counties of the city', 'county', '331100'], ['townships of 莲都区', 'township', '331102']] as const) {
    it(`agrees for the ${label}`, async () => {
      const actual = rowsOf(await db.query(unitMeasures({ level, parentCode, period, asOf: data.asOf })));
      const expectedCodes = units.filter((u) => u.level === level && u.code!.startsWith(parentCode === '331100' ? '3311' : parentCode)).map((u) => u.code).sort();
      expect(actual.map((r) => r.code)).toEqual(expectedCodes);
      let backlog = 0;
      for (const row of actual) {
        const expected = inJs(String(row.code));
        backlog += expected.backlog;
        for (const [column, value] of Object.entries(expected)) {
          if (value === null) expect(row[column], `${row.code}.${column}`).toBeNull();
          else expect(row[column], `${row.code}.${column}`).toBeCloseTo(value, 6);
        }
      }
      expect(backlog).toBeGreaterThan(0);
    });
  }

  it('the city row agrees with the KPI strip over the same 30 days', async () => {
    const city = firstRow(await db.query(unitMeasures({ level: 'city', parentCode: null, period, asOf: data.asOf })));
    const strip = firstRow(await db.query(kpiStrip(data.asOf)));
    expect(city.backlog).toBe(strip.backlog);
    expect(city.overdue).toBe(strip.overdue);
    expect(city.on_time_rate).toBeCloseTo(strip.on_time_rate_30d as number, 9);
    expect(city.response_median_h).toBeCloseTo(strip.response_median_30d as number, 9);
  });
});
