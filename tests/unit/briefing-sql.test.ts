import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/engine/columns';
import type { Database } from '../../src/engine/database';
import { createNodeDatabase } from '../../src/engine/node';
import { escalatedOpen, overdueSevere } from '../../src/sql/attention';
import { categoryMix } from '../../src/sql/category-mix';
import { departmentMeasures } from '../../src/sql/department-measures';
import { createEventsTable, type EventFixture } from '../support/events-table';

/**
 * The briefing's own SQL builders on hand-made tables whose answers are written here.
 * Data starts 2026-03-01; "now" (the end of the briefing period) is 2026-03-10 23:59:59.
 */
const AS_OF = '2026-03-10 23:59:59';
const DAY = { start: '2026-03-10 00:00:00', end: '2026-03-11 00:00:00' };
const PREVIOUS = { start: '2026-03-09 00:00:00', end: '2026-03-10 00:00:00' };
const LAST_YEAR = { start: '2025-03-10 00:00:00', end: '2025-03-11 00:00:00' };

const ROWS: EventFixture[] = [
  // A: severity 4, overdue since 03-09 12:00 (36 h at AS_OF), open.
  { event_id: 'A', severity: 4, reported_at: '2026-03-01 08:00:00', due_at: '2026-03-09 12:00:00', status: 'accepted', department: '交警', category: 'parking' },
  // B: severity 3, overdue since 03-10 00:00 (24 h), escalated.
  { event_id: 'B', severity: 3, reported_at: '2026-03-05 08:00:00', due_at: '2026-03-10 00:00:00', status: 'escalated', department: '交警', category: 'parking' },
  // C: severity 2, overdue: not severe enough.
  { event_id: 'C', severity: 2, reported_at: '2026-03-05 08:00:00', due_at: '2026-03-06 00:00:00', status: 'accepted', department: '建设局', category: 'noise' },
  // D: severity 4, overdue but closed after AS_OF: still open at AS_OF, listed.
  { event_id: 'D', severity: 4, reported_at: '2026-03-02 08:00:00', due_at: '2026-03-03 00:00:00', closed_at: '2026-03-12 00:00:00', status: 'closed', department: '建设局', category: 'noise' },
  // E: severity 4, invalid report: left out of overdue lists.
  { event_id: 'E', severity: 4, reported_at: '2026-03-02 08:00:00', due_at: '2026-03-03 00:00:00', status: 'invalid', category: 'noise', department: null },
  // F: severity 3, not yet due.
  { event_id: 'F', severity: 3, reported_at: '2026-03-10 08:00:00', accepted_at: '2026-03-10 10:00:00', due_at: '2026-03-12 00:00:00', status: 'escalated', department: '交警', category: 'parking' },
  // G, H: closed on 03-10 by 交警 (one late), rated satisfied / dissatisfied.
  { event_id: 'G', reported_at: '2026-03-10 01:00:00', accepted_at: '2026-03-10 02:00:00', closed_at: '2026-03-10 05:00:00', due_at: '2026-03-11 00:00:00', status: 'closed', department: '交警', category: 'parking', satisfaction: 'satisfied' },
  { event_id: 'H', reported_at: '2026-03-08 01:00:00', closed_at: '2026-03-10 05:00:00', due_at: '2026-03-09 00:00:00', status: 'closed', department: '交警', category: 'parking', satisfaction: 'dissatisfied' },
  // I: reported on 03-09 (the previous day), closed then.
  { event_id: 'I', reported_at: '2026-03-09 09:00:00', closed_at: '2026-03-09 10:00:00', due_at: '2026-03-10 00:00:00', status: 'closed', department: '民政局', category: 'livelihood' },
];

describe('briefing SQL on a hand-made table', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createNodeDatabase();
    await createEventsTable(db, ROWS);
  });
  afterAll(async () => { await db.close(); });

  it('lists overdue events of severity ≥ 3 open at the moment, most severe and longest overdue first, with the total', async () => {
    const rows = rowsOf(await db.query(overdueSevere({ asOf: AS_OF })));
    expect(rows.map((r) => r.event_id)).toEqual(['D', 'A', 'B']);
    expect(rows.map((r) => r.overdue_h)).toEqual([192, 36, 24]);
    expect(rows.every((r) => r.total === 3)).toBe(true);
    const limited = rowsOf(await db.query(overdueSevere({ asOf: AS_OF, limit: 1 })));
    expect(limited).toHaveLength(1);
    expect(limited[0]!.total).toBe(3);
  });

  it('takes "open" at the moment asked: before D was reported nothing of it is listed', async () => {
    const rows = rowsOf(await db.query(overdueSevere({ asOf: '2026-03-02 07:00:00' })));
    expect(rows).toEqual([]);
  });

  it('lists open escalations', async () => {
    const rows = rowsOf(await db.query(escalatedOpen({ asOf: AS_OF })));
    expect(rows.map((r) => r.event_id)).toEqual(['B', 'F']);
    expect(rows[0]!.total).toBe(2);
  });

  it('rejects a silly limit', () => {
    expect(() => overdueSevere({ asOf: AS_OF, limit: 0 })).toThrow(/limit/);
  });

  it('measures departments: intake, closed, on-time and satisfaction with their counts, backlog and overdue at the moment', async () => {
    const rows = rowsOf(await db.query(departmentMeasures({ period: DAY, asOf: AS_OF })));
    const police = rows.find((r) => r.department === '交警')!;
    expect(police).toMatchObject({ intake: 2, closed: 2, on_time_hits: 1, on_time_rate: 0.5, satisfaction_hits: 1, satisfaction_n: 2, satisfaction_rate: 0.5, backlog: 3, overdue: 2, response_median_h: 1.5 }); // F 2 h, G 1 h
    const building = rows.find((r) => r.department === '建设局')!;
    // No event closed in the period: the rates are NULL, never 0.
    expect(building).toMatchObject({ intake: 0, closed: 0, on_time_rate: null, satisfaction_rate: null, backlog: 2, overdue: 2 });
    // 民政局 has nothing in the period and nothing open: not listed.
    expect(rows.find((r) => r.department === '民政局')).toBeUndefined();
    // The invalid report without a department is the key "" (open, so it is listed).
    expect(rows.find((r) => r.department === '')).toMatchObject({ backlog: 1, closed: 0 });
  });

  it('gives the category mix of the three periods with shares, and NULL for a period the data does not cover', async () => {
    const rows = rowsOf(await db.query(categoryMix({ current: DAY, previous: PREVIOUS, lastYear: LAST_YEAR })));
    const parking = rows.find((r) => r.category === 'parking')!;
    expect(parking).toMatchObject({ current: 2, previous: 0, last_year: null, share_current: 1, share_previous: 0, share_last_year: null });
    const livelihood = rows.find((r) => r.category === 'livelihood')!;
    expect(livelihood).toMatchObject({ current: 0, previous: 1, share_previous: 1 });
    // Every known category is listed, with zero events.
    expect(rows.find((r) => r.category === 'manhole')).toMatchObject({ current: 0, previous: 0, last_year: null });
    expect(rows[0]!.category).toBe('parking');
  });

  it('gives NULL shares for an empty period', async () => {
    const empty = { start: '2026-03-04 00:00:00', end: '2026-03-05 00:00:00' };
    const rows = rowsOf(await db.query(categoryMix({ current: empty, previous: empty, lastYear: empty })));
    expect(rows.every((r) => r.current === 0 && r.share_current === null)).toBe(true);
  });
});
