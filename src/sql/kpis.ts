import type { KpiId } from '../domain/measures';
import { eventWhere, type EventFilter } from './filter';
import { sqlTimestamp } from './literal';
import { dayToDate, inPeriod, lastDays, type Period } from './period';

/** Valid events: invalid or duplicate reports are left out of rates and durations. */
export const VALID = "status <> 'invalid'";

/**
 * The first screen's KPI strip in one scan of `events`, one column per KpiId. `asOf` is
 * the data time (city-local), so "today" and "open" mean the same thing for every viewer;
 * `period` is the user's selected time range (for the intake of that period).
 */
export function kpiStrip(asOf: string, filter: EventFilter = {}, period: Period = lastDays(asOf, 30)): string {
  const now = sqlTimestamp(asOf);
  const today = dayToDate(asOf);
  const month = lastDays(asOf, 30);
  const open = `reported_at <= ${now} AND (closed_at IS NULL OR closed_at > ${now})`;
  const closedInMonth = `${inPeriod('closed_at', month)} AND ${VALID}`;
  const columns: Record<KpiId, string> = {
    intake_period: `count(*) FILTER (WHERE ${inPeriod('reported_at', period)})`,
    intake_today: `count(*) FILTER (WHERE ${inPeriod('reported_at', today)})`,
    backlog: `count(*) FILTER (WHERE ${open})`,
    overdue: `count(*) FILTER (WHERE ${open} AND due_at < ${now})`,
    on_time_rate_30d: `(count(*) FILTER (WHERE ${closedInMonth} AND closed_at <= due_at))::DOUBLE / nullif(count(*) FILTER (WHERE ${closedInMonth}), 0)`,
    response_median_30d: `median(epoch(accepted_at - reported_at) / 3600.0) FILTER (WHERE ${inPeriod('reported_at', month)} AND accepted_at IS NOT NULL AND ${VALID})`,
  };
  const select = Object.entries(columns).map(([id, expression]) => `  ${expression} AS ${id}`).join(',\n');
  return `SELECT\n${select}\nFROM events\nWHERE ${eventWhere(filter)}`;
}
