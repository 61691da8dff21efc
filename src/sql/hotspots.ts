import { countIf } from './count-if';
import { HISTORY_DAYS } from '../domain/anomaly';
import { isUnitLevel, type UnitLevel } from '../domain/units';
import { checkLevels, checkWholeDays, dailyUnitCounts, type AnomalyLevel } from './anomalies';
import { eventWhere, underUnit, type EventFilter } from './filter';
import { sqlNumber, sqlString, sqlTimestamp } from './literal';
import type { Period } from './period';
import { wallClockMs, wallClockText } from '../domain/wall-clock';
import { dateText } from './time-text';
import { checkGranularity, type Granularity } from './trend-measures';
import { addPeriods, periodStartMs, shiftDays } from './trend-periods';
import { UNIT_KEY_LENGTH } from './unit-key';

export interface EmergingOptions {
  /** The days on which a run may end, whole days [start, end). */
  days: Period;
  /** Consecutive days of the run (default 3). */
  runDays?: number;
  /** Level of the units (default grid). */
  level?: AnomalyLevel;
  filter?: EventFilter;
  historyDays?: number;
}

/**
 * Emerging hot spots: a unit × category whose daily count rose over `runDays` consecutive
 * days (each day ≥ 1 event and more than the day before) and stayed above its
 * baseline (the mean daily count over the `historyDays` days before the run) every day.
 * One row per such run end with `observed` = the run's total, `observed_days` = runDays,
 * `run_counts` ("2,4,6") and the baseline's sum and sum of squares; whether the total is
 * improbable is decided in JS by `scoreCounts` (src/domain/anomaly.ts), which scales the
 * baseline mean and variance by the run length. Runs whose baseline reaches back before
 * the first event of the table are left out.
 */
export function emergingHotspots(options: EmergingOptions): string {
  const { days, filter = {} } = options;
  checkWholeDays(days);
  const [level] = checkLevels([options.level ?? 'grid']);
  const runDays = options.runDays ?? 3;
  const historyDays = options.historyDays ?? HISTORY_DAYS;
  if (!Number.isInteger(runDays) || runDays < 2 || runDays > 14) throw new Error(`Invalid run length ${runDays}: expected 2 to 14 days`);
  if (!Number.isInteger(historyDays) || historyDays < 2) throw new Error(`Invalid history length ${historyDays}: expected a whole number of days >= 2`);
  const from = shiftDays(days.start, -(runDays - 1 + historyDays));
  const steps = Array.from({ length: runDays }, (_, i) => i); // 0 = the run's last day
  // Day i of the run (counted back from its end) is alias d<i>; each is joined on its date.
  const joins = steps.slice(1).map((i) => `JOIN daily d${i} ON d${i}.level = d0.level AND d${i}.unit_code = d0.unit_code AND d${i}.category = d0.category AND d${i}.day = d0.day - ${sqlNumber(i)}`);
  const rising = steps.slice(1).map((i) => `d${i}.n < d${i - 1}.n`);
  const last = runDays - 1;
  return `WITH ${dailyUnitCounts(from, days.end, [level!], eventWhere(filter))},
runs AS (
  SELECT d0.level, d0.unit_code, d0.category, d0.day, d${last}.day AS run_start,
    ${steps.map((i) => `d${i}.n`).reverse().join(' + ')} AS observed,
    concat_ws(',', ${steps.map((i) => `d${i}.n`).reverse().join(', ')}) AS run_counts,
    d${last}.n AS first_count
  FROM daily d0
  ${joins.join('\n  ')}
  WHERE d0.day >= ${sqlTimestamp(days.start)}::DATE AND ${rising.join(' AND ')}
    AND d${last}.day >= (SELECT min(reported_at)::DATE FROM events) + ${sqlNumber(historyDays)}
)
SELECT r.level, r.unit_code, r.category, ${dateText('r.day')} AS day, r.run_counts, r.observed::INTEGER AS observed, ${sqlNumber(runDays)} AS observed_days,
  coalesce(sum(h.n), 0)::INTEGER AS history_sum, coalesce(sum(h.n * h.n), 0)::INTEGER AS history_sum_sq, ${sqlNumber(historyDays)} AS history_days
FROM runs r
LEFT JOIN daily h ON h.level = r.level AND h.unit_code = r.unit_code AND h.category = r.category
  AND h.day >= r.run_start - ${sqlNumber(historyDays)} AND h.day < r.run_start
GROUP BY r.level, r.unit_code, r.category, r.day, r.run_counts, r.observed, r.first_count
HAVING r.first_count * ${sqlNumber(historyDays)} > coalesce(sum(h.n), 0)
ORDER BY r.day, r.unit_code, r.category`;
}

