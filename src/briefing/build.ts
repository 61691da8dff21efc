import { scoreCounts, type CountRow } from '../domain/anomaly';
import { HEADLINE_MEASURE_IDS, measure as registryMeasure, type MeasureId, type Reason } from '../domain/measures';
import { rankUnits } from '../domain/ranking';
import { isUnitLevel, childLevel, type UnitLevel } from '../domain/units';
import { rowsOf, type Scalar } from '../engine/columns';
import type { Database } from '../engine/database';
import { sqlString } from '../sql/literal';
import { MEASURE_RESULT_COLUMNS } from '../sql/measure-sql';
import { baselineOnPeriodScale, indicatorsOutsideBand } from './indicators';
import type { Briefing, BriefingQuery, HeadlineRow, MatterList, Row } from './model';
import { ANOMALY_RULES, type AnomalyRule } from './anomaly-rules';
import { emergingByPlace, repeatsByPlace } from './one-per-place';
import { briefingPlan, MATTER_ROWS } from './plan';
import { briefingPeriods, type BriefingRequest } from './request';

const HEADLINE_MEASURES = HEADLINE_MEASURE_IDS.map(registryMeasure);

const num = (value: Scalar | undefined): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function headlineRows(rows: Row[], days: number, unavailable: ReadonlyMap<MeasureId, unknown>): HeadlineRow[] {
  const byMeasure = new Map(rows.map((r) => [String(r.measure), r]));
  return HEADLINE_MEASURES.map((measure) => {
    // A measure the data cannot support has no numbers at all, so no band and no indicator either.
    const r = unavailable.has(measure.id) ? {} : byMeasure.get(measure.id) ?? {};
    const sameWindows = num(r.same_mean_28) === null ? null : { mean7: num(r.same_mean_7), mean28: num(r.same_mean_28), sd28: num(r.same_sd_28) };
    const scaled = baselineOnPeriodScale(measure, { mean7: num(r.mean_7d), mean28: num(r.mean_28d), sd28: num(r.sd_28d), days, sameWindows });
    return {
      measure: measure.id, value: num(r.value), previous: num(r.previous), lastYear: num(r.last_year), trials: num(r.n),
      change: num(r.change), changeRel: num(r.change_rel), changeYoy: num(r.change_yoy), changeYoyRel: num(r.change_yoy_rel),
      ...scaled,
    };
  });
}

function blankUnavailable(rows: Row[], unavailable: ReadonlyMap<MeasureId, unknown>): Row[] {
  if (unavailable.size === 0) return rows;
  const columns = [...unavailable.keys()].flatMap((id) => MEASURE_RESULT_COLUMNS[id] ?? [id]);
  return rows.map((row) => {
    // The headline's own rows are keyed by measure and blanked in headlineRows.
    if (typeof row.measure === 'string') return row;
    const copy = { ...row };
    for (const column of columns) if (column in copy) copy[column] = null;
    return copy;
  });
}

function matterList(rows: Row[]): MatterList {
  return { total: num(rows[0]?.total) ?? 0, rows: rows.map(({ total: _total, ...rest }) => rest) };
}

function scored(rows: Row[], rule: AnomalyRule, byPlace: (rows: Row[]) => Row[] = (r) => r): MatterList {
  const flagged = byPlace(scoreCounts(rows as unknown as (CountRow & Row)[], { minCount: rule.minCount, probability: rule.probability }) as unknown as Row[]) as unknown as (CountRow & Row & { model: Scalar; expected: Scalar; probability: Scalar })[];
  return { total: flagged.length, rows: flagged.slice(0, MATTER_ROWS).map((r) => ({ ...r, model: r.model, expected: r.expected, probability: r.probability }) as Row) };
}

/** The unit a briefing is about, from the `units` table. */
async function unitOf(db: Database, code: string): Promise<{ code: string; name: string; level: UnitLevel }> {
  const [row] = rowsOf(await db.query(`SELECT code, name, level FROM units WHERE code = ${sqlString(code)}`));
  if (!row || typeof row.level !== 'string' || !isUnitLevel(row.level)) throw new Error(`Unknown unit code "${code}": it is not in the units table`);
  return { code, name: String(row.name), level: row.level };
}

/**
 * Run every query of a briefing (see plan.ts) and put the answers together. The same
 * function serves the page, the command line (`npm run briefing`) and the tests, so they
 * cannot disagree. Queries run one after another: the browser's DuckDB runs one at a time.
 * `unavailable`: headline measures loaded data cannot support (availability.ts).
 */
