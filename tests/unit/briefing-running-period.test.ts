import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/briefing/build';
import { briefingMarkdown } from '../../src/briefing/markdown';
import type { Database } from '../../src/engine/database';
import { loadDataset } from '../../src/engine/load';
import { createNodeDatabase } from '../../src/engine/node';
import { createEventsTable, type EventFixture } from '../support/events-table';
import { requireTestData } from '../support/test-data';
import { createUnitsTable } from '../support/units-table';

/**
 * A week still running must be set against its baseline over the days elapsed, not over
 * one day: with a steady 4 events a day, a week cut at Thursday 12:00 (3.5 days) has
 * intake 14 and a 28-day baseline of 4 × 3.5 = 14, so nothing is "above the band".
 */
const GRID = '331102001001001';
const UNITS = [
  { code: '331100', level: 'city', name: '丽水市' },
  { code: '331102', level: 'county', name: '莲都区', parent_code: '331100' },
  { code: '331102001', level: 'township', name: '一街道', parent_code: '331102' },
  { code: '331102001001', level: 'community', name: '一社区', parent_code: '331102001' },
  { code: GRID, level: 'grid', name: '一网格', parent_code: '331102001001' },
];

function steadyEvents(): EventFixture[] {
  const rows: EventFixture[] = [];
  // 2026-02-01 … 2026-03-12 (Thursday), four events a day at 01:00, 05:00, 13:00 and 17:00, closed two hours later.
  for (let d = 0; d < 40; d++) {
    const date = new Date(Date.UTC(2026, 1, 1 + d)).toISOString().slice(0, 10);
    for (const hour of ['01', '05', '13', '17']) {
      rows.push({ grid_code: GRID, reported_at: `${date} ${hour}:00:00`, accepted_at: `${date} ${hour}:30:00`, closed_at: `${date} ${hour}:59:00`, due_at: `${date} 23:00:00`, status: 'closed' });
    }
  }
  return rows;
}

describe('a briefing for a period still in progress', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createNodeDatabase();
    await createUnitsTable(db, UNITS);
    await createEventsTable(db, steadyEvents());
  });
  afterAll(async () => { await db.close(); });

  it('scales flows to the elapsed days and raises no false alarm', async () => {
    // The week of Monday 2026-03-09, data up to Thursday 12:00: 3.5 days elapsed, 14 events reported.
    const briefing = await buildBriefing(db, { kind: 'weekly', date: '2026-03-11', unitCode: '331102' }, '2026-03-12 11:59:59');
    const intake = briefing.headline.find((r) => r.measure === 'intake')!;
    expect(intake.value).toBe(14);
    expect(intake.baseline28).toBeCloseTo(14, 6);
    expect(intake.band).not.toBeNull();
    expect(intake.band![0]).toBeLessThanOrEqual(14);
    expect(intake.band![1]).toBeGreaterThanOrEqual(14);
    expect(briefing.indicators.map((i) => i.measure)).not.toContain('intake');
    expect(briefing.indicators.map((i) => i.measure)).not.toContain('closed');
    // The reader is told how much of the period has passed.
    expect(briefingMarkdown(briefing, 'en')).toContain('2026-03-09 – 2026-03-12, to the data time (3.5 of 7 days)');
    expect(briefingMarkdown(briefing, 'zh')).toContain('截至数据时点（本期 7 天已过 3.5 天）');
  });
});

/**
 * Weekdays busy (10 reports, every two hours from 00:00), weekends quiet (2, at 09:00 and
 * 15:00), each closed an hour later: a running week or day is set against the same elapsed
 * span of the previous weeks or days, not against a daily mean that includes the weekend.
 */
