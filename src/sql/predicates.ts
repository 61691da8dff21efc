/**
 * The conditions every builder shares, so that "valid", "open at a moment", "under a unit"
 * and "in a period" are written once. Each returns SQL text over the `events` table's
 * columns; `now` is a SQL timestamp literal (sqlTimestamp of the data time).
 */
export { inPeriod } from './period';
export { underUnit } from './filter';

/** Valid events: invalid or duplicate reports are left out of rates and durations. */
export const VALID = "status <> 'invalid'";

/** In the backlog at `now`: reported by then and not closed by then (a close after `now` is not yet known). */
export function openAt(now: string): string {
  return `reported_at <= ${now} AND (closed_at IS NULL OR closed_at > ${now})`;
}

/** Past its deadline at `now` (for an event open then); an event without a deadline is never overdue. */
export function pastDeadline(now: string): string {
  return `due_at < ${now}`;
}

/** A lifecycle timestamp known at `now`: set, and not after it (a later one had not happened yet). */
export function knownAt(column: string, now: string): string {
  return `${column} <= ${now}`;
}
