import { countIf } from './count-if';
import { eventWhere, type EventFilter } from './filter';
import { sqlNumber, sqlString, sqlTimestamp } from './literal';
import { pastDeadline } from './predicates';
import type { Period } from './period';
import { trendSeries } from './series';
import {
  FAMILY_MEASURES, RATE_PARTS, TREND_FAMILIES, checkFamilies, checkGranularity, measureColumns, spanCtes, spanJoins,
  type Granularity, type TrendFamily,
} from './trend-measures';
import { comparedPeriods, periodDays, shiftDays } from './trend-periods';
import { SAME_WINDOW_FLOWS, sameElapsedWindows } from './same-windows';

export interface PeriodComparisonOptions {
  granularity: Granularity;
  /** Any day of the chosen day, ISO week or month ("YYYY-MM-DD"). */
  date: string;
  /** The data time: a period still running is compared to date (see `comparedPeriods`). */
  asOf: string;
  filter?: EventFilter;
  /** Measure families to compare (all by default). */
  families?: readonly TrendFamily[];
}

const LABELS = ['current', 'previous', 'last_year'] as const;

/**
 * Period-over-period for a day, ISO week or month: one row per measure with its `value`
 * in the period, the `previous` period's (日/周/月环比) and the same period last year's
 * (同比), `change` and `change_rel` against the previous one, `change_yoy` and
 * `change_yoy_rel` against last year (relative changes NULL when the base is 0 or NULL),
 * and the 7- and 28-day baselines: mean and sample SD of the daily values in the 7 and 28
 * days before the period starts (`mean_7d`, `sd_7d`, `mean_28d`, `sd_28d`; for rates
 * and durations the mean of daily rates/medians, days with none left out). `days` is the
 * length of the compared periods in days, to set a weekly or monthly count against the
 * daily baseline. For rates, `n`, `previous_n`, `last_year_n` are the denominators.
 *
 * A compared period or baseline day that begins before the first event of the table is
 * not covered by the data: its values are NULL, never 0.
 *
 * For a day or week still running, the flows (intake, closed) also get `same_mean_7`,
 * `same_mean_28` and `same_sd_28`: the mean and SD of the same elapsed span in each of the
 * previous days (28) or weeks (4) — Monday to Thursday noon against Monday to Thursday noon —
 * already on the period's scale (same-windows.ts). A daily mean times 3.5 days would set
 * four weekdays against an average that includes quiet weekends and raise false alarms.
 *
 * Measure definitions are those of trend-measures.ts; backlog and overdue are taken at
 * each period's end (the data time for a running period).
 */
