import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/engine/database';
import { rowsOf } from '../../src/engine/columns';
import { createNodeDatabase } from '../../src/engine/node';
import { otherCategoryTexts } from '../../src/sql/other-texts';
import { createEventsTable, type EventFixture } from '../support/events-table';

const other = (id: string, text: string | null, reported: string, grid = '331102001001001'): EventFixture => ({
  event_id: id, category: 'other', category_text: text, reported_at: reported, grid_code: grid, status: 'reported', severity: 2,
});

/** The legend's words under "other" are those of the events the map shows (issue #14 point 7). */
describe('otherCategoryTexts', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createNodeDatabase();
    await createEventsTable(db, [
      other('a', '占道经营', '2026-03-10 08:00:00'), other('b', '占道经营', '2026-03-10 09:00:00'),
      other('c', '违规广告', '2026-03-10 10:00:00'), other('d', null, '2026-03-10 11:00:00'),
      // Outside the period: its word must not be listed, nor counted.
      other('e', '夜间施工', '2026-02-01 10:00:00'), other('f', '占道经营', '2026-02-01 10:00:00'),
      // In another county.
      other('g', '违规广告', '2026-03-10 12:00:00', '331121001001001'),
      { event_id: 'h', category: 'noise', category_text: '噪音', reported_at: '2026-03-10 08:00:00', grid_code: '331102001001001', status: 'reported', severity: 2 },
    ]);
  });
  afterAll(async () => { await db.close(); });

  const run = async (sql: string) => rowsOf(await db.query(sql)).map((r) => [r.text, r.n, r.kinds]);
  const march = { start: '2026-03-01 00:00:00', end: '2026-04-01 00:00:00' };

  it('counts only the period shown, commonest first, with how many words there are', async () => {
    expect(await run(otherCategoryTexts({ period: march }))).toEqual([['占道经营', 2, 2], ['违规广告', 2, 2]]);
  });

  it('follows the unit filter and lists at most `limit` words', async () => {
    expect(await run(otherCategoryTexts({ period: march, filter: { unitCode: '331102' } }))).toEqual([['占道经营', 2, 2], ['违规广告', 1, 2]]);
    expect(await run(otherCategoryTexts({ period: march, filter: { unitCode: '331102' }, limit: 1 }))).toEqual([['占道经营', 2, 2]]);
  });

  it('lists nothing for a period without such events', async () => {
    expect(await run(otherCategoryTexts({ period: { start: '2026-05-01 00:00:00', end: '2026-06-01 00:00:00' } }))).toEqual([]);
  });
});
