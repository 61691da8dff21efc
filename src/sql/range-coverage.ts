import { countIf } from './count-if';
import { sqlTimestamp } from './literal';
import { inPeriod, type Period } from './period';

/**
 * How much of the loaded data a time range holds: events reported in the range, all
 * loaded events, the span of their reports and how many come after the data time. Read
 * by the filter bar so that a range that shows almost nothing (a historical extract opened
 * on "the last 30 days") says so and offers the whole span (issue #14 point 6).
 */
export function rangeCoverage(period: Period, asOf: string): string {
  return `SELECT ${countIf(inPeriod('reported_at', period))} AS in_range,
  count(*) AS loaded,
  strftime(min(reported_at), '%Y-%m-%d') AS first_day,
  strftime(max(reported_at) FILTER (WHERE reported_at <= ${sqlTimestamp(asOf)}), '%Y-%m-%d') AS last_day,
  ${countIf(`reported_at > ${sqlTimestamp(asOf)}`)} AS after_data_time
FROM events`;
}
