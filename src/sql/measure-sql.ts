import type { MeasureId } from '../domain/measures';
import { knownAt, openAt, pastDeadline, VALID } from './predicates';

/**
 * The SQL of each measure of the registry (src/domain/measures/registry.ts), keyed by the
 * same ids: the compiler refuses a registry id without an entry here. A measure is
 * computed over one of three scans of `events`, the anchor it is used at:
 * - `reported`: events reported in the period (intake, durations, closure and response rates);
 * - `closed`: valid events closed in the period (closed, on-time, resolution, satisfaction);
 * - `open`: events open at the moment (backlog, overdue).
 * Conditions are over that scan's rows; `now` is the data time as a SQL literal. Every
 * builder (KPI strip, unit measures, trends) takes its conditions from here, so a rate's
 * trials are the same rows on every screen.
 */
export type Scan = 'reported' | 'closed' | 'open';

export type MeasureSql =
  /** count(*) of the scan's rows meeting `where`. */
  | { form: 'count'; scan: Scan; where: (now: string) => string }
  /** hits ÷ trials: trials are the rows that carry the measure's inputs, hits a subset of them. */
  | { form: 'rate'; scan: Scan; trials: (now: string) => string; hits: (now: string) => string }
  /** A statistic of `to − from` over valid rows reported in the period whose `to` is known at the moment. */
  | { form: 'duration'; from: string; to: string; quantile: 0.5 | 0.9 }
  /** Computed by the per-unit query from other measures and the units table (stated in its builder). */
  | { form: 'unit' };

const always = () => 'TRUE';
const duration = (from: string, to: string, quantile: 0.5 | 0.9): MeasureSql => ({ form: 'duration', from, to, quantile });

export const MEASURE_SQL: Record<MeasureId, MeasureSql> = {
  intake: { form: 'count', scan: 'reported', where: always },
  intake_per_10k: { form: 'unit' },
  closed: { form: 'count', scan: 'closed', where: always },
  backlog: { form: 'count', scan: 'open', where: always },
  // Events without a deadline cannot be overdue: they are left out, and counted for the coverage.
  overdue: { form: 'count', scan: 'open', where: pastDeadline },
  overdue_share: { form: 'rate', scan: 'open', trials: () => 'due_at IS NOT NULL', hits: pastDeadline },
  closure_rate: { form: 'rate', scan: 'reported', trials: () => VALID, hits: (now) => `${VALID} AND ${knownAt('closed_at', now)}` },
  // Needs the response deadline of the severity joined in (sla_us, sla_cutoff): see trend-measures.ts.
  response_rate: {
    form: 'rate', scan: 'reported',
    trials: (now) => `${VALID} AND sla_us IS NOT NULL AND (${knownAt('accepted_at', now)} OR reported_at <= sla_cutoff)`,
    hits: (now) => `${VALID} AND ${knownAt('accepted_at', now)} AND epoch_us(accepted_at) - epoch_us(reported_at) <= sla_us`,
  },
  // Trials are the closed events that have a deadline: one without cannot be late or on time.
  on_time_rate: { form: 'rate', scan: 'closed', trials: () => 'due_at IS NOT NULL', hits: () => 'closed_at <= due_at' },
  resolution_rate: { form: 'rate', scan: 'closed', trials: () => 'outcome IS NOT NULL', hits: () => "outcome = 'resolved'" },
  satisfaction_rate: { form: 'rate', scan: 'closed', trials: () => 'satisfaction IS NOT NULL', hits: () => "satisfaction IN ('satisfied', 'basically_satisfied')" },
  response_median_h: duration('reported_at', 'accepted_at', 0.5),
  response_p90_h: duration('reported_at', 'accepted_at', 0.9),
  handling_median_h: duration('accepted_at', 'resolved_at', 0.5),
  handling_p90_h: duration('accepted_at', 'resolved_at', 0.9),
  closure_median_h: duration('reported_at', 'closed_at', 0.5),
  closure_p90_h: duration('reported_at', 'closed_at', 0.9),
  residents_per_worker: { form: 'unit' },
  service_radius_km: { form: 'unit' },
  patrol_coverage_7d: { form: 'unit' },
};

/** The condition selecting a scan's rows over a period (`inPeriodOf(column)`) or at the moment. */
export function scanWhere(scan: Scan, inPeriodOf: (column: string) => string, now: string): string {
  switch (scan) {
    case 'reported': return inPeriodOf('reported_at');
    case 'closed': return `${inPeriodOf('closed_at')} AND ${VALID}`;
    case 'open': return openAt(now);
  }
}

/** Rows a duration is computed over, within the `reported` scan. */
export function durationRows(sql: { from: string; to: string }, now: string): string {
  return `${VALID} AND ${sql.from} IS NOT NULL AND ${knownAt(sql.to, now)}`;
}

export function rateParts(id: MeasureId): Extract<MeasureSql, { form: 'rate' }> {
  const sql = MEASURE_SQL[id];
  if (sql.form !== 'rate') throw new Error(`Measure "${id}" is not a rate`);
  return sql;
}

/**
 * The columns of a query's result that carry each measure besides its own (a rate's hits
 * and trials, a coverage count): when loaded data cannot support the measure, these are
 * blanked with it so that no table, chart or export shows their zeros.
 */
export const MEASURE_RESULT_COLUMNS: Partial<Record<MeasureId, readonly string[]>> = {
  on_time_rate: ['on_time_rate', 'on_time_hits', 'on_time_n'],
  satisfaction_rate: ['satisfaction_rate', 'satisfaction_hits', 'satisfaction_n'],
  resolution_rate: ['resolution_rate', 'resolution_hits', 'resolution_n'],
  response_rate: ['response_rate', 'response_rate_hits', 'response_rate_n'],
  overdue: ['overdue', 'overdue_n'],
};
