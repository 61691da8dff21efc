import { DEMO_CITY_CODE } from '../../src/domain/demo-city';
import { unitPrefix } from '../../src/domain/unit-codes';
import { DAY_MS, HOUR_MS, timestampMs } from '../../src/domain/wall-clock';
import { CATEGORIES } from '../../src/domain/categories';
import { kpiStrip } from '../../src/sql/kpis';
import { lastDays } from '../../src/sql/period';
import { eventPoints } from '../../src/sql/points';
import { dailyIntakeByCategory } from '../../src/sql/trends';
import { unitMeasures } from '../../src/sql/unit-measures';
import type { UnitLevel } from '../../src/domain/units';
import type { PlainEvent } from './plain-events';

/** A normalised answer: rows of numbers and strings, comparable across engines. */
export type Answer = (string | number | null)[][];

/**
 * One question the dashboard asks, answered three ways in the benchmark: OneMap's SQL in
 * the browser, the same SQL on native DuckDB, and plain JS over row objects.
 */
export interface Question {
  id: string;
  /** Which panel asks it, for the report. */
  panel: string;
  /** The SQL the panel runs (what is timed). */
  sql(asOf: string): string;
  /** SQL with a small result that pins down the panel's answer (a digest for large results). */
  answerSql(asOf: string): string;
  /** Fold the rows of answerSql into the normalised answer. */
  fromSql(rows: Record<string, unknown>[]): Answer;
  plainJs(events: PlainEvent[], asOf: string): Answer;
}

const DAY = DAY_MS;
const HOUR = HOUR_MS;
export const DRILL_UNIT = '331102'; // 莲都区, the urban core

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const round = (value: number | null, digits = 6): number | null => (value === null || Number.isNaN(value) ? null : Number(value.toFixed(digits)));
const ms = timestampMs;

function kpiQuestion(id: string, panel: string, unitCode: string | undefined): Question {
  return {
    id, panel,
    sql: (asOf) => kpiStrip(asOf, unitCode ? { unitCode } : {}),
    answerSql: (asOf) => kpiStrip(asOf, unitCode ? { unitCode } : {}),
    fromSql: (rows) => rows.map((r) => [num(r.intake_today), num(r.backlog), num(r.overdue), round(num(r.on_time_rate_30d)), round(num(r.response_median_30d))]),
    plainJs: (events, asOf) => {
      const now = ms(asOf);
      const today = Math.floor(now / DAY) * DAY;
      const monthStart = today - 29 * DAY;
      const prefix = unitCode ? unitPrefix(unitCode) : '';
      const mine = events.filter((e) => e.grid_code.startsWith(prefix));
      const open = mine.filter((e) => e.reported_at.getTime() <= now && (e.closed_at === null || e.closed_at.getTime() > now));
      const closed = mine.filter((e) => e.status !== 'invalid' && e.closed_at !== null && e.closed_at.getTime() >= monthStart && e.closed_at.getTime() <= now);
      const responses = mine
        .filter((e) => e.status !== 'invalid' && e.accepted_at !== null && e.reported_at.getTime() >= monthStart && e.reported_at.getTime() <= now)
        .map((e) => (e.accepted_at!.getTime() - e.reported_at.getTime()) / HOUR)
        .sort((a, b) => a - b);
      const mid = responses.length >> 1;
      const median = responses.length === 0 ? null : responses.length % 2 ? responses[mid]! : (responses[mid - 1]! + responses[mid]!) / 2;
      return [[
        mine.filter((e) => e.reported_at.getTime() >= today && e.reported_at.getTime() <= now).length,
        open.length,
        open.filter((e) => e.due_at.getTime() < now).length,
        round(closed.length ? closed.filter((e) => e.closed_at!.getTime() <= e.due_at.getTime()).length / closed.length : null),
        round(median),
      ]];
    },
  };
}

function pointsQuestion(id: string, panel: string, unitCode: string | undefined): Question {
  const categoryIndex = new Map(CATEGORIES.map((c, i) => [c.code, i]));
  return {
    id, panel,
    sql: (asOf) => eventPoints(lastDays(asOf, 30), unitCode ? { unitCode } : {}),
    // A point list is large: compare its size and sums rather than every row.
    answerSql: (asOf) => `SELECT count(*) AS n, sum(severity) AS severity, sum(category_index) AS category FROM (${eventPoints(lastDays(asOf, 30), unitCode ? { unitCode } : {})})`,
    fromSql: (rows) => rows.map((r) => [num(r.n), num(r.severity), num(r.category)]),
    plainJs: (events, asOf) => {
      const period = lastDays(asOf, 30);
      const start = ms(period.start), end = ms(period.end);
      const prefix = unitCode ? unitPrefix(unitCode) : '';
      const points = events
        .filter((e) => e.reported_at.getTime() >= start && e.reported_at.getTime() < end && e.grid_code.startsWith(prefix))
        .map((e) => ({ lon: e.lon, lat: e.lat, category_index: categoryIndex.get(e.category) ?? -1, severity: e.severity }));
      return [[points.length, points.reduce((s, p) => s + p.severity, 0), points.reduce((s, p) => s + p.category_index, 0)]];
    },
  };
}

