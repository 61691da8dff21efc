import { countIf } from './count-if';
import { SEVERITIES } from '../domain/events';
import type { MeasureId } from '../domain/measures';
import { RESPONSE_SLA_HOURS } from '../domain/sla';
import { HOUR_MS } from '../domain/wall-clock';
import { durationRows, rateParts } from './measure-sql';
import { VALID } from './predicates';
import { sqlNumber, sqlString, sqlTimestamp } from './literal';

/**
 * The measures of a trend (docs/domain.md §3) as SQL over spans of time, shared by the series
 * (spans = days, weeks, months) and the period-over-period comparison (spans = the
 * compared periods). Definitions, stated exactly as computed:
 *
 * - intake: events reported in the span, invalid/duplicate reports included;
 * - closed: valid events closed in the span (as `unitMeasures`);
 * - backlog at the span's end t: reported before t and not closed before t; overdue: of
 *   those, due_at before t (at the data time t = asOf + 1 s, this is the KPI strip's
 *   "reported ≤ asOf, not closed at asOf"). Computed by each caller (stock, not flow);
 * - response / handling / closure time: over valid events reported in the span whose end
 *   timestamp is known at the data time (accepted_at − reported_at, resolved_at −
 *   accepted_at, closed_at − reported_at), median and P90 in hours;
 * - response rate: of valid events reported in the span whose response deadline
 *   (reported_at + RESPONSE_SLA_HOURS[severity]) has passed at the data time or which
 *   were accepted by then, the share accepted within the deadline. Events still inside
 *   their deadline are left out, so today's rate is not dragged down by events that may
 *   still be accepted in time; events of an unknown severity are left out;
 * - on-time, resolution and satisfaction rates: of valid events closed in the span, the
 *   share with closed_at ≤ due_at among those with a deadline; with outcome = resolved
 *   among those with an outcome; satisfied or basically satisfied among those rated.
 *   Trials and hits are the registry's (measure-sql.ts), as on every other screen.
 *
 * Counts with no event behind them are 0; rates and durations are NULL.
 *
 * Conditional counts use countIf (count-if.ts): count_if instead of a FILTER per aggregate
 * made the monthly briefing's trend series at 1M events 332 → 305 ms on native DuckDB and
 * 461 → 338 ms in the page (medians of 5–7 runs of both forms in one process).
 */

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** The SQL interval of one period; weeks are ISO weeks (date_trunc('week') is Monday in DuckDB). */
export const GRANULARITY_STEP: Record<Granularity, string> = { day: 'INTERVAL 1 DAY', week: 'INTERVAL 7 DAY', month: 'INTERVAL 1 MONTH' };

export function checkGranularity(granularity: string): Granularity {
  if (!(GRANULARITIES as readonly string[]).includes(granularity)) throw new Error(`Invalid granularity "${granularity}": expected day, week or month`);
  return granularity as Granularity;
}

/** `date_trunc` to the first day of the period (a DATE): city-local, since timestamps are. */
export function truncate(granularity: Granularity, expression: string): string {
  return `date_trunc(${sqlString(checkGranularity(granularity))}, ${expression})`;
}

/** The families of measures; a query computes only the families asked for (each costs a scan). */
export const TREND_FAMILIES = ['volume', 'rates', 'durations'] as const;
export type TrendFamily = (typeof TREND_FAMILIES)[number];

export const FAMILY_MEASURES = {
  volume: ['intake', 'closed', 'backlog', 'overdue'],
  rates: ['response_rate', 'on_time_rate', 'resolution_rate', 'satisfaction_rate'],
  durations: ['response_median_h', 'response_p90_h', 'handling_median_h', 'handling_p90_h', 'closure_median_h', 'closure_p90_h'],
} as const satisfies Record<string, readonly MeasureId[]>;
export type TrendMeasure = (typeof FAMILY_MEASURES)[TrendFamily][number];
export const TREND_MEASURES: readonly TrendMeasure[] = TREND_FAMILIES.flatMap((f) => FAMILY_MEASURES[f]);

/** For each rate: the columns of its successes and trials (for a Wilson interval). */
export const RATE_PARTS: Record<(typeof FAMILY_MEASURES)['rates'][number], { hits: string; n: string }> = {
  response_rate: { hits: 'response_rate_hits', n: 'response_rate_n' },
  on_time_rate: { hits: 'on_time_hits', n: 'on_time_n' },
  resolution_rate: { hits: 'resolution_hits', n: 'resolution_n' },
  satisfaction_rate: { hits: 'satisfaction_hits', n: 'satisfaction_n' },
};