export async function buildBriefing(db: Database, request: BriefingRequest, dataAsOf: string, unavailable: ReadonlyMap<MeasureId, Reason> = new Map()): Promise<Briefing> {
  const unit = await unitOf(db, request.unitCode);
  const periods = briefingPeriods(request.kind, request.date, dataAsOf);
  const queries: BriefingQuery[] = [];
  const results = new Map<string, Row[]>();
  for (const planned of briefingPlan(request, periods, dataAsOf, unit.level)) {
    const started = performance.now();
    const table = await db.query(planned.sql);
    queries.push({ ...planned, ms: performance.now() - started });
    results.set(planned.id, rowsOf(table));
  }
  // Columns of measures the data cannot support are blanked at the source, so that no table, chart or CSV shows their zeros.
  const get = (id: string) => blankUnavailable(results.get(id) ?? [], unavailable);
  const days = num(get('headline')[0]?.days) ?? 1;
  const rules = ANOMALY_RULES[request.kind];
  const repeats = repeatsByPlace(get('repeats'));
  const headline = headlineRows(get('headline'), days, unavailable);
  const children = results.has('children')
    ? rankUnits(get('children'), { value: 'on_time_rate', volume: 'on_time_n' }, 'higher') : [];
  const departments = rankUnits(get('departments').filter((r) => r.department !== ''), { value: 'on_time_rate', volume: 'on_time_n' }, 'higher');
  const matters = {
    overdueSevere: matterList(get('overdue_severe')),
    escalations: matterList(get('escalations')),
    anomalies: scored(get('anomalies'), rules.anomalies),
    repeats: { total: repeats.length, rows: repeats.slice(0, MATTER_ROWS) },
    emerging: results.has('emerging') && rules.emerging ? scored(get('emerging'), rules.emerging, emergingByPlace) : null,
    persistent: results.has('persistent') ? { total: get('persistent').length, rows: get('persistent').slice(0, MATTER_ROWS) } : null,
  };
  const { unitNames, unitPaths } = await namesOf(db, unit.code, [unit.code, ...codesIn(children.map((c) => c.row), matters)], queries);
  return {
    request, kind: request.kind, unit, dataAsOf, periods, headline,
    indicators: indicatorsOutsideBand(headline, HEADLINE_MEASURES),
    matters, series: fromFirstActivity(get('series')), categories: get('categories'),
    childLevel: childLevel(unit.level), children, departments, unitNames, unitPaths, unavailable: Object.fromEntries(unavailable), queries,
  };
}

/**
 * The trend rows from the first period with any activity: periods before the data begin
 * would chart as zeros (no intake, no backlog) that the data never said.
 */
function fromFirstActivity(rows: Row[]): Row[] {
  const first = rows.findIndex((r) => (num(r.intake) ?? 0) > 0 || (num(r.closed) ?? 0) > 0 || (num(r.backlog) ?? 0) > 0);
  return first < 0 ? rows : rows.slice(first);
}

function codesIn(children: Row[], matters: Briefing['matters']): string[] {
  const codes = new Set<string>();
  for (const row of children) if (typeof row.code === 'string') codes.add(row.code);
  const lists = [matters.overdueSevere, matters.escalations, matters.anomalies, matters.repeats, matters.emerging, matters.persistent];
  for (const list of lists) {
    for (const row of list?.rows ?? []) {
      for (const key of ['grid_code', 'unit_code', 'code']) if (typeof row[key] === 'string') codes.add(row[key]);
    }
  }
  return [...codes];
}

/** Unit names by code; child rows are keyed by code prefix, which for a county is its 6-digit code. */
async function namesOf(db: Database, briefingUnit: string, codes: string[], queries: BriefingQuery[]): Promise<{ unitNames: Record<string, string>; unitPaths: Record<string, string> }> {
  const ancestors = new Map(codes.map((code) => [code, ancestorsBelow(briefingUnit, code)]));
  const all = [...new Set([...codes, ...[...ancestors.values()].flat()])];
  const sql = `SELECT code, name FROM units WHERE code IN (${all.map(sqlString).join(', ')}) ORDER BY code`;
  const started = performance.now();
  const rows = rowsOf(await db.query(sql));
  queries.push({ id: 'unit_names', sql, ms: performance.now() - started });
  const names = Object.fromEntries(rows.map((r) => [String(r.code), String(r.name)]));
  const unitNames = Object.fromEntries(codes.filter((c) => names[c] !== undefined).map((c) => [c, names[c]!]));
  const unitPaths: Record<string, string> = {};
  for (const [code, chain] of ancestors) {
    if (names[code] === undefined) continue;
    // A level whose name the next one repeats (灯塔社区居委会 › 灯塔社区第5网格) is said once.
    const parts = [...chain.map((c) => names[c]).filter((n): n is string => n !== undefined), names[code]!];
    const stem = (name: string) => name.replace(/(村民委员会|居民委员会|村委会|居委会)$/, '');
    unitPaths[code] = parts.filter((part, i) => !(i + 1 < parts.length && parts[i + 1]!.startsWith(stem(part)))).join(' · ');
  }
  return { unitNames, unitPaths };
}

/**
 * The units between a briefing's unit and a unit inside it, top first (county, township,
 * community codes are the first 6, 9 and 12 digits of a grid's), so that a meeting reads
 * "莲都区 · 岩泉街道 · 灯塔社区第5网格", not a bare grid name found in every township.
 */
function ancestorsBelow(briefingUnit: string, code: string): string[] {
  return [6, 9, 12].filter((length) => length < code.length).map((length) => code.slice(0, length))
    .filter((prefix) => prefix !== briefingUnit && !briefingUnit.startsWith(prefix) && !/^\d{4}00$/.test(prefix));
}
