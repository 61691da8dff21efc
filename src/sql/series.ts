import { countIf } from './count-if';
import { CATEGORIES } from '../domain/categories';
import { CHANNELS } from '../domain/events';
import type { UnitLevel } from '../domain/units';
import { eventWhere, unitPrefix, type EventFilter } from './filter';
import { sqlNumber, sqlString, sqlTimestamp } from './literal';
import { pastDeadline } from './predicates';
import type { Period } from './period';
import {
  GRANULARITY_STEP, TREND_FAMILIES, checkFamilies, checkGranularity, durationsInReported, measureColumns, spanCtes, spanJoins, truncate,
  type Granularity, type TrendFamily,
} from './trend-measures';
import { dateText, timestampText } from './time-text';
import { UNIT_KEY_LENGTH } from './unit-key';

/**
 * What a series is split by: nothing (one key, "all"), an event attribute, or the units of
 * a level. Every category and channel is listed (those of the filter when it names some);
 * departments are those with events; units are those of the level in the `units` table
 * inside the filter's unit (or containing it). Keys seen in events but not in those lists
 * are listed too; a missing attribute is the key "".
 */
export type SeriesSplit = 'none' | 'category' | 'channel' | 'department' | { unitLevel: Exclude<UnitLevel, 'city'> };

export interface SeriesOptions {
  granularity: Granularity;
  /** The time covered; the first and last periods are cut to it (see `lastPeriods`). */
  period: Period;
  /** The data time: durations and response rates count what is known at it. */
  asOf: string;
  filter?: EventFilter;
  split?: SeriesSplit;
}

interface SplitSql { key: string; domain: string }

/** The key expression of a split and the keys always listed (even with no event). */
function splitSql(split: SeriesSplit, filter: EventFilter): SplitSql {
  const list = (values: readonly string[]) => (values.length === 0 ? 'SELECT NULL::VARCHAR AS key WHERE FALSE' : `SELECT unnest([${values.map(sqlString).join(', ')}]) AS key`);
  if (split === 'none') return { key: "'all'", domain: "SELECT 'all' AS key" };
  if (split === 'category') return { key: "coalesce(category, '')", domain: list(filter.categories?.length ? filter.categories : CATEGORIES.map((c) => c.code)) };
  if (split === 'channel') return { key: "coalesce(channel, '')", domain: list(filter.channels?.length ? filter.channels : CHANNELS) };
  if (split === 'department') return { key: "coalesce(department, '')", domain: list([]) };
  const level = split.unitLevel;
  const length = UNIT_KEY_LENGTH[level];
  if (level === ('city' as UnitLevel) || length === undefined) throw new Error(`Invalid split level "${String(level)}": expected county, township, community or grid (use split "none" for the whole city)`);
  // Units of the level inside the filtered unit, or containing it when the filter is finer.
  const prefix = filter.unitCode ? sqlString(unitPrefix(filter.unitCode)) : null;
  const inside = prefix === null ? 'TRUE' : `(starts_with(code, ${prefix}) OR starts_with(${prefix}, left(code, ${length})))`;
  return { key: `left(grid_code, ${sqlNumber(length)})`, domain: `SELECT DISTINCT left(code, ${sqlNumber(length)}) AS key FROM units WHERE level = ${sqlString(level)} AND ${inside}` };
}

/**
 * A daily, ISO-weekly or monthly series of trend measures (definitions in
 * trend-measures.ts), one row per period and key, keys then periods in order; periods
 * with no event are listed with zero counts and NULL rates and durations. Columns:
 * `period` (first day of the day/week/month, "YYYY-MM-DD"), `span_start`, `span_end`
 * (the part of it inside `options.period`, "YYYY-MM-DD HH:MM:SS"), `key`, then the
 * measures of the families asked for (all by default; each family costs its own scan).
 *
 * Backlog and overdue at each period end come from a running sum of moves, not from a
 * count per period: an event enters the backlog when reported and leaves when closed
 * (enters the overdue set at max(reported, due) and leaves when closed), so one scan
 * puts every move in its period and a window sum gives the stock at each end — linear in
 * events + periods. Moves before the first period fall into it (the opening stock).
 */