const trendQuestion: Question = {
  id: 'trend_daily_category_90d', panel: 'trend chart',
  sql: (asOf) => dailyIntakeByCategory(lastDays(asOf, 90)),
  answerSql: (asOf) => dailyIntakeByCategory(lastDays(asOf, 90)),
  fromSql: (rows) => rows.map((r) => [dayText(r.day), String(r.category), num(r.intake)]),
  plainJs: (events, asOf) => {
    const period = lastDays(asOf, 90);
    const start = ms(period.start), end = ms(period.end);
    const counts = new Map<string, number>();
    for (const e of events) {
      const t = e.reported_at.getTime();
      if (t < start || t >= end) continue;
      const key = `${e.reported_at.toISOString().slice(0, 10)}|${e.category}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts.entries()].map(([key, n]) => [...key.split('|'), n] as [string, string, number])
      .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
  },
};

const KEY_LENGTH: Partial<Record<UnitLevel, number>> = { county: 6, township: 9 };

/**
 * The ranking list's and choropleth's per-unit measures for the children of a unit. The
 * timed SQL is the full query; the agreement check compares intake, backlog and overdue
 * per unit (units with neither intake nor backlog left out on both sides).
 */
function unitsQuestion(id: string, panel: string, level: 'county' | 'township', parentCode: string): Question {
  const sql = (asOf: string) => unitMeasures({ level, parentCode, period: lastDays(asOf, 30), asOf });
  return {
    id, panel, sql,
    answerSql: (asOf) => `SELECT code, intake, backlog, overdue FROM (${sql(asOf)}) WHERE intake + backlog > 0 ORDER BY code`,
    fromSql: (rows) => rows.map((r) => [String(r.code), num(r.intake), num(r.backlog), num(r.overdue)]),
    plainJs: (events, asOf) => {
      const now = ms(asOf);
      const period = lastDays(asOf, 30);
      const start = ms(period.start), end = ms(period.end);
      const prefix = unitPrefix(parentCode);
      const length = KEY_LENGTH[level]!;
      const byUnit = new Map<string, [number, number, number]>();
      for (const e of events) {
        if (!e.grid_code.startsWith(prefix)) continue;
        const key = e.grid_code.slice(0, length);
        const counts = byUnit.get(key) ?? [0, 0, 0];
        const reported = e.reported_at.getTime();
        if (reported >= start && reported < end) counts[0]++;
        if (reported <= now && (e.closed_at === null || e.closed_at.getTime() > now)) {
          counts[1]++;
          if (e.due_at.getTime() < now) counts[2]++;
        }
        byUnit.set(key, counts);
      }
      return [...byUnit.entries()].filter(([, c]) => c[0] + c[1] > 0).sort((a, b) => a[0].localeCompare(b[0])).map(([code, c]) => [code, ...c]);
    },
  };
}

/** DATE values arrive as epoch ms (wasm), Date, or text (native); all become YYYY-MM-DD. */
function dayText(value: unknown): string {
  if (typeof value === 'number') return new Date(value).toISOString().slice(0, 10);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

/** What the first screen asks (city level). */
export const DASHBOARD_QUESTIONS: Question[] = [
  kpiQuestion('kpi_city', 'KPI strip', undefined),
  pointsQuestion('points_city_30d', 'map points', undefined),
  trendQuestion,
  unitsQuestion('units_counties', 'ranking + choropleth', 'county', DEMO_CITY_CODE),
];

/**
 * What a drill-down into one county re-asks: every panel, filtered. OneMap answered it 6–9×
 * faster than plain JS at 1M events in the runs so far (target 10×), though plain JS computes
 * less here: only intake, backlog and overdue per unit where the SQL computes every measure
 * (the ranking query, 55 ms, is most of OneMap's time), and it needs the CSV turned into
 * objects first (≈ 50 s at 1M); the timed part is only its filter and reduce.
 */
export const DRILL_QUESTIONS: Question[] = [
  kpiQuestion('kpi_county', 'KPI strip (drill-down)', DRILL_UNIT),
  pointsQuestion('points_county_30d', 'map points (drill-down)', DRILL_UNIT),
  unitsQuestion('units_townships_in_county', 'ranking + choropleth (drill-down)', 'township', DRILL_UNIT),
];

export const ALL_QUESTIONS = [...DASHBOARD_QUESTIONS, ...DRILL_QUESTIONS];

/** Answers agree when equal after normalisation; the message names the question and the first difference. */
export function compareAnswers(id: string, expected: Answer, actual: Answer, labels: [string, string]): string | null {
  if (expected.length !== actual.length) return `${id}: ${labels[0]} has ${expected.length} rows, ${labels[1]} has ${actual.length}`;
  for (let i = 0; i < expected.length; i++) {
    const a = JSON.stringify(expected[i]), b = JSON.stringify(actual[i]);
    if (a !== b) return `${id}: row ${i} differs: ${labels[0]} ${a} vs ${labels[1]} ${b}`;
  }
  return null;
}
