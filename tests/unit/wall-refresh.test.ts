import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeDatabase } from '../../src/engine/node';
import { InvalidEventsError, refreshEvents, schemaProblem } from '../../src/engine/refresh';
import { requireTestData } from '../support/test-data';

type NodeDb = Awaited<ReturnType<typeof createNodeDatabase>>;

async function count(db: NodeDb, where = 'TRUE'): Promise<number> {
  return Number((await db.query(`SELECT count(*)::INTEGER AS n FROM events WHERE ${where}`)).getChild('n')!.get(0));
}

describe('refreshing the events table from a source (wall display)', () => {
  const data = requireTestData();
  const original = readFileSync(join(data.dir, 'events.arrow'));
  let db: NodeDb;
  let firstHundred: Uint8Array;
  let total: number;

  beforeAll(async () => {
    db = await createNodeDatabase();
    await db.insertArrowIpc('events', original);
    total = await count(db);
    firstHundred = db.exportArrowIpc('SELECT * FROM events ORDER BY event_id LIMIT 100');
  });
  afterAll(async () => { await db?.close(); });

  it('replaces the table with valid data and reports the newest report time', async () => {
    const outcome = await refreshEvents(db, firstHundred, 'replace');
    expect(outcome).toMatchObject({ rows: 100, incoming: 100 });
    expect(outcome.newestReport).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(await count(db)).toBe(100);
    await refreshEvents(db, original, 'replace');
    expect(await count(db)).toBe(total);
  });

  it('appends by event_id: known ids are replaced, new ones added', async () => {
    const changed = db.exportArrowIpc(`(SELECT * REPLACE ('closed' AS status) FROM events ORDER BY event_id LIMIT 3)
      UNION ALL (SELECT * REPLACE ('wall-new-' || event_id AS event_id) FROM events ORDER BY event_id LIMIT 2)`);
    const outcome = await refreshEvents(db, changed, 'append');
    expect(outcome.rows).toBe(total + 2);
    expect(await count(db, "event_id LIKE 'wall-new-%'")).toBe(2);
    await refreshEvents(db, original, 'replace');
  });

  const rejected: [string, () => Uint8Array, RegExp][] = [
    ['an empty body', () => new Uint8Array(0), /empty/],
    ['HTML instead of Arrow', () => new TextEncoder().encode('<html><body>502 Bad Gateway</body></html>'), /not an Arrow IPC stream/],
    ['a table without the events columns', () => db.exportArrowIpc('SELECT 1 AS x'), /columns missing/],
    ['a column of the wrong type', () => db.exportArrowIpc('SELECT * REPLACE (severity::VARCHAR AS severity) FROM events LIMIT 5'), /severity is VARCHAR/],
    ['no rows', () => db.exportArrowIpc('SELECT * FROM events WHERE FALSE'), /no events/],
    ['duplicate ids', () => db.exportArrowIpc('SELECT * FROM (SELECT * FROM events LIMIT 2) UNION ALL SELECT * FROM (SELECT * FROM events LIMIT 2)'), /more than once/],
  ];
  it.each(rejected)('rejects %s and leaves the table as it was', async (_name, bytes, message) => {
    const attempt = refreshEvents(db, bytes(), 'replace');
    await expect(attempt).rejects.toBeInstanceOf(InvalidEventsError);
    await expect(attempt).rejects.toThrow(message);
    expect(await count(db)).toBe(total);
    const staging = await db.query("SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'events_incoming'");
    expect(Number(staging.getChild('n')!.get(0))).toBe(0);
  });

  it('names the problem of a schema', () => {
    expect(schemaProblem([])).toMatch(/no table/);
  });
});
