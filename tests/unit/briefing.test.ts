import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { buildBriefing } from '../../src/briefing/build';
import { briefingManifest, briefingZip, tableCsv } from '../../src/briefing/csv-tables';
import { formatChange, formatNumber, formatPercent, formatRelative } from '../../src/domain/format';
import { baselineOnPeriodScale, indicatorsOutsideBand } from '../../src/briefing/indicators';
import { briefingMarkdown, escapeInline, escapeMarkdown } from '../../src/briefing/markdown';
import { HEADLINE_MEASURE_IDS, measure as headlineMeasure, type MeasureId, type Reason } from '../../src/domain/measures';

const HEADLINE_MEASURES = HEADLINE_MEASURE_IDS.map(headlineMeasure);
import type { Briefing, HeadlineRow } from '../../src/briefing/model';
import { briefingPeriods } from '../../src/briefing/request';
import { briefingTables } from '../../src/briefing/tables';
import type { Database } from '../../src/engine/database';
import { createNodeDatabase } from '../../src/engine/node';
import { createEventsTable, type EventFixture } from '../support/events-table';
import { createUnitsTable } from '../support/units-table';

/** Decode keeping the byte-order mark (TextDecoder drops it by default). */
const strFromU8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('briefing periods', () => {
  it('describes a finished day up to its last second, a running week up to the data time', () => {
    const day = briefingPeriods('daily', '2026-03-10', '2026-03-20 12:00:00');
    expect(day.current).toEqual({ start: '2026-03-10 00:00:00', end: '2026-03-11 00:00:00' });
    expect(day.asOf).toBe('2026-03-10 23:59:59');
    expect(day.days).toEqual(day.current);
    expect(day.series.start).toBe('2026-02-11 00:00:00'); // 28 days ending with the day
    const week = briefingPeriods('weekly', '2026-03-19', '2026-03-19 12:00:00');
    expect(week.current).toEqual({ start: '2026-03-16 00:00:00', end: '2026-03-19 12:00:01' });
    expect(week.toDate).toBe(true);
    expect(week.asOf).toBe('2026-03-19 12:00:00');
    expect(week.days).toEqual({ start: '2026-03-16 00:00:00', end: '2026-03-20 00:00:00' });
    const month = briefingPeriods('monthly', '2026-02-14', '2026-03-20 12:00:00');
    expect(month.current).toEqual({ start: '2026-02-01 00:00:00', end: '2026-03-01 00:00:00' });
    expect(month.series.start).toBe('2025-02-01 00:00:00'); // 13 months, so last year's month is on the chart
  });

  it('refuses an impossible date', () => {
    expect(() => briefingPeriods('daily', '2026-02-30', '2026-03-20 12:00:00')).toThrow(/real calendar day/);
    expect(() => briefingPeriods('daily', '2026-03-21', '2026-03-20 12:00:00')).toThrow(/after the data time/);
  });
});

describe('baselines and normal bands on the period scale', () => {
  const intake = headlineMeasure('intake'), backlog = headlineMeasure('backlog'), onTime = headlineMeasure('on_time_rate');
  it('adds up a flow over the days, keeps a stock at its level, averages a rate', () => {
    expect(baselineOnPeriodScale(intake, { mean7: 10, mean28: 12, sd28: 3, days: 7 })).toEqual({ baseline7: 70, baseline28: 84, band: [84 - 2 * 3 * Math.sqrt(7), 84 + 2 * 3 * Math.sqrt(7)] });
    expect(baselineOnPeriodScale(backlog, { mean7: 100, mean28: 90, sd28: 5, days: 7 })).toEqual({ baseline7: 100, baseline28: 90, band: [80, 100] });
    const rate = baselineOnPeriodScale(onTime, { mean7: 0.9, mean28: 0.9, sd28: 0.2, days: 4 });
    expect(rate.band![0]).toBeCloseTo(0.7, 12);
    expect(rate.band![1]).toBe(1); // clipped to 100 %
  });
  it('has no band without a standard deviation', () => {
    expect(baselineOnPeriodScale(intake, { mean7: null, mean28: 5, sd28: null, days: 1 })).toEqual({ baseline7: null, baseline28: 5, band: null });
  });
  it('lists indicators outside their band, unfavourable first, and says which side is bad news', () => {
    const row = (measure: string, value: number | null, band: [number, number] | null): HeadlineRow => ({
      measure, value, band, previous: null, lastYear: null, change: null, changeRel: null, changeYoy: null, changeYoyRel: null, baseline7: null, baseline28: null, trials: null,
    });
    const found = indicatorsOutsideBand([
      row('intake', 50, [10, 20]), row('closed', 50, [10, 20]), row('backlog', 15, [10, 20]), row('on_time_rate', 0.5, [0.8, 0.95]), row('overdue', null, [1, 2]), row('satisfaction_rate', 0.99, null),
    ], HEADLINE_MEASURES);
    expect(found.map((i) => [i.measure, i.side, i.unfavourable])).toEqual([
      ['intake', 'above', true], ['on_time_rate', 'below', true], ['closed', 'above', false],
    ]);
  });
});