export function trendSeries(options: SeriesOptions & { families?: readonly TrendFamily[] }): string {
  const { period, asOf, filter = {}, split = 'none' } = options;
  const families = checkFamilies(options.families ?? TREND_FAMILIES);
  const granularity = checkGranularity(options.granularity);
  const start = sqlTimestamp(period.start), end = sqlTimestamp(period.end);
  const step = GRANULARITY_STEP[granularity];
  const first = `${truncate(granularity, start)}::TIMESTAMP`;
  const { key, domain } = splitSql(split, filter);
  const where = eventWhere(filter);
  const volume = families.has('volume');
  const ctes = spanCtes({
    spans: (column) => [{ span: truncate(granularity, column), where: `${column} >= ${start} AND ${column} < ${end}` }],
    key, where, asOf, families, moves: volume,
  });
  if (volume) {
    // Stock at the period start, then moves: in when reported (r.intake − r.never_open), out when closed
    // (c.left); into the overdue set at the deadline (due_at in a period, or at once when due
    // before reported) and out when closed late (c.overdue_left).
    ctes.push(`opening AS (
  SELECT ${key} AS key, count(*) AS backlog, ${countIf(pastDeadline(start))} AS overdue
  FROM events
  WHERE reported_at < ${start} AND (closed_at IS NULL OR closed_at >= ${start}) AND ${where}
  GROUP BY ALL
)`, `overdue_due AS (
  SELECT ${key} AS key, ${truncate(granularity, 'due_at')} AS span, count(*) AS overdue_entered
  FROM events
  WHERE due_at >= ${start} AND due_at < ${end} AND due_at >= reported_at AND (closed_at IS NULL OR closed_at > due_at) AND ${where}
  GROUP BY ALL
)`);
  }
  const running = (opening: string, moves: string) => `coalesce(${opening}, 0) + sum(${moves}) OVER running`;
  const backlog = running('o.backlog', 'coalesce(r.intake, 0) - coalesce(r.never_open, 0) - coalesce(c."left", 0)');
  const overdue = running('o.overdue', 'coalesce(r.overdue_entered, 0) + coalesce(od.overdue_entered, 0) - coalesce(c.overdue_left, 0)');
  const seen = [
    ...(volume || families.has('rates') ? ['reported', 'closed'] : []),
    ...(families.has('durations') && !durationsInReported(families) ? ['durations'] : []),
    ...(volume ? ['opening', 'overdue_due'] : []),
  ];
  return `WITH ${ctes.join(',\n')},
calendar AS (
  SELECT range::DATE AS span, greatest(range, ${start}) AS span_start, least(range + ${step}, ${end}) AS span_end
  FROM range(${first}, ${end}, ${step})
),
keys AS (
  ${domain}
  ${seen.map((cte) => `UNION SELECT key FROM ${cte}`).join(' ')}
),
frame AS (
  SELECT k.key, cal.span, cal.span_start, cal.span_end
  FROM keys k CROSS JOIN calendar cal
)
SELECT ${dateText('f.span')} AS period, ${timestampText('f.span_start')} AS span_start, ${timestampText('f.span_end')} AS span_end, f.key,
  ${measureColumns(families, backlog, overdue).join(',\n  ')}
FROM frame f
${spanJoins(families, 'f')}${volume ? `
LEFT JOIN opening o ON o.key = f.key
LEFT JOIN overdue_due od ON od.key = f.key AND od.span = f.span
WINDOW running AS (PARTITION BY f.key ORDER BY f.span ROWS UNBOUNDED PRECEDING)` : ''}
ORDER BY f.key, f.span`;
}

/** Intake, closed, backlog and overdue by period (see trendSeries). */
export function volumeSeries(options: SeriesOptions): string {
  return trendSeries({ ...options, families: ['volume'] });
}

/** Response, on-time, resolution and satisfaction rates by period, with their successes and trials (see trendSeries). */
export function rateSeries(options: SeriesOptions): string {
  return trendSeries({ ...options, families: ['rates'] });
}

/** Median and P90 of response, handling and closure time by period, in hours (see trendSeries). */
export function durationSeries(options: SeriesOptions): string {
  return trendSeries({ ...options, families: ['durations'] });
}
