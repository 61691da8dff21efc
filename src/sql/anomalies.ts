import { HISTORY_DAYS, MIN_ANOMALY_COUNT } from '../domain/anomaly';
import { eventWhere, type EventFilter } from './filter';
import { sqlNumber, sqlString, sqlTimestamp } from './literal';
import type { Period } from './period';
import { DAY_MS, wallClockMs } from '../domain/wall-clock';
import { dateText } from './time-text';
import { shiftDays } from './trend-periods';
import { UNIT_KEY_LENGTH } from './unit-key';

/** The levels at which counts are tested for anomalies (docs/domain.md §4). */
export const ANOMALY_LEVELS = ['county', 'township', 'grid'] as const;
export type AnomalyLevel = (typeof ANOMALY_LEVELS)[number];

export interface AnomalyOptions {
  /** The days tested, whole city-local days [start, end). */
  days: Period;
  levels?: readonly AnomalyLevel[];
  filter?: EventFilter;
  /** Days with fewer events are not returned (they are never flagged). */
  minCount?: number;
  /** Length of the trailing history in days. */
  historyDays?: number;
}

export function checkWholeDays(days: Period): void {
  for (const bound of [days.start, days.end]) {
    if (wallClockMs(bound) % DAY_MS !== 0) throw new Error(`Invalid day range bound "${bound}": anomaly and hot-spot periods are whole days (YYYY-MM-DD 00:00:00)`);
  }
  if (days.end <= days.start) throw new Error(`Invalid day range ${days.start} – ${days.end}: the end must be after the start`);
}

export function checkLevels(levels: readonly string[]): readonly AnomalyLevel[] {
  for (const level of levels) if (!(ANOMALY_LEVELS as readonly string[]).includes(level)) throw new Error(`Invalid anomaly level "${level}": expected county, township or grid`);
  if (levels.length === 0) throw new Error('At least one level is needed');
  return levels as readonly AnomalyLevel[];
}

/** Event counts by unit (of each level), category and city-local day, over [from, to). */
export function dailyUnitCounts(from: string, to: string, levels: readonly AnomalyLevel[], where: string): string {
  const byLevel = levels.map((level) => level === 'grid'
    ? "SELECT 'grid' AS level, grid_code AS unit_code, category, day, n FROM daily_grid"
    : `SELECT ${sqlString(level)} AS level, left(grid_code, ${sqlNumber(UNIT_KEY_LENGTH[level])}) AS unit_code, category, day, sum(n)::BIGINT AS n FROM daily_grid GROUP BY ALL`);
  return `daily_grid AS MATERIALIZED (
  SELECT grid_code, category, reported_at::DATE AS day, count(*) AS n
  FROM events
  WHERE reported_at >= ${sqlTimestamp(from)} AND reported_at < ${sqlTimestamp(to)} AND ${where}
  GROUP BY ALL
),
daily AS MATERIALIZED (
  ${byLevel.join('\n  UNION ALL ')}
)`;
}

/**
 * Candidate anomalies: every unit × category × day in `days` (at the county, township
 * and grid levels) with at least `minCount` events, with what its own history says:
 * `observed`, and the sum and sum of squares of the daily counts over the `historyDays`
 * days before it (`history_sum`, `history_sum_sq`, `history_days`; missing days count 0).
 * Whether it is improbable is decided in JS by `scoreCounts` (src/domain/anomaly.ts):
 * Poisson or negative-binomial upper tail against the trailing mean and variance.
 *
 * Days whose history reaches back before the first event of the table are not tested (an
 * empty history there means "no data", not "no events").
 */
export function anomalyCandidates(options: AnomalyOptions): string {
  const { days, filter = {} } = options;
  checkWholeDays(days);
  const levels = checkLevels(options.levels ?? ANOMALY_LEVELS);
  const minCount = options.minCount ?? MIN_ANOMALY_COUNT;
  const historyDays = options.historyDays ?? HISTORY_DAYS;
  if (!Number.isInteger(historyDays) || historyDays < 2) throw new Error(`Invalid history length ${historyDays}: expected a whole number of days >= 2`);
  if (!Number.isInteger(minCount) || minCount < 1) throw new Error(`Invalid minimum count ${minCount}: expected a whole number >= 1`);
  const from = shiftDays(days.start, -historyDays);
  return `WITH ${dailyUnitCounts(from, days.end, levels, eventWhere(filter))},
candidates AS (
  SELECT * FROM daily
  WHERE day >= ${sqlTimestamp(days.start)}::DATE AND n >= ${sqlNumber(minCount)}
    AND day >= (SELECT min(reported_at)::DATE FROM events) + ${sqlNumber(historyDays)}
)
SELECT c.level, c.unit_code, c.category, ${dateText('c.day')} AS day, c.n::INTEGER AS observed,
  coalesce(sum(h.n), 0)::INTEGER AS history_sum, coalesce(sum(h.n * h.n), 0)::INTEGER AS history_sum_sq,
  ${sqlNumber(historyDays)} AS history_days
FROM candidates c
LEFT JOIN daily h ON h.level = c.level AND h.unit_code = c.unit_code AND h.category = c.category
  AND h.day >= c.day - ${sqlNumber(historyDays)} AND h.day < c.day
GROUP BY c.level, c.unit_code, c.category, c.day, c.n
ORDER BY c.day, c.level, c.unit_code, c.category`;
}
