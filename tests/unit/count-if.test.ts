import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/engine/database';
import { rowsOf } from '../../src/engine/columns';
import { createNodeDatabase } from '../../src/engine/node';
import { countIf } from '../../src/sql/count-if';

/** countIf must count exactly as `count(*) FILTER (WHERE …)` did, which every measure relied on. */
describe('countIf', () => {
  let db: Database;
  beforeAll(async () => { db = await createNodeDatabase(); });
  afterAll(async () => { await db.close(); });

  const both = async (from: string) => rowsOf(await db.query(`SELECT ${countIf('x')} AS new, count(*) FILTER (WHERE x) AS old ${from}`))[0]!;

  it('counts true conditions, not false or NULL ones, as a JS number', async () => {
    const row = await both('FROM (VALUES (true), (false), (NULL), (true)) t(x)');
    expect(row.new).toBe(2);
    expect(Number(row.old)).toBe(2);
  });

  it('is 0, not NULL, over only NULL conditions and over no rows (count_if alone gives NULL)', async () => {
    expect((await both('FROM (VALUES (NULL::BOOLEAN), (NULL)) t(x)')).new).toBe(0);
    expect((await both('FROM (SELECT true AS x WHERE false)')).new).toBe(0);
    expect(rowsOf(await db.query('SELECT count_if(x) AS bare FROM (VALUES (NULL::BOOLEAN)) t(x)'))[0]!.bare).toBeNull();
  });

  it('agrees with the FILTER form per group', async () => {
    const rows = rowsOf(await db.query(`SELECT g, ${countIf('x > 1')} AS new, count(*) FILTER (WHERE x > 1) AS old
      FROM (VALUES ('a', 1), ('a', 2), ('b', NULL), ('b', 3), ('c', 0)) t(g, x) GROUP BY g ORDER BY g`));
    expect(rows.map((r) => [r.g, r.new, Number(r.old)])).toEqual([['a', 1, 1], ['b', 1, 1], ['c', 0, 0]]);
  });
});