describe('formatting shared by page and command', () => {
  it('writes numbers the same everywhere', () => {
    expect(formatNumber(1234567.891, 1)).toBe('1,234,567.9');
    expect(formatNumber(-0.04, 1)).toBe('0.0');
    expect(formatPercent(0.9071)).toBe('90.7%');
    expect(formatChange('ratio', -0.007, 'zh')).toBe('-0.7 pp');
    expect(formatChange('hours', 0.04, 'en')).toBe('0.0 h');
    expect(formatChange('count', 12, 'zh')).toBe('+12');
    expect(formatRelative(null)).toBe('—');
  });
  it('escapes data so that it cannot become links, HTML or table cells', () => {
    expect(escapeInline('<img src=x onerror=alert(1)> [a](javascript:x) | *b*')).toBe('\\<img src=x onerror=alert(1)\\> \\[a\\](javascript:x) \\| \\*b\\*');
    expect(escapeMarkdown('# 标题')).toBe('\\# 标题');
    expect(escapeMarkdown('360.1 件')).toBe('360.1 件');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
  });
});

/**
 * A small city: one county 331102 with two townships (001 with residents, 002 with none) and
 * a grid in each. Data starts 2026-02-01; the daily briefing is for 2026-03-10.
 */
const UNITS = [
  { code: '331100', level: 'city', name: '测试市', population: 3000 },
  { code: '331102', level: 'county', name: '甲区', parent_code: '331100', population: 3000 },
  { code: '331102001', level: 'township', name: '一街道', parent_code: '331102', population: 3000 },
  { code: '331102002', level: 'township', name: '无人镇', parent_code: '331102', population: 0 },
  { code: '331102001001', level: 'community', name: '一社区', parent_code: '331102001', population: 3000 },
  { code: '331102002001', level: 'community', name: '二社区', parent_code: '331102002', population: 0 },
  { code: '331102001001001', level: 'grid', name: '一网格', parent_code: '331102001001', population: 3000 },
  { code: '331102002001001', level: 'grid', name: '二网格', parent_code: '331102002001', population: 0 },
];

function events(): EventFixture[] {
  const rows: EventFixture[] = [];
  // One event a day from 02-01 to 03-09 in grid 1, closed on time; none on 03-10 closed (a day with no closure).
  for (let d = 0; d < 37; d++) {
    const date = new Date(Date.UTC(2026, 1, 1 + d)).toISOString().slice(0, 10);
    rows.push({ grid_code: '331102001001001', reported_at: `${date} 09:00:00`, accepted_at: `${date} 10:00:00`, closed_at: `${date} 12:00:00`, due_at: `${date} 23:00:00`, status: 'closed', outcome: 'resolved', satisfaction: 'satisfied' });
  }
  // 03-10: four events in the unpopulated township, open; one severity-4 already overdue.
  for (let k = 0; k < 4; k++) rows.push({ grid_code: '331102002001001', severity: k === 0 ? 4 : 1, reported_at: `2026-03-10 0${k}:00:00`, due_at: k === 0 ? '2026-03-10 06:00:00' : '2026-03-20 00:00:00', status: 'accepted', accepted_at: `2026-03-10 0${k}:30:00` });
  return rows;
}

