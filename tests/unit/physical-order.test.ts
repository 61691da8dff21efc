import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/engine/columns';
import type { Database } from '../../src/engine/database';
import { createNodeDatabase } from '../../src/engine/node';
import { eventWhere, underUnit } from '../../src/sql/filter';
import { sortEventsTable } from '../../src/sql/load';
import { sqlString } from '../../src/sql/literal';
import { EARTH_RADIUS_M, repeatedComplaints } from '../../src/sql/repeats';
import { createEventsTable, type EventFixture } from '../support/events-table';

/**
 * The events table is stored in EVENTS_ORDER (month, grid code, time) so that a unit's rows
 * lie together; unit filters are grid-code ranges so that DuckDB can skip the rest. Neither
 * may change an answer.
 */
let db: Database;
beforeAll(async () => { db = await createNodeDatabase(); });
afterAll(async () => { await db.close(); });

describe('underUnit: the grid code range equals starts_with on the unit prefix', () => {
  // Codes at the edges of the ranges: a prefix ending in 9 (whose successor is ':'), the
  // prefix itself, shorter and longer strings, text that is not digits, and NULL.
  const codes = ['331102', '3311029', '331102999999999', '331103', '331101999999999', '33110', '3311', '3312', '331109001001001', '33110:', '331109', '33111', '3311a', 'x', '', '99', '990000001', '98', '9:'];
  const units = ['331100', '331102', '331109', '331102001', '331109009', '331102001001001', '990000', '990000001'];

  it.each(units)('unit %s', async (unit) => {
    const values = [...codes.map((c) => `(${sqlString(c)})`), '(NULL)'].join(', ');
    const rows = rowsOf(await db.query(`SELECT grid_code, ${underUnit('grid_code', unit)} AS by_range, starts_with(grid_code, ${sqlString(unit.length === 6 && unit.endsWith('00') ? unit.slice(0, unit.endsWith('0000') ? 2 : 4) : unit)}) AS by_prefix FROM (VALUES ${values}) v(grid_code)`));
    for (const row of rows) expect([row.grid_code, row.by_range]).toEqual([row.grid_code, row.by_prefix]);
  });

  it('becomes a filter inside the table scan (where segment min/max can skip rows)', async () => {
    await createEventsTable(db, [{ grid_code: '331102001001001' }]);
    const plan = rowsOf(await db.query(`EXPLAIN SELECT count(*) FROM events WHERE ${eventWhere({ unitCode: '331102' })}`)).map((r) => String(r.explain_value)).join('\n');
    const scan = plan.slice(plan.indexOf('SEQ_SCAN'));
    expect(scan).toContain("grid_code>='331102'");
    expect(scan).toContain("grid_code<'331103'");
  });
});

describe('answers do not follow the physical order of the rows', () => {
  const M_LAT = 180 / (Math.PI * EARTH_RADIUS_M);
  // One repeat place whose two addresses tie (2 events each): the one reported first wins.
  const place: EventFixture[] = [
    { event_id: 'a1', reported_at: '2026-03-10 09:00:00', address: '南路2号', grid_code: '331102001001002' },
    { event_id: 'a2', reported_at: '2026-03-10 10:00:00', address: '北路1号', grid_code: '331102001001001', lat: 28.45 + 10 * M_LAT },
    { event_id: 'a3', reported_at: '2026-03-11 09:00:00', address: '北路1号', grid_code: '331102001001001', lat: 28.45 + 20 * M_LAT },
    { event_id: 'a4', reported_at: '2026-03-11 10:00:00', address: '南路2号', grid_code: '331102001001002', lat: 28.45 + 30 * M_LAT },
  ];
  const period = { start: '2026-03-01 00:00:00', end: '2026-03-20 00:00:00' };

  // Regression: mode(address) broke the tie by the order rows arrived in, so sorting the table changed a briefing.
  it('repeated complaints: the address of a tie is the one reported first, in any row order', async () => {
    for (const rows of [place, [...place].reverse()]) {
      await createEventsTable(db, rows);
      const before = rowsOf(await db.query(repeatedComplaints({ period })));
      await db.query(sortEventsTable('events'));
      const after = rowsOf(await db.query(repeatedComplaints({ period })));
      expect(before.map((r) => [r.event_ids, r.address])).toEqual([['a1,a2,a3,a4', '南路2号']]);
      // Exact but for the mean position, a float sum whose last bit may follow the order.
      const exact = (rows: Record<string, unknown>[]) => rows.map(({ lon, lat, ...rest }) => ({ ...rest, lon: Number(lon).toFixed(9), lat: Number(lat).toFixed(9) }));
      expect(exact(after)).toEqual(exact(before));
    }
  });
});