export function checkFamilies(families: readonly string[]): ReadonlySet<TrendFamily> {
  for (const f of families) if (!(TREND_FAMILIES as readonly string[]).includes(f)) throw new Error(`Invalid measure family "${f}": expected volume, rates or durations`);
  if (families.length === 0) throw new Error('At least one measure family is needed');
  return new Set(families as TrendFamily[]);
}

/**
 * The spans, as SQL: each is a label or period start (`span`) and a plain time condition
 * on a timestamp column (`where`, lets DuckDB skip row groups by their min/max).
 * Either one grouped scan (a regular calendar: the span is an expression such as
 * date_trunc of the column) or one scan per span (a few irregular spans), glued with
 * UNION ALL: an OR of ranges is not used to skip row groups, separate scans are.
 */
export type Spans = (column: string) => { span: string; where: string }[];

/** What the span CTEs need to know: the spans, the key and the filter. */
export interface SpanSql {
  spans: Spans;
  /** The key expression (what the series is split by). */
  key: string;
  /** The event filter condition. */
  where: string;
  asOf: string;
  families: ReadonlySet<TrendFamily>;
  /**
   * Also count the backlog moves of each span (for a running sum): `r.intake −
   * r.never_open` entered (reported in the span, not closed before that), `r.overdue_entered`
   * (entering the overdue set when reported, being due before), `c.left`, `c.overdue_left`
   * (closed in the span, for the overdue set: after the deadline).
   */
  moves?: boolean;
}

/**
 * The response deadline by severity as a small table to join (sla_severity, sla_us, and
 * sla_cutoff: events reported at or before it have passed their deadline at the data
 * time). A join and one comparison per row was faster in the wasm build than a CASE on
 * severity, and ~3x faster than counting against each distinct deadline (1M events).
 */
function responseSlaTable(asOf: string): string {
  const now = sqlTimestamp(asOf);
  const rows = SEVERITIES.map((s) => `(${sqlNumber(s)}, ${sqlNumber(RESPONSE_SLA_HOURS[s] * HOUR_MS * 1000)}::BIGINT)`);
  return `(SELECT sla_severity, sla_us, ${now} - to_microseconds(sla_us) AS sla_cutoff FROM (VALUES ${rows.join(', ')}) v(sla_severity, sla_us))`;
}

/** Rows that ever sit in the backlog: not closed before they were reported (bad data otherwise). */
export const ENTERS_BACKLOG = '(closed_at IS NULL OR closed_at >= reported_at)';

/** Aggregates by key and span of the events whose `column` falls in a span. */
function grouped(s: SpanSql, column: string, columns: readonly string[], join: string, where: string): string {
  return s.spans(column).map((span) => `SELECT ${s.key} AS key, ${span.span} AS span, ${columns.join(', ')}
  FROM events${join ? ` ${join}` : ''}
  WHERE ${span.where} AND ${where} AND ${s.where}
  GROUP BY ALL`).join('\n  UNION ALL\n  ');
}

/** Count and exact median and P90 (quantile_cont) of each duration, as aggregates. */
function durationAggregates(now: string): string[] {
  const duration = (name: string, from: string, to: string) => {
    const where = durationRows({ from, to }, now);
    return `${countIf(where)} AS ${name}_n, quantile_cont(epoch_ms(${to}) - epoch_ms(${from}), [0.5, 0.9]) FILTER (WHERE ${where}) AS ${name}_q`;
  };
  return [duration('response', 'reported_at', 'accepted_at'), duration('handling', 'accepted_at', 'resolved_at'), duration('closure', 'reported_at', 'closed_at')];
}

/** Whether the durations are columns of `reported` (with volume or rates) or a CTE of their own. */
export function durationsInReported(families: ReadonlySet<TrendFamily>): boolean {
  return families.has('volume') || families.has('rates');
}

/**
 * CTE definitions ("name AS (...)") of the flow measures by (key, span): `reported`
 * (intake, response-rate parts, and the durations when it exists), `durations` (only
 * without volume and rates), `closed`. Which ones depends on the families.
 */