function weekdayEvents(): EventFixture[] {
  const rows: EventFixture[] = [];
  for (let d = 0; d < 40; d++) {
    const day = new Date(Date.UTC(2026, 1, 1 + d));
    const date = day.toISOString().slice(0, 10);
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    const hours = weekend ? [9, 15] : [0, 2, 4, 6, 8, 10, 12, 14, 16, 18];
    for (const hour of hours) {
      const at = (h: number) => `${date} ${String(h).padStart(2, '0')}:00:00`;
      rows.push({ grid_code: GRID, reported_at: at(hour), accepted_at: at(hour), closed_at: at(hour + 1), due_at: `${date} 23:00:00`, status: 'closed' });
    }
  }
  return rows;
}

describe('a running period against the same elapsed span of earlier weeks and days', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createNodeDatabase();
    await createUnitsTable(db, UNITS);
    await createEventsTable(db, weekdayEvents());
  });
  afterAll(async () => { await db.close(); });

  it('sets Monday to Thursday noon against Monday to Thursday noon of the 4 weeks before', async () => {
    const briefing = await buildBriefing(db, { kind: 'weekly', date: '2026-03-11', unitCode: '331102' }, '2026-03-12 11:59:59');
    const intake = briefing.headline.find((r) => r.measure === 'intake')!;
    const closed = briefing.headline.find((r) => r.measure === 'closed')!;
    // 3 weekdays of 10 and Thursday's 6 before noon; every earlier week the same. A daily mean × 3.5 would say 27.
    expect(intake.value).toBe(36);
    expect(intake.baseline28).toBe(36);
    expect(intake.baseline7).toBe(36);
    expect(closed.value).toBe(36);
    expect(closed.baseline28).toBe(36);
    expect(briefing.indicators.map((i) => i.measure)).not.toContain('intake');
    // A stock is still the level at the end, from the daily baseline.
    expect(briefing.headline.find((r) => r.measure === 'backlog')!.baseline28).not.toBeNull();
  });

  it('sets a day cut at noon against the same hours of the 28 days before', async () => {
    const briefing = await buildBriefing(db, { kind: 'daily', date: '2026-03-12', unitCode: '331102' }, '2026-03-12 11:59:59');
    const intake = briefing.headline.find((r) => r.measure === 'intake')!;
    expect(intake.value).toBe(6);
    // 12 Feb – 11 Mar: 20 weekdays with 6 reports before noon, 8 weekend days with 1.
    expect(intake.baseline28).toBeCloseTo((20 * 6 + 8 * 1) / 28, 9);
    // The last 7 days: 5 weekdays and 2 weekend days.
    expect(intake.baseline7).toBeCloseTo((5 * 6 + 2 * 1) / 7, 9);
  });

  it('keeps the daily mean times the days for a finished week', async () => {
    const briefing = await buildBriefing(db, { kind: 'weekly', date: '2026-03-04', unitCode: '331102' }, '2026-03-12 11:59:59');
    const intake = briefing.headline.find((r) => r.measure === 'intake')!;
    expect(intake.value).toBe(54);
    expect(intake.baseline28).toBeCloseTo(54, 9);
  });
});

describe('one measure, one number', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createNodeDatabase();
    const { source } = requireTestData();
    await loadDataset(db, source);
  }, 120_000);
  afterAll(async () => { await db.close(); });

  // A finished week and the week still running at the data time, on the generated test city.
  it.each([['2026-11-20'], ['2026-11-27']])('the headline equals the trend row of the same period (week of %s)', async (date) => {
    const { asOf } = requireTestData();
    const briefing = await buildBriefing(db, { kind: 'weekly', date, unitCode: '331100' }, asOf);
    const row = briefing.series.find((r) => r.period === briefing.periods.current.start.slice(0, 10))!;
    expect(row, 'the trend has the period').toBeDefined();
    for (const headline of briefing.headline) {
      const trend = row[headline.measure];
      if (headline.value === null) expect(trend ?? null, headline.measure).toBeNull();
      else expect(Number(trend), headline.measure).toBeCloseTo(headline.value, 9);
    }
  });
});
