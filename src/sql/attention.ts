import { eventWhere, type EventFilter } from './filter';
import { pastDeadline, VALID } from './predicates';
import { sqlNumber, sqlTimestamp } from './literal';

export interface AttentionOptions {
  /** The moment the list describes: events open at it. */
  asOf: string;
  filter?: EventFilter;
  /** Rows listed (the total is counted over all of them). */
  limit?: number;
}

const COLUMNS = `event_id, category, severity, grid_code, lon, lat, department, status,
  strftime(reported_at, '%Y-%m-%d %H:%M') AS reported_at, strftime(due_at, '%Y-%m-%d %H:%M') AS due_at, address`;

function openAt(now: string): string {
  return `reported_at <= ${now} AND (closed_at IS NULL OR closed_at > ${now})`;
}

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new Error(`Invalid list limit ${limit}: expected a whole number from 1 to 10000`);
}

/** Valid events open at `asOf` that match `condition`, with `hours` since `since` and the total of all such events. */
function openEventList(options: AttentionOptions, condition: (now: string) => string, hoursColumn: string, since: string, order: string): string {
  const limit = options.limit ?? 20;
  checkLimit(limit);
  const now = sqlTimestamp(options.asOf);
  return `SELECT ${COLUMNS},
  round(epoch(${now} - ${since}) / 3600.0, 1) AS ${hoursColumn}, count(*) OVER () AS total
FROM events
WHERE ${openAt(now)} AND ${condition(now)} AND ${eventWhere(options.filter ?? {})}
ORDER BY ${order}, event_id
LIMIT ${sqlNumber(limit)}`;
}

/**
 * Overdue events of severity ≥ 3 (三级以上超期, a matter needing attention): valid events
 * open at `asOf` whose deadline has passed, most severe and longest overdue first, with
 * `overdue_h` (hours past the deadline at `asOf`) and `total` (all such events, not only
 * those listed).
 */
export function overdueSevere(options: AttentionOptions): string {
  return openEventList(options, (now) => `${pastDeadline(now)} AND severity >= 3 AND ${VALID}`, 'overdue_h', 'due_at', 'severity DESC, due_at');
}

/**
 * Escalations (上报): events open at `asOf` whose status is "escalated" — passed up to a
 * higher level because the grid or township could not close them. The schema keeps the
 * current status, not when it changed, so a briefing for a past date lists the events
 * open then that are escalated now; the page and the command say so.
 */
export function escalatedOpen(options: AttentionOptions): string {
  return openEventList(options, () => "status = 'escalated'", 'open_h', 'reported_at', 'severity DESC, reported_at');
}
