import { TEST_TIME_ZONES, underTimeZones } from '../support/time-zones';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/engine/database';
import { firstRow } from '../../src/engine/columns';
import { createNodeDatabase } from '../../src/engine/node';
import { kpiStrip } from '../../src/sql/kpis';
import { createEventsTable, type EventFixture } from '../support/events-table';

const AS_OF = '2026-03-10 12:00:00';

// Each row says why it is there; the expected KPIs below are counted by hand from these notes.
const ROWS: (EventFixture & { note: string })[] = [
  { note: 'a: today, open, not yet due', reported_at: '2026-03-10 08:00:00', due_at: '2026-03-12 08:00:00', status: 'reported' },
  { note: 'b: closed late, response 2 h', reported_at: '2026-03-01 09:00:00', accepted_at: '2026-03-01 11:00:00', closed_at: '2026-03-05 09:00:00', due_at: '2026-03-04 09:00:00', status: 'closed' },
  { note: 'c: closed on time, response 0.5 h', reported_at: '2026-03-02 10:00:00', accepted_at: '2026-03-02 10:30:00', closed_at: '2026-03-03 10:00:00', due_at: '2026-03-04 10:00:00', status: 'closed', grid_code: '331121001001001' },
  { note: 'd: open since February, overdue', reported_at: '2026-02-01 10:00:00', due_at: '2026-02-10 10:00:00', status: 'accepted', accepted_at: '2026-02-01 12:00:00' },
  { note: 'e: reported after the data time: ignored', reported_at: '2026-03-10 13:00:00', due_at: '2026-03-11 13:00:00' },
  { note: 'f: one second before today', reported_at: '2026-03-09 23:59:59', closed_at: '2026-03-10 01:00:00', due_at: '2026-03-12 00:00:00', status: 'closed' },
  { note: 'g: invalid report today: intake yes, rates no', reported_at: '2026-03-10 09:00:00', closed_at: '2026-03-10 10:00:00', due_at: '2026-03-11 09:00:00', status: 'invalid' },
  { note: 'h: closes after the data time: still backlog, overdue', reported_at: '2026-03-08 10:00:00', closed_at: '2026-03-11 10:00:00', due_at: '2026-03-09 10:00:00', status: 'closed' },
  { note: 'i: closed on time in January: outside the 30 days', reported_at: '2026-01-01 10:00:00', accepted_at: '2026-01-01 10:10:00', closed_at: '2026-01-05 10:00:00', due_at: '2026-01-06 10:00:00', status: 'closed' },
];

describe('kpiStrip on a hand-made table', () => {
  let db: Database;
  beforeAll(async () => { db = await createNodeDatabase(); });
  afterAll(async () => { await db.close(); });

  const cases: { name: string; rows: EventFixture[]; unitCode?: string; expected: Record<string, number | null> }[] = [
    { name: 'empty table', rows: [], expected: { intake_today: 0, backlog: 0, overdue: 0, on_time_rate_30d: null, response_median_30d: null } },
    // f closed at 01:00 today and was reported yesterday, so it is in the 30-day on-time window: b late, c and f on time.
    { name: 'the nine rows', rows: ROWS, expected: { closed_today: 1, intake_today: 2, backlog: 3, overdue: 2, on_time_rate_30d: 2 / 3, response_median_30d: 1.25 } },
    { name: 'filtered to county 331121 (only c)', rows: ROWS, unitCode: '331121', expected: { intake_today: 0, backlog: 0, overdue: 0, on_time_rate_30d: 1, response_median_30d: 0.5 } },
    { name: 'filtered to the city 331100 (all)', rows: ROWS, unitCode: '331100', expected: { intake_today: 2, backlog: 3, overdue: 2, on_time_rate_30d: 2 / 3, response_median_30d: 1.25 } },
    { name: 'no closed events in the window', rows: [ROWS[0]!, ROWS[3]!], expected: { intake_today: 1, backlog: 2, overdue: 1, on_time_rate_30d: null, response_median_30d: null } },
  ];

  for (const testCase of cases) {
    it(testCase.name, async () => {
      await createEventsTable(db, testCase.rows.map(({ ...row }) => { delete (row as { note?: string }).note; return row; }));
      const row = firstRow(await db.query(kpiStrip(AS_OF, testCase.unitCode ? { unitCode: testCase.unitCode } : {})));
      for (const [id, expected] of Object.entries(testCase.expected)) {
        if (expected === null) expect(row[id], id).toBeNull();
        else expect(row[id], id).toBeCloseTo(expected, 9);
      }
    });
  }

  it('does not depend on the time zone of the machine', async () => {
    await createEventsTable(db, ROWS.map(({ note: _note, ...row }) => row));
    const outputs = await underTimeZones(TEST_TIME_ZONES, async () => {
      const sql = kpiStrip(AS_OF);
      return JSON.stringify([sql, firstRow(await db.query(sql))]);
    });
    expect(new Set(outputs).size).toBe(1);
  });
});