export function periodComparison(options: PeriodComparisonOptions): string {
  const { date, asOf, filter = {} } = options;
  const granularity = checkGranularity(options.granularity);
  const families = checkFamilies(options.families ?? TREND_FAMILIES);
  const periods = comparedPeriods(granularity, date, asOf);
  const byLabel: Record<(typeof LABELS)[number], Period> = { current: periods.current, previous: periods.previous, last_year: periods.lastYear };
  const where = eventWhere(filter);
  const inside = (column: string, p: Period) => `${column} >= ${sqlTimestamp(p.start)} AND ${column} < ${sqlTimestamp(p.end)}`;
  const ctes = spanCtes({
    spans: (column) => LABELS.map((l) => ({ span: sqlString(l), where: inside(column, byLabel[l]) })),
    key: "'all'", where, asOf, families,
  });
  // Backlog and overdue at each period end t: open events are those never closed plus those
  // closed at or after t, counted apart so that each part is a plain condition that lets
  // DuckDB skip row groups by their min/max (an OR of the two reads every row).
  if (families.has('volume')) {
    const part = (l: (typeof LABELS)[number], closed: (t: string) => string) => {
      const t = sqlTimestamp(byLabel[l].end);
      return `SELECT ${sqlString(l)} AS span, count(*) AS backlog, ${countIf(pastDeadline(t))} AS overdue FROM events WHERE ${closed(t)} AND reported_at < ${t} AND ${where}`;
    };
    ctes.push(`stock AS (
  SELECT span, sum(backlog) AS backlog, sum(overdue) AS overdue FROM (
    ${LABELS.flatMap((l) => [part(l, () => 'closed_at IS NULL'), part(l, (t) => `closed_at >= ${t}`)]).join('\n    UNION ALL ')}
  ) GROUP BY span
)`);
  }
  const same = periods.toDate && granularity !== 'month' && families.has('volume') ? sameElapsedWindows(granularity, periods.current, where) : null;
  if (same) ctes.push(same.ctes);
  const baselineStart = shiftDays(periods.current.start, -28);
  const baseline7 = sqlTimestamp(shiftDays(periods.current.start, -7));
  const measures = [...families].flatMap((f) => FAMILY_MEASURES[f] as readonly string[]);
  const at = (column: string, l: (typeof LABELS)[number]) => `any_value(${column}) FILTER (WHERE span = ${sqlString(l)} AND covered)`;
  // One row per measure from the one-row `wide` and `baseline`: each output column picks its
  // measure's expression from a list by the measure's index (one plan, not a UNION per measure).
  const column = (expression: (m: string) => string) => `[${measures.map((m) => `${expression(m)}::DOUBLE`).join(', ')}][m.i]`;
  const value = (m: string, l: (typeof LABELS)[number]) => `w.${m}_${l}`;
  const rateN = (m: string, l: (typeof LABELS)[number]) => {
    const rate = RATE_PARTS[m as keyof typeof RATE_PARTS];
    return rate ? `w.${rate.n}_${l}` : 'NULL';
  };
  const rateNs = Object.entries(RATE_PARTS).filter(([m]) => measures.includes(m)).map(([, p]) => p.n);
  return `WITH ${ctes.join(',\n')},
data_start AS (SELECT min(reported_at) AS first FROM events),
labels AS (
  SELECT 'all' AS key, span, start >= (SELECT first FROM data_start)::DATE AS covered
  FROM (VALUES ${LABELS.map((l) => `(${sqlString(l)}, ${sqlTimestamp(byLabel[l].start)})`).join(', ')}) v(span, start)
),
per_period AS (
  SELECT f.span, f.covered, ${measureColumns(families, 's.backlog', 's.overdue').join(', ')}
  FROM labels f
  ${spanJoins(families, 'f')}${families.has('volume') ? '\n  LEFT JOIN stock s ON s.span = f.span' : ''}
),
wide AS MATERIALIZED (
  SELECT ${[...measures, ...rateNs].flatMap((m) => LABELS.map((l) => `${at(m, l)}::DOUBLE AS ${m}_${l}`)).join(', ')}
  FROM per_period
),
daily AS MATERIALIZED (
${trendSeries({ granularity: 'day', period: { start: baselineStart, end: periods.current.start }, asOf, filter, families: [...families] })}
),
baseline AS MATERIALIZED (
  SELECT ${measures.map((m) => [
    `avg(${m}) FILTER (WHERE span_start::TIMESTAMP >= ${baseline7}) AS ${m}_mean_7d`,
    `stddev_samp(${m}) FILTER (WHERE span_start::TIMESTAMP >= ${baseline7}) AS ${m}_sd_7d`,
    `avg(${m}) AS ${m}_mean_28d`, `stddev_samp(${m}) AS ${m}_sd_28d`,
  ].join(', ')).join(',\n    ')}
  FROM daily
  WHERE span_start::TIMESTAMP >= (SELECT first FROM data_start)::DATE
)${same ? `,
same_baseline AS MATERIALIZED (${same.baseline})` : ''}
SELECT m.measure, ${column((m) => value(m, 'current'))} AS value, ${column((m) => value(m, 'previous'))} AS previous,
  ${column((m) => value(m, 'last_year'))} AS last_year,
  value - previous AS change, (value - previous) / nullif(previous, 0) AS change_rel,
  value - last_year AS change_yoy, (value - last_year) / nullif(last_year, 0) AS change_yoy_rel,
  ${['mean_7d', 'sd_7d', 'mean_28d', 'sd_28d'].map((stat) => `${column((m) => `b.${m}_${stat}`)} AS ${stat}`).join(', ')},
  -- DOUBLE: a running period's 3.5 days would otherwise be a DECIMAL, which reaches JS as no number at all.
  ${sqlNumber(periodDays(periods.current))}::DOUBLE AS days,
  ${column((m) => rateN(m, 'current'))} AS n, ${column((m) => rateN(m, 'previous'))} AS previous_n, ${column((m) => rateN(m, 'last_year'))} AS last_year_n,
  ${['mean_7', 'mean_28', 'sd_28'].map((stat) => `${column((m) => (same && SAME_WINDOW_FLOWS.includes(m) ? `sb.${m}_${stat}` : 'NULL'))} AS same_${stat}`).join(', ')}
FROM wide w, baseline b${same ? ', same_baseline sb' : ''}, (VALUES ${measures.map((m, i) => `(${sqlString(m)}, ${sqlNumber(i + 1)})`).join(', ')}) m(measure, i)
ORDER BY m.i`;
}