export function spanCtes(s: SpanSql): string[] {
  const now = sqlTimestamp(s.asOf);
  const ctes: string[] = [];
  const rates = s.families.has('rates');
  const flows = s.families.has('volume') || rates;
  // Durations are over the same rows as the intake (reported in the span), so with either
  // they are aggregated in the same scan: one pass over the events and one hash table fewer
  // (the monthly briefing's trend series went from three scans to two).
  const durationColumns = s.families.has('durations') ? durationAggregates(now) : [];
  if (flows) {
    const response = rateParts('response_rate');
    const columns = [
      'count(*) AS intake',
      ...(s.moves ? [`${countIf('closed_at < reported_at')} AS never_open`, `${countIf(`due_at < reported_at AND ${ENTERS_BACKLOG}`)} AS overdue_entered`] : []),
      ...(rates
        ? [
          `${countIf(response.trials(now))} AS response_rate_n`,
          `${countIf(response.hits(now))} AS response_rate_hits`,
        ]
        : []),
      ...durationColumns,
    ];
    ctes.push(`reported AS (
  ${grouped(s, 'reported_at', columns, rates ? `LEFT JOIN ${responseSlaTable(s.asOf)} sla ON sla.sla_severity = events.severity` : '', 'TRUE')}
)`);
  } else if (durationColumns.length > 0) {
    ctes.push(`durations AS (
  ${grouped(s, 'reported_at', durationColumns, '', 'TRUE')}
)`);
  }
  if (flows) {
    // With moves, invalid reports are kept (they leave the backlog too) and every other
    // column is restricted to valid events by its FILTER; without, the scan drops them.
    const valid = (condition: string) => (s.moves ? `${VALID} AND ${condition}` : condition);
    const columns = [
      s.moves ? `${countIf(VALID)} AS closed` : 'count(*) AS closed',
      ...(rates
        ? [
          ...(['on_time', 'resolution', 'satisfaction'] as const).flatMap((name) => {
            const parts = rateParts(`${name}_rate`);
            return [
              `${countIf(valid(parts.trials(now)))} AS ${name}_n`,
              `${countIf(`${valid(`${parts.trials(now)} AND ${parts.hits(now)}`)}`)} AS ${name}_hits`,
            ];
          }),
        ]
        : []),
      ...(s.moves ? [`${countIf('closed_at >= reported_at')} AS "left"`, `${countIf('closed_at > due_at AND closed_at >= reported_at')} AS overdue_left`] : []),
    ];
    ctes.push(`closed AS (
  ${grouped(s, 'closed_at', columns, '', s.moves ? 'TRUE' : VALID)}
)`);
  }
  return ctes;
}

/** LEFT JOINs of the span CTEs onto `frame` (which has key and span). */
export function spanJoins(families: ReadonlySet<TrendFamily>, frame: string): string {
  const joins: string[] = [];
  const on = (alias: string) => `${alias}.key = ${frame}.key AND ${alias}.span = ${frame}.span`;
  if (families.has('volume') || families.has('rates')) joins.push(`LEFT JOIN reported r ON ${on('r')}`, `LEFT JOIN closed c ON ${on('c')}`);
  if (families.has('durations') && !durationsInReported(families)) joins.push(`LEFT JOIN durations d ON ${on('d')}`);
  return joins.join('\n');
}

/** Output columns of the families asked for; `backlog`/`overdue` are SQL expressions (volume only). */
export function measureColumns(families: ReadonlySet<TrendFamily>, backlog: string, overdue: string): string[] {
  const count = (expression: string, name: string) => `coalesce(${expression}, 0)::INTEGER AS ${name}`;
  const rate = (hits: string, n: string) => `${hits}::DOUBLE / nullif(${n}, 0)`;
  const columns: string[] = [];
  if (families.has('volume')) columns.push(count('r.intake', 'intake'), count('c.closed', 'closed'), count(backlog, 'backlog'), count(overdue, 'overdue'));
  if (families.has('rates')) {
    columns.push(
      count('r.response_rate_n', 'response_rate_n'), count('r.response_rate_hits', 'response_rate_hits'), `${rate('r.response_rate_hits', 'r.response_rate_n')} AS response_rate`,
      count('c.on_time_n', 'on_time_n'), count('c.on_time_hits', 'on_time_hits'), `${rate('c.on_time_hits', 'c.on_time_n')} AS on_time_rate`,
      count('c.resolution_n', 'resolution_n'), count('c.resolution_hits', 'resolution_hits'), `${rate('c.resolution_hits', 'c.resolution_n')} AS resolution_rate`,
      count('c.satisfaction_n', 'satisfaction_n'), count('c.satisfaction_hits', 'satisfaction_hits'), `${rate('c.satisfaction_hits', 'c.satisfaction_n')} AS satisfaction_rate`,
    );
  }
  if (families.has('durations')) {
    const d = durationsInReported(families) ? 'r' : 'd';
    for (const name of ['response', 'handling', 'closure']) {
      columns.push(count(`${d}.${name}_n`, `${name}_n`), `${d}.${name}_q[1] / ${sqlNumber(HOUR_MS)}.0 AS ${name}_median_h`, `${d}.${name}_q[2] / ${sqlNumber(HOUR_MS)}.0 AS ${name}_p90_h`);
    }
  }
  return columns;
}
