import { SEVERITIES } from '../domain/events';
import { RESPONSE_SLA_HOURS } from '../domain/sla';
import { VALID } from './kpis';
import { sqlNumber, sqlString, sqlTimestamp } from './literal';

/**
 * The measures of a trend (DESIGN.md §3) as SQL over spans of time, shared by the series
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
 *   share with closed_at ≤ due_at; with outcome = resolved among those with an outcome;
 *   satisfied or basically satisfied among those rated.
 *
 * Counts with no event behind them are 0; rates and durations are NULL.
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
} as const;
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

const HOUR_MS = 3_600_000;

/** What the span CTEs need to know: how a timestamp maps to a span, the key and the filter. */
export interface SpanSql {
  /** The span (group) of a timestamp column; NULL when it is in none. */
  span(column: string): string;
  /** A plain time condition on the column for the rows in some span (lets DuckDB skip row groups). */
  within(column: string): string;
  /** The key expression (what the series is split by). */
  key: string;
  /** The event filter condition. */
  where: string;
  asOf: string;
  families: ReadonlySet<TrendFamily>;
  /**
   * Also count the backlog moves of each span (for a running sum): `r.entered`,
   * `r.overdue_entered` (reported in the span; entering the overdue set at once because
   * due before reported), `c.left`, `c.overdue_left` (closed in the span).
   */
  moves?: boolean;
}

// The distinct response deadlines; events are grouped by severity and counted against each
// deadline, and the group's own deadline is picked afterwards on the small result. A CASE on
// severity per row was 2-3x slower in the wasm build.
const DEADLINES = [...new Set(SEVERITIES.map((s) => RESPONSE_SLA_HOURS[s] * HOUR_MS))];
const deadlineIndex = (severity: number) => DEADLINES.indexOf(RESPONSE_SLA_HOURS[severity as keyof typeof RESPONSE_SLA_HOURS] * HOUR_MS);

/** Rows that ever sit in the backlog: not closed before they were reported (bad data otherwise). */
export const ENTERS_BACKLOG = '(closed_at IS NULL OR closed_at >= reported_at)';
/** Rows that ever sit in the overdue set: in the backlog after their deadline. */
export const ENTERS_OVERDUE = `(due_at IS NOT NULL AND (closed_at IS NULL OR (closed_at > due_at AND closed_at >= reported_at)))`;

/**
 * CTE definitions ("name AS (...)") of the flow measures by (key, span): `reported`
 * (intake, response-rate parts), `durations`, `closed`. Which ones depends on the families.
 */