export interface PersistentOptions {
  /** Periods are ISO weeks or months (or days). */
  granularity: Granularity;
  /** Any day of the last period considered ("YYYY-MM-DD"). */
  date: string;
  /** The data time: a running last period is counted up to it. */
  asOf: string;
  /** Units of this level are ranked (default grid). */
  level?: Exclude<UnitLevel, 'city'>;
  /** Only units under this unit; all units of the level when null or absent. */
  parentCode?: string | null;
  filter?: EventFilter;
  /** Periods running (default 3). */
  periods?: number;
  /** Share of units at the top (default 0.1, the top decile). */
  topShare?: number;
  /** Fewer events than this in a period never make a unit "hot" in it (default 5). */
  minIntake?: number;
}

/**
 * Persistent hot spots: units of a level (with residents: intake per 10,000 residents is
 * undefined without them) in the top decile of intake per 10,000 residents among the
 * units ranked, in each of the last `periods` periods, with at least `minIntake` events
 * in each. Top decile: at most `topShare` of the units have a value ≥ the unit's (ties
 * count together, so a tie at the boundary leaves all tied units out). One row per unit:
 * code, name, and `intake_<i>`, `per_10k_<i>`, `top_share_<i>` for period i = 0 (the
 * latest) … periods − 1, with `period_<i>` its first day.
 */
export function persistentHotspots(options: PersistentOptions): string {
  const { date, asOf, filter = {}, parentCode = null } = options;
  const granularity = checkGranularity(options.granularity);
  const level = options.level ?? 'grid';
  if (!isUnitLevel(level) || level === ('city' as UnitLevel)) throw new Error(`Invalid level "${String(level)}": expected county, township, community or grid`);
  const periods = options.periods ?? 3;
  const topShare = options.topShare ?? 0.1;
  const minIntake = options.minIntake ?? 5;
  if (!Number.isInteger(periods) || periods < 1 || periods > 24) throw new Error(`Invalid number of periods ${periods}: expected 1 to 24`);
  if (!(topShare > 0 && topShare <= 1)) throw new Error(`Invalid top share ${topShare}: expected a number in (0, 1]`);
  const keyLength = UNIT_KEY_LENGTH[level];
  const dataEnd = wallClockMs(asOf) + 1000;
  const last = periodStartMs(granularity, wallClockMs(date));
  const text = wallClockText;
  const spans = Array.from({ length: periods }, (_, i) => {
    const start = addPeriods(granularity, last, -i);
    return { i, start: text(start), end: text(Math.min(addPeriods(granularity, start, 1), dataEnd)) };
  });
  if (wallClockMs(spans[0]!.start) >= dataEnd) throw new Error(`The period of ${date} starts after the data time ${asOf}`);
  const under = (column: string) => (parentCode === null ? 'TRUE' : underUnit(column, parentCode));
  const where = eventWhere(filter);
  const column = (name: string, i: number) => `max(${name}) FILTER (WHERE i = ${sqlNumber(i)}) AS ${name}_${i}`;
  return `WITH scope AS (
  SELECT code, name, population, left(code, ${sqlNumber(keyLength)}) AS unit_key
  FROM units WHERE level = ${sqlString(level)} AND population > 0 AND ${under('code')}
),
periods AS (
  SELECT * FROM (VALUES ${spans.map((s) => `(${sqlNumber(s.i)}, ${sqlString(s.start.slice(0, 10))})`).join(', ')}) v(i, period)
),
intake AS (
  ${spans.map((s) => `SELECT ${sqlNumber(s.i)} AS i, left(grid_code, ${sqlNumber(keyLength)}) AS unit_key, count(*) AS n
  FROM events WHERE reported_at >= ${sqlTimestamp(s.start)} AND reported_at < ${sqlTimestamp(s.end)} AND ${under('grid_code')} AND ${where}
  GROUP BY ALL`).join('\n  UNION ALL\n  ')}
),
ranked AS (
  SELECT s.code, s.name, p.i, p.period, coalesce(n.n, 0) AS intake, coalesce(n.n, 0) * 10000.0 / s.population AS per_10k,
    cume_dist() OVER (PARTITION BY p.i ORDER BY coalesce(n.n, 0) * 10000.0 / s.population DESC) AS top_share
  FROM scope s CROSS JOIN periods p
  LEFT JOIN intake n ON n.unit_key = s.unit_key AND n.i = p.i
)
SELECT code, name, ${spans.flatMap((s) => [column('period', s.i), `${column('intake', s.i).replace(' AS ', '::INTEGER AS ')}`, column('per_10k', s.i), column('top_share', s.i)]).join(', ')}
FROM ranked
GROUP BY code, name
HAVING ${countIf(`top_share <= ${sqlNumber(topShare)} AND intake >= ${sqlNumber(minIntake)}`)} = ${sqlNumber(periods)}
ORDER BY max(per_10k) FILTER (WHERE i = 0) DESC, code`;
}
