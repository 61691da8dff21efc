import { eventWhere, type EventFilter } from './filter';
import { VALID } from './kpis';
import { sqlTimestamp } from './literal';
import { inPeriod, type Period } from './period';

export interface DepartmentMeasuresOptions {
  period: Period;
  /** Backlog and overdue are taken at this moment (the end of the period, or the data time if earlier). */
  asOf: string;
  filter?: EventFilter;
}

/**
 * One row per lead department with events in the period or open at `asOf`, for the
 * department ranking (部门晾晒): intake (reported in the period), closed (valid, closed in
 * the period), on-time hits and rate among them, satisfaction hits and rate among those
 * rated, backlog and overdue at `asOf`, median response time (hours) of valid events
 * reported in the period and accepted by `asOf`. Rates are NULL without a denominator;
 * events without a department are the key "".
 */
export function departmentMeasures(options: DepartmentMeasuresOptions): string {
  const { period, filter = {} } = options;
  const now = sqlTimestamp(options.asOf);
  const reported = inPeriod('reported_at', period);
  const closed = `${inPeriod('closed_at', period)} AND ${VALID}`;
  const open = `reported_at <= ${now} AND (closed_at IS NULL OR closed_at > ${now})`;
  const rated = `${closed} AND satisfaction IS NOT NULL`;
  return `SELECT coalesce(department, '') AS department,
  count(*) FILTER (WHERE ${reported}) AS intake,
  count(*) FILTER (WHERE ${closed}) AS closed,
  count(*) FILTER (WHERE ${closed} AND closed_at <= due_at) AS on_time_hits,
  (count(*) FILTER (WHERE ${closed} AND closed_at <= due_at))::DOUBLE / nullif(count(*) FILTER (WHERE ${closed}), 0) AS on_time_rate,
  count(*) FILTER (WHERE ${rated} AND satisfaction IN ('satisfied', 'basically_satisfied')) AS satisfaction_hits,
  count(*) FILTER (WHERE ${rated}) AS satisfaction_n,
  (count(*) FILTER (WHERE ${rated} AND satisfaction IN ('satisfied', 'basically_satisfied')))::DOUBLE / nullif(count(*) FILTER (WHERE ${rated}), 0) AS satisfaction_rate,
  count(*) FILTER (WHERE ${open}) AS backlog,
  count(*) FILTER (WHERE ${open} AND due_at < ${now}) AS overdue,
  median(epoch(accepted_at - reported_at) / 3600.0) FILTER (WHERE ${reported} AND ${VALID} AND accepted_at <= ${now}) AS response_median_h
FROM events
WHERE (${reported} OR ${inPeriod('closed_at', period)} OR ${open}) AND ${eventWhere(filter)}
GROUP BY ALL
ORDER BY department`;
}
