import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/engine/columns';
import { loadDataset } from '../../src/engine/load';
import { createNodeDatabase } from '../../src/engine/node';
import { refreshEvents } from '../../src/engine/refresh';
import { EVENT_STORE, eventsLocation } from '../../src/sql/event-store';
import { EVENTS_ORDER } from '../../src/sql/load';
import { eventIdByRow } from '../../src/sql/points';
import { installUserTables } from '../../src/ingest/install-tables';
import { packEventsDuckDb } from '../../scripts/lib/pack-duckdb';
import { requireTestData } from '../support/test-data';

type NodeDb = Awaited<ReturnType<typeof createNodeDatabase>>;

const one = async (db: NodeDb, sql: string) => rowsOf(await db.query(sql))[0]!;
/** Every row, in table order, as one digest: equal digests mean equal rows in the same order. */
const digest = (db: NodeDb, table = 'events') =>
  one(db, `SELECT count(*)::INTEGER AS n, md5(string_agg(COLUMNS(*)::VARCHAR, '|' ORDER BY rowid)) AS d FROM ${table}`);
const where = async (db: NodeDb) => String((await one(db, eventsLocation())).database_name);

describe('events served from an attached DuckDB file (events.duckdb)', () => {
  const data = requireTestData();
  let fromFile: NodeDb;
  let fromArrow: NodeDb;

  beforeAll(async () => {
    fromFile = await createNodeDatabase();
    fromArrow = await createNodeDatabase();
    await loadDataset(fromFile, data.source, 'duckdb');
    await loadDataset(fromArrow, data.source, 'arrow');
  });
  afterAll(async () => {
    await fromFile?.close();
    await fromArrow?.close();
  });

  it('holds the same rows in the same order as the Arrow file, in EVENTS_ORDER', async () => {
    expect(await where(fromFile)).toBe(EVENT_STORE);
    expect(await where(fromArrow)).toBe('memory');
    const [a, b] = [await digest(fromFile), await digest(fromArrow)];
    expect(a.n).toBeGreaterThan(20_000);
    expect(a).toEqual(b);
    const outOfOrder = await one(fromFile, `SELECT count(*)::INTEGER AS n FROM (SELECT rowid AS r, row_number() OVER (ORDER BY ${EVENTS_ORDER}) - 1 AS sorted FROM events) WHERE r <> sorted`);
    expect(outOfOrder.n).toBe(0);
  });

  it('gives row ids that find the event (what a click on a map point uses)', async () => {
    const row = await one(fromFile, 'SELECT rowid::INTEGER AS r, event_id FROM events LIMIT 1 OFFSET 1234');
    expect((await one(fromFile, eventIdByRow(Number(row.r)))).event_id).toBe(row.event_id);
  });

  it('is written with the same content each time, though not the same bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onemap-pack-'));
    try {
      await packEventsDuckDb(join(data.dir, 'events.csv'), join(dir, 'events.duckdb'));
      const again = await createNodeDatabase();
      try {
        await loadDataset(again, { read: async (name) => readFileSync(name === 'events.duckdb' ? join(dir, name) : join(data.dir, name)) }, 'duckdb');
        expect(await digest(again)).toEqual(await digest(fromFile));
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loads again over itself (the demo restored after the user data)', async () => {
    const before = await digest(fromFile);
    await loadDataset(fromFile, data.source, 'duckdb');
    expect(await digest(fromFile)).toEqual(before);
  });

  describe('a live refresh on top of the file', () => {
    let db: NodeDb;
    let firstHundred: Uint8Array;
    beforeAll(async () => {
      db = await createNodeDatabase();
      firstHundred = fromArrow.exportArrowIpc('SELECT * FROM events ORDER BY event_id LIMIT 100');
    });
    afterAll(async () => { await db?.close(); });

    it('replaces the file\'s events by an in-memory table and lets the file go', async () => {
      await loadDataset(db, data.source, 'duckdb');
      const outcome = await refreshEvents(db, firstHundred.slice(), 'replace');
      expect(outcome.rows).toBe(100);
      expect(await where(db)).toBe('memory');
      expect((await one(db, `SELECT count(*)::INTEGER AS n FROM duckdb_databases() WHERE database_name = '${EVENT_STORE}'`)).n).toBe(0);
      expect((await one(db, "SELECT current_setting('search_path') AS p")).p).toBe('');
    });

    it('appends to a copy of the file\'s events (the file is read-only)', async () => {
      await loadDataset(db, data.source, 'duckdb');
      const total = Number((await digest(db)).n);
      const changed = fromArrow.exportArrowIpc(`(SELECT * REPLACE ('closed' AS status) FROM events ORDER BY event_id LIMIT 3)
        UNION ALL (SELECT * REPLACE ('wall-new-' || event_id AS event_id) FROM events ORDER BY event_id LIMIT 2)`);
      const outcome = await refreshEvents(db, changed, 'append');
      expect(outcome).toMatchObject({ rows: total + 2, incoming: 5 });
      expect(await where(db)).toBe('memory');
      expect((await one(db, "SELECT count(*)::INTEGER AS n FROM events WHERE event_id LIKE 'wall-new-%'")).n).toBe(2);
    });

    it('keeps the file\'s events when the refreshed data is refused', async () => {
      await loadDataset(db, data.source, 'duckdb');
      const before = await digest(db);
      const duplicated = fromArrow.exportArrowIpc('SELECT * FROM (SELECT * FROM events LIMIT 2) UNION ALL SELECT * FROM (SELECT * FROM events LIMIT 2)');
      await expect(refreshEvents(db, duplicated, 'replace')).rejects.toThrow(/more than once/);
      expect(await where(db)).toBe(EVENT_STORE);
      expect(await digest(db)).toEqual(before);
    });

    it('gives way to the user\'s own data, all or nothing', async () => {
      await loadDataset(db, data.source, 'duckdb');
      const units = 'code,name,level,parent_code,population,households,area_km2,grid_workers,kind,label_lon,label_lat,source_code\n'
        + '990000,User city,city,,1,1,1,1,urban,120,30,X\n';
      // Refused (events outside the top unit): the file's events stay in use.
      await expect(installUserTables(db, firstHundred.slice(), units)).rejects.toThrow(/not under the top unit/);
      expect(await where(db)).toBe(EVENT_STORE);
      const userEvents = fromArrow.exportArrowIpc("SELECT * REPLACE ('990000001001001001' AS grid_code) FROM events ORDER BY event_id LIMIT 10");
      const installed = await installUserTables(db, userEvents, units);
      expect(installed.rows).toBe(10);
      expect(await where(db)).toBe('memory');
      expect((await one(db, 'SELECT count(*)::INTEGER AS n FROM events')).n).toBe(10);
    });
  });
});
