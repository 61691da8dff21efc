import { countIf } from './count-if';
import { eventWhere, type EventFilter } from './filter';
import { durationRows, rateParts } from './measure-sql';
import { openAt, pastDeadline, VALID } from './predicates';
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
  const open = openAt(now);
  // The rates' trials and hits, and the response time's rows, are the registry's (measure-sql.ts).
  const rate = (name: 'on_time' | 'satisfaction') => {
    const parts = rateParts(`${name}_rate`);
    const trials = `${closed} AND ${parts.trials(now)}`;
    const hits = `${trials} AND ${parts.hits(now)}`;
    return `${countIf(hits)} AS ${name}_hits,
  ${countIf(trials)} AS ${name}_n,
  (${countIf(hits)})::DOUBLE / nullif(${countIf(trials)}, 0) AS ${name}_rate`;
  };
  return `SELECT coalesce(department, '') AS department,
  ${countIf(reported)} AS intake,
  ${countIf(closed)} AS closed,
  ${rate('on_time')},
  ${rate('satisfaction')},
  ${countIf(open)} AS backlog,
  ${countIf(`${open} AND ${pastDeadline(now)}`)} AS overdue,
  median(epoch(accepted_at - reported_at) / 3600.0) FILTER (WHERE ${reported} AND ${durationRows({ from: 'reported_at', to: 'accepted_at' }, now)}) AS response_median_h
FROM events
WHERE (${reported} OR ${inPeriod('closed_at', period)} OR ${open}) AND ${eventWhere(filter)}
GROUP BY ALL
ORDER BY department`;
}
