import { eventWhere, type EventFilter } from './filter';
import { VALID } from './kpis';
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

/**
 * Overdue events of severity ≥ 3 (三级以上超期, a matter needing attention): valid events
 * open at `asOf` whose deadline has passed, most severe and longest overdue first, with
 * `overdue_h` (hours past the deadline at `asOf`) and `total` (all such events, not only
 * those listed).
 */
export function overdueSevere(options: AttentionOptions): string {
  const limit = options.limit ?? 20;
  checkLimit(limit);
  const now = sqlTimestamp(options.asOf);
  return `SELECT ${COLUMNS},
  round(epoch(${now} - due_at) / 3600.0, 1) AS overdue_h, count(*) OVER () AS total
FROM events
WHERE ${openAt(now)} AND due_at < ${now} AND severity >= 3 AND ${VALID} AND ${eventWhere(options.filter ?? {})}
ORDER BY severity DESC, due_at, event_id
LIMIT ${sqlNumber(limit)}`;
}

/**
 * Escalations (上报): events open at `asOf` whose status is "escalated" — passed up to a
 * higher level because the grid or township could not close them. The schema keeps the
 * current status, not when it changed, so a briefing for a past date lists the events
 * open then that are escalated now; the page and the command say so.
 */
export function escalatedOpen(options: AttentionOptions): string {
  const limit = options.limit ?? 20;
  checkLimit(limit);
  const now = sqlTimestamp(options.asOf);
  return `SELECT ${COLUMNS},
  round(epoch(${now} - reported_at) / 3600.0, 1) AS open_h, count(*) OVER () AS total
FROM events
WHERE ${openAt(now)} AND status = 'escalated' AND ${eventWhere(options.filter ?? {})}
ORDER BY severity DESC, reported_at, event_id
LIMIT ${sqlNumber(limit)}`;
}