export function spanCtes(s: SpanSql): string[] {
  const now = sqlTimestamp(s.asOf);
  const ctes: string[] = [];
  const rates = s.families.has('rates');
  const flows = s.families.has('volume') || rates;
  if (flows) {
    const accepted = `accepted_at <= ${now}`;
    const perDeadline = rates
      ? DEADLINES.flatMap((ms, i) => [
        `count(*) FILTER (WHERE ${VALID} AND (${accepted} OR reported_at <= ${now} - INTERVAL ${sqlNumber(ms)} MILLISECOND)) AS decided_${i}`,
        `count(*) FILTER (WHERE ${VALID} AND ${accepted} AND epoch_ms(accepted_at) - epoch_ms(reported_at) <= ${sqlNumber(ms)}) AS hits_${i}`,
      ])
      : [];
    const moves = s.moves
      ? [`count(*) FILTER (WHERE ${ENTERS_BACKLOG}) AS entered`, `count(*) FILTER (WHERE due_at < reported_at AND ${ENTERS_OVERDUE}) AS overdue_entered`]
      : [];
    const pick = (part: string) => `sum(CASE severity ${SEVERITIES.map((sev) => `WHEN ${sqlNumber(sev)} THEN ${part}_${deadlineIndex(sev)}`).join(' ')} ELSE 0 END)`;
    ctes.push(`reported_by_severity AS (
  SELECT ${s.key} AS key, ${s.span('reported_at')} AS span${rates ? ', severity' : ''}, ${['count(*) AS intake', ...moves, ...perDeadline].join(', ')}
  FROM events WHERE ${s.within('reported_at')} AND ${s.where}
  GROUP BY ALL
)`, `reported AS (
  SELECT key, span, ${['sum(intake) AS intake', ...(s.moves ? ['sum(entered) AS entered', 'sum(overdue_entered) AS overdue_entered'] : []), ...(rates ? [`${pick('decided')} AS response_rate_n`, `${pick('hits')} AS response_rate_hits`] : [])].join(', ')}
  FROM reported_by_severity WHERE span IS NOT NULL
  GROUP BY ALL
)`);
  }
  if (s.families.has('durations')) {
    const duration = (name: string, from: string, to: string) => {
      const where = `${VALID} AND ${from} IS NOT NULL AND ${to} <= ${now}`;
      return `count(*) FILTER (WHERE ${where}) AS ${name}_n, quantile_cont(epoch_ms(${to}) - epoch_ms(${from}), [0.5, 0.9]) FILTER (WHERE ${where}) AS ${name}_q`;
    };
    ctes.push(`durations AS (
  SELECT ${s.key} AS key, ${s.span('reported_at')} AS span,
    ${duration('response', 'reported_at', 'accepted_at')},
    ${duration('handling', 'accepted_at', 'resolved_at')},
    ${duration('closure', 'reported_at', 'closed_at')}
  FROM events WHERE ${s.within('reported_at')} AND ${s.where}
  GROUP BY ALL
)`);
  }
  if (flows) {
    const rateColumns = rates
      ? [
        'count(*) FILTER (WHERE closed_at <= due_at) AS on_time_hits',
        'count(outcome) AS resolution_n',
        "count(*) FILTER (WHERE outcome = 'resolved') AS resolution_hits",
        'count(satisfaction) AS satisfaction_n',
        "count(*) FILTER (WHERE satisfaction IN ('satisfied', 'basically_satisfied')) AS satisfaction_hits",
      ]
      : [];
    if (!s.moves) {
      ctes.push(`closed AS (
  SELECT ${s.key} AS key, ${s.span('closed_at')} AS span, ${['count(*) AS closed', ...rateColumns].join(', ')}
  FROM events WHERE ${s.within('closed_at')} AND ${VALID} AND ${s.where}
  GROUP BY ALL
)`);
    } else {
      // Invalid reports leave the backlog too, so the scan keeps them and splits by validity.
      const names = rateColumns.map((c) => c.slice(c.lastIndexOf(' AS ') + 4));
      ctes.push(`closed_by_validity AS (
  SELECT ${s.key} AS key, ${s.span('closed_at')} AS span, ${VALID} AS valid, ${['count(*) AS closed', ...rateColumns, `count(*) FILTER (WHERE closed_at >= reported_at) AS "left"`, `count(*) FILTER (WHERE closed_at > due_at AND closed_at >= reported_at) AS overdue_left`].join(', ')}
  FROM events WHERE ${s.within('closed_at')} AND ${s.where}
  GROUP BY ALL
)`, `closed AS (
  SELECT key, span, ${[...['closed', ...names].map((n) => `coalesce(sum(${n}) FILTER (WHERE valid), 0) AS ${n}`), 'sum("left") AS "left"', 'sum(overdue_left) AS overdue_left'].join(', ')}
  FROM closed_by_validity WHERE span IS NOT NULL
  GROUP BY ALL
)`);
    }
  }
  return ctes;
}

/** LEFT JOINs of the span CTEs onto `frame` (which has key and span). */
export function spanJoins(families: ReadonlySet<TrendFamily>, frame: string): string {
  const joins: string[] = [];
  const on = (alias: string) => `${alias}.key = ${frame}.key AND ${alias}.span = ${frame}.span`;
  if (families.has('volume') || families.has('rates')) joins.push(`LEFT JOIN reported r ON ${on('r')}`, `LEFT JOIN closed c ON ${on('c')}`);
  if (families.has('durations')) joins.push(`LEFT JOIN durations d ON ${on('d')}`);
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
      count('c.closed', 'on_time_n'), count('c.on_time_hits', 'on_time_hits'), `${rate('c.on_time_hits', 'c.closed')} AS on_time_rate`,
      count('c.resolution_n', 'resolution_n'), count('c.resolution_hits', 'resolution_hits'), `${rate('c.resolution_hits', 'c.resolution_n')} AS resolution_rate`,
      count('c.satisfaction_n', 'satisfaction_n'), count('c.satisfaction_hits', 'satisfaction_hits'), `${rate('c.satisfaction_hits', 'c.satisfaction_n')} AS satisfaction_rate`,
    );
  }
  if (families.has('durations')) {
    for (const name of ['response', 'handling', 'closure']) {
      columns.push(count(`d.${name}_n`, `${name}_n`), `d.${name}_q[1] / ${sqlNumber(HOUR_MS)}.0 AS ${name}_median_h`, `d.${name}_q[2] / ${sqlNumber(HOUR_MS)}.0 AS ${name}_p90_h`);
    }
  }
  return columns;
}

/** City-local timestamp text of a TIMESTAMP expression ("YYYY-MM-DD HH:MM:SS"), independent of any time zone. */
export function timestampText(expression: string): string {
  return `strftime(${expression}, '%Y-%m-%d %H:%M:%S')`;
}

/** Date text of a DATE or TIMESTAMP expression ("YYYY-MM-DD"). */
export function dateText(expression: string): string {
  return `strftime(${expression}, '%Y-%m-%d')`;
}
