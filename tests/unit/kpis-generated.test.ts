import { median, wallClockMs } from '../support/plain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/engine/database';
import { firstRow } from '../../src/engine/columns';
import { loadDataset } from '../../src/engine/load';
import { createNodeDatabase } from '../../src/engine/node';
import { kpiStrip } from '../../src/sql/kpis';
import { parseCsvRecords } from '../support/csv';
import { requireTestData } from '../support/test-data';

const DAY = 86_400_000;
const ms = wallClockMs;

/** The KPI strip computed the plain way, from the CSV text, without DuckDB. */
function kpisInJs(records: Record<string, string | null>[], asOf: string, prefix: string) {
  const now = ms(asOf)!;
  const today = Math.floor(now / DAY) * DAY;
  const monthStart = today - 29 * DAY;
  const rows = records.filter((r) => r.grid_code!.startsWith(prefix));
  const open = rows.filter((r) => ms(r.reported_at)! <= now && (r.closed_at === null || ms(r.closed_at)! > now));
  const closed = rows.filter((r) => r.status !== 'invalid' && r.closed_at !== null && ms(r.closed_at)! >= monthStart && ms(r.closed_at)! <= now);
  const responses = rows
    .filter((r) => r.status !== 'invalid' && r.accepted_at !== null && ms(r.reported_at)! >= monthStart && ms(r.reported_at)! <= now)
    .map((r) => (ms(r.accepted_at)! - ms(r.reported_at)!) / 3_600_000);
  return {
    intake_today: rows.filter((r) => ms(r.reported_at)! >= today && ms(r.reported_at)! <= now).length,
    backlog: open.length,
    overdue: open.filter((r) => ms(r.due_at)! < now).length,
    on_time_rate_30d: closed.length ? closed.filter((r) => ms(r.closed_at)! <= ms(r.due_at)!).length / closed.length : null,
    response_median_30d: median(responses),
  };
}

describe('kpiStrip on the generated test dataset, against plain JS', () => {
  const data = requireTestData();
  const records = parseCsvRecords(readFileSync(join(data.dir, 'events.csv'), 'utf8'));
  let db: Database;
  beforeAll(async () => {
    db = await createNodeDatabase();
    await loadDataset(db, data.source, 'arrow');
  });
  afterAll(async () => { await db.close(); });

  for (const [label, unitCode, prefix] of [['the city', '331100', '3311'], ['莲都区', '331102', '331102'], ['a township', '331102001', '331102001']] as const) {
    it(`agrees for ${label}`, async () => {
      const expected = kpisInJs(records, data.asOf, prefix);
      expect(expected.backlog).toBeGreaterThan(0);
      const actual = firstRow(await db.query(kpiStrip(data.asOf, { unitCode })));
      for (const [id, value] of Object.entries(expected)) {
        if (value === null) expect(actual[id], id).toBeNull();
        else expect(actual[id], id).toBeCloseTo(value, 6);
      }
    });
  }

  it('loads the same table from Arrow IPC and from CSV', async () => {
    const csvDb = await createNodeDatabase();
    try {
      const fromCsv = await loadDataset(csvDb, data.source, 'csv');
      expect(fromCsv.rows).toBe(records.length);
      const digest = "SELECT count(*) AS n, sum(hash(event_id, channel, category, severity, lon, lat, grid_code, status, reported_at, closed_at, due_at, description, address)) AS h FROM events";
      expect(firstRow(await csvDb.query(digest))).toEqual(firstRow(await db.query(digest)));
    } finally {
      await csvDb.close();
    }
  });
});
