import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/engine/database';
import { firstRow } from '../../src/engine/columns';
import { createNodeDatabase } from '../../src/engine/node';
import { kpiStrip, kpiStripPrevious } from '../../src/sql/kpis';
import { createEventsTable } from '../support/events-table';

const AS_OF = '2026-03-10 12:00:00';
/** "This month" so far: 9.5 days and a second; its comparison is the same length before it (2026-02-19 11:59:59 … 2026-03-01 00:00:00). */
const MONTH = { start: '2026-03-01 00:00:00', end: '2026-03-10 12:00:01' };

// Each row says which comparison counts it; the expected numbers below are counted from these notes.
const ROWS = [
  { note: 'today 08:00', reported_at: '2026-03-10 08:00:00', status: 'reported' },
  { note: 'yesterday 09:00: same hours yesterday', reported_at: '2026-03-09 09:00:00', status: 'reported' },
  { note: 'yesterday 11:59: same hours yesterday', reported_at: '2026-03-09 11:59:00', closed_at: '2026-03-09 11:59:30', status: 'closed' },
  { note: 'yesterday 13:00: after the same hours', reported_at: '2026-03-09 13:00:00', status: 'reported' },
  { note: 'Feb 25: in the 9.5 days before the month', reported_at: '2026-02-25 10:00:00', closed_at: '2026-02-26 10:00:00', status: 'closed' },
  { note: 'Feb 19 11:00: before the 9.5 days', reported_at: '2026-02-19 11:00:00', closed_at: '2026-02-20 10:00:00', status: 'closed' },
  { note: 'Mar 3: in the month', reported_at: '2026-03-03 10:00:00', closed_at: '2026-03-10 11:00:00', status: 'closed' },
];

describe('the KPI tiles\' comparison (issue #15 point 10)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createNodeDatabase();
    await createEventsTable(db, ROWS.map(({ note: _note, ...row }) => row));
  });
  afterAll(async () => { await db.close(); });

  it('compares today so far with the same hours yesterday, and the selected range with the range of equal length before it', async () => {
    const now = firstRow(await db.query(kpiStrip(AS_OF, {}, MONTH)));
    const before = firstRow(await db.query(kpiStripPrevious(AS_OF, {}, MONTH)));
    expect(now.intake_today).toBe(1);
    expect(before.intake_today).toBe(2);
    expect(before.closed_today).toBe(1);
    expect(now.intake_period).toBe(5);
    // The 9.5 days before the month start on Feb 19 at 11:59:59: Feb 19 11:00 is outside.
    expect(before.intake_period).toBe(1);
  });

  it('says when a comparison window begins before the first loaded report, instead of comparing with rows never loaded', async () => {
    const month = firstRow(await db.query(kpiStripPrevious(AS_OF, {}, MONTH)));
    expect(month.intake_period__covered).toBe(true);
    // The whole span since the first report: the same length before it holds no loaded data.
    const whole = firstRow(await db.query(kpiStripPrevious(AS_OF, {}, { start: '2026-02-19 00:00:00', end: '2026-03-10 12:00:01' })));
    expect(whole.intake_period__covered).toBe(false);
    expect(whole.intake_today__covered).toBe(true);
  });

  it('takes stocks 24 hours earlier and 30-day rates over the 30 days before, exactly as the tiles would have shown then', async () => {
    const before = firstRow(await db.query(kpiStripPrevious(AS_OF, {}, MONTH)));
    const dayEarlier = firstRow(await db.query(kpiStrip('2026-03-09 12:00:00', {}, MONTH)));
    const monthEarlier = firstRow(await db.query(kpiStrip('2026-02-08 12:00:00', {}, MONTH)));
    expect(before.backlog).toBe(dayEarlier.backlog);
    // Open 24 hours earlier: yesterday 09:00 and the March 3 event (closed today).
    expect(before.backlog).toBe(2);
    expect(before.on_time_rate_30d).toBe(monthEarlier.on_time_rate_30d);
    expect(before.response_median_30d).toBe(monthEarlier.response_median_30d);
  });
});
