import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/briefing/build';
import { emergingByPlace, repeatsByPlace } from '../../src/briefing/one-per-place';
import type { Database } from '../../src/engine/database';
import { loadDataset } from '../../src/engine/load';
import { createNodeDatabase } from '../../src/engine/node';
import { requireTestData } from '../support/test-data';

describe('one row per place in the matter lists', () => {
  it('an emerging hot spot whose run was flagged on three days is one row, the most improbable, with the days', () => {
    const rows = [
      { level: 'grid', unit_code: 'G1', category: 'noise', day: '2026-03-05', probability: 1e-9 },
      { level: 'grid', unit_code: 'G2', category: 'noise', day: '2026-03-05', probability: 1e-8 },
      { level: 'grid', unit_code: 'G1', category: 'noise', day: '2026-03-04', probability: 1e-7 },
      { level: 'grid', unit_code: 'G1', category: 'parking', day: '2026-03-04', probability: 1e-6 },
      { level: 'grid', unit_code: 'G1', category: 'noise', day: '2026-03-06', probability: 1e-5 },
    ];
    const merged = emergingByPlace(rows);
    expect(merged.map((r) => [r.unit_code, r.category, r.day, r.flagged_days])).toEqual([
      ['G1', 'noise', '2026-03-05', 3], ['G2', 'noise', '2026-03-05', 1], ['G1', 'parking', '2026-03-04', 1],
    ]);
  });

  it('two repeat places of one category at the same address are one, their events counted once', () => {
    const rows = [
      { category: 'noise', address: '解放街 1 号', event_ids: 'a,b,c,d', event_count: 4, first_reported: '2026-03-01 08:00:00', last_reported: '2026-03-05 08:00:00', grid_code: 'G1', lon: 120, lat: 28 },
      { category: 'noise', address: '解放街 1 号 ', event_ids: 'c,d,e', event_count: 3, first_reported: '2026-03-02 08:00:00', last_reported: '2026-03-06 08:00:00', grid_code: 'G2', lon: 120.007, lat: 28 },
      { category: 'parking', address: '解放街 1 号', event_ids: 'x,y,z', event_count: 3, first_reported: '2026-03-01 08:00:00', last_reported: '2026-03-02 08:00:00', grid_code: 'G1', lon: 120, lat: 28 },
      { category: 'noise', address: null, event_ids: 'p,q,r', event_count: 3, first_reported: '2026-03-01 08:00:00', last_reported: '2026-03-02 08:00:00', grid_code: 'G3', lon: 121, lat: 28 },
      { category: 'noise', address: null, event_ids: 's,t,u', event_count: 3, first_reported: '2026-03-01 08:00:00', last_reported: '2026-03-03 08:00:00', grid_code: 'G4', lon: 122, lat: 28 },
    ];
    const merged = repeatsByPlace(rows);
    expect(merged).toHaveLength(4);
    const place = merged[0]!;
    expect(place).toMatchObject({ category: 'noise', event_count: 5, first_reported: '2026-03-01 08:00:00', last_reported: '2026-03-06 08:00:00', grid_code: 'G2' });
    expect(String(place.event_ids).split(',').sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(place.lon).toBeCloseTo(120.003, 6);
  });

  describe('on the generated test city', () => {
    let db: Database;
    beforeAll(async () => { db = await createNodeDatabase(); await loadDataset(db, requireTestData().source); }, 120_000);
    afterAll(async () => { await db.close(); });

    it.each([['daily', '2026-11-26'], ['weekly', '2026-11-20']] as const)('the %s briefing lists each place once', async (kind, date) => {
      const briefing = await buildBriefing(db, { kind, date, unitCode: '331100' }, requireTestData().asOf);
      const keys = (rows: Record<string, unknown>[], key: (r: Record<string, unknown>) => string) => rows.map(key);
      const emerging = keys(briefing.matters.emerging?.rows ?? [], (r) => `${String(r.unit_code)}|${String(r.category)}`);
      expect(new Set(emerging).size).toBe(emerging.length);
      const repeats = keys(briefing.matters.repeats.rows.filter((r) => r.address), (r) => `${String(r.category)}|${String(r.address).trim()}`);
      expect(new Set(repeats).size).toBe(repeats.length);
    });
  });
});