describe('a whole briefing on a hand-made city', () => {
  let db: Database;
  let briefing: Briefing;
  beforeAll(async () => {
    db = await createNodeDatabase();
    await createUnitsTable(db, UNITS);
    await createEventsTable(db, events());
    briefing = await buildBriefing(db, { kind: 'daily', date: '2026-03-10', unitCode: '331102' }, '2026-03-12 23:59:59');
  });
  afterAll(async () => { await db.close(); });

  it('has the day against the day before and the baselines', () => {
    const intake = briefing.headline.find((r) => r.measure === 'intake')!;
    expect(intake).toMatchObject({ value: 4, previous: 1, change: 3, changeRel: 3, lastYear: null, baseline7: 1, baseline28: 1 });
    // Every baseline day had exactly one event: SD 0, so the band is the point 1 and 4 is outside it.
    expect(intake.band).toEqual([1, 1]);
    const closed = briefing.headline.find((r) => r.measure === 'closed')!;
    expect(closed).toMatchObject({ value: 0, previous: 1 });
    // No event closed on the day: its on-time rate is undefined, not 0.
    expect(briefing.headline.find((r) => r.measure === 'on_time_rate')!.value).toBeNull();
    expect(briefing.indicators.map((i) => i.measure)).toContain('intake');
  });

  it('lists the overdue severe event and ranks child townships fairly', () => {
    expect(briefing.matters.overdueSevere.total).toBe(1);
    expect(briefing.children.map((c) => c.row.code)).toEqual(['331102001', '331102002']);
    // Too few closures to rank anyone (minimum 30).
    expect(briefing.children.every((c) => c.rank === null)).toBe(true);
    const noResidents = briefing.children.find((c) => c.row.code === '331102002')!;
    expect(noResidents.row.intake).toBe(4);
    expect(noResidents.row.intake_per_10k).toBeNull(); // no residents: undefined, not infinite or 0
  });

  it('names every unit it mentions and keeps every query for "show SQL"', () => {
    expect(briefing.unitNames['331102002001001']).toBe('二网格');
    // Named with the levels between the briefing's unit (the county) and it, as a meeting reads it.
    expect(briefing.unitPaths['331102002001001']).toBe('无人镇 · 二社区 · 二网格');
    // Links open from a mail or a chat when the page's address is given.
    const markdown = briefingMarkdown(briefing, 'en', { linkBase: 'https://onemap.city.example/' });
    expect(markdown).toContain('](https://onemap.city.example/?unit=');
    expect(markdown).not.toMatch(/\]\(\?unit=/);
    expect(briefing.queries.map((q) => q.id)).toEqual(['headline', 'series', 'categories', 'children', 'departments', 'overdue_severe', 'escalations', 'anomalies', 'repeats', 'emerging', 'unit_names']);
  });

  it('writes the same numbers into the Markdown, the tables and the CSV zip', () => {
    const markdown = briefingMarkdown(briefing, 'en');
    expect(markdown).toContain('| Intake | 4 | 1 | +3 | +300.0% |');
    expect(markdown).toContain('](?unit=331102002001001&range=custom&from=2026-03-10&to=2026-03-10&event=');
    const tables = briefingTables(briefing, 'en');
    const zip = unzipSync(briefingZip(briefing, 'en'));
    const names = Object.keys(zip);
    expect(names.filter((n) => n.endsWith('.csv'))).toHaveLength(tables.length);
    const headline = strFromU8(zip[names.find((n) => n.endsWith('_headline.csv'))!]!);
    expect(headline.startsWith('\uFEFF')).toBe(true);
    expect(headline).toBe(tableCsv(tables[0]!));
    expect(headline.split('\r\n')[1]).toMatch(/^intake,4,1,3,3,,/);
    const manifest = JSON.parse(strFromU8(zip[names.find((n) => n.endsWith('README.json'))!]!)) as { unit: { code: string }; period: { start: string } };
    expect(manifest.unit.code).toBe('331102');
    expect(manifest.period.start).toBe('2026-03-10 00:00:00');
  });

  it('says "unavailable" with the reason, never 0, for measures the data cannot support', async () => {
    // As for a 311 file: no deadline column, so neither overdue nor on-time can be computed.
    const reason = { zh: '数据缺少 due_at，无法计算', en: 'Not available: the data has no due_at' };
    const unavailable = new Map<MeasureId, Reason>([['overdue', reason], ['on_time_rate', reason]]);
    const without = await buildBriefing(db, { kind: 'daily', date: '2026-03-10', unitCode: '331102' }, '2026-03-12 23:59:59', unavailable);
    expect(without.headline.find((r) => r.measure === 'overdue')).toMatchObject({ value: null, previous: null, baseline28: null, band: null });
    expect(without.indicators.map((i) => i.measure)).not.toContain('overdue');
    const en = briefingMarkdown(without, 'en');
    expect(en).toContain('| Overdue | unavailable | — |');
    expect(en).toContain('Unavailable measures (Overdue: Not available: the data has no due\\_at; On-time rate: Not available: the data has no due\\_at)');
    expect(en).toContain('open at the end of the period (overdue: unavailable).');
    expect(en).toContain('On-time rate unavailable, satisfaction rate');
    expect(en).toContain('Matters needing attention: overdue events of severity 3 or more unavailable,');
    expect(en).toContain('Unavailable: Not available: the data has no due\\_at');
    // Nor in the rankings: the department's overdue count and on-time interval are blank, not 0 (and its name is in English).
    expect(en).toContain('| no data | Comprehensive Law Enforcement Bureau | — | — | 0 | 4 | — |');
    expect(without.series.every((r) => r.overdue === null && r.on_time_rate === null)).toBe(true);
    expect(briefingManifest(without).unavailable).toEqual({ overdue: reason, on_time_rate: reason });
    expect(briefingManifest(briefing).unavailable).toBeUndefined();
    const zh = briefingMarkdown(without, 'zh');
    expect(zh).toContain('件（超期件数不可用）。');
    expect(zh).toContain('需关注事项：三级以上超期不可用，');
    expect(zh).toContain('不可用：数据缺少 due\\_at，无法计算');
    // The same briefing with every measure supported still shows the overdue event.
    expect(briefing.matters.overdueSevere.total).toBe(1);
  });

  it('refuses a unit that is not in the units table', async () => {
    await expect(buildBriefing(db, { kind: 'daily', date: '2026-03-10', unitCode: '331199' }, '2026-03-12 23:59:59')).rejects.toThrow(/Unknown unit code "331199"/);
  });
});

describe('formula payloads in briefing CSV', () => {
  it('come out neutralised while numbers stay numbers', () => {
    const csv = tableCsv({ id: 't', query: 't', title: 't', columns: ['a', 'b'], rows: [[{ text: '=1+1', value: '=1+1' }, { text: '-5', value: -5 }], [{ text: '@SUM(A1)', value: '@SUM(A1)' }, { text: '', value: null }]] });
    expect(csv).toBe("\uFEFFa,b\r\n'=1+1,-5\r\n'@SUM(A1),\r\n");
  });
});
