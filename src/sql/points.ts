import { CATEGORIES } from '../domain/categories';
import { STATUSES } from '../domain/events';
import { eventWhere, type EventFilter } from './filter';
import { sqlNumber, sqlString, sqlTimestamp } from './literal';
import { inPeriod, type Period } from './period';

function indexCase(column: string, codes: readonly string[]): string {
  return `CASE ${column} ${codes.map((code, i) => `WHEN ${sqlString(code)} THEN ${sqlNumber(i)}`).join(' ')} ELSE -1 END`;
}

/**
 * Event points for the map, columnar: coordinates, small integer codes for category and
 * status (turned into colours on our side), severity, hours since the period start (for
 * GPU time filtering) and the row id (to fetch an event's detail when it is clicked).
 */
export function eventPoints(period: Period, filter: EventFilter = {}): string {
  return `SELECT lon::FLOAT AS lon, lat::FLOAT AS lat,
  (${indexCase('category', CATEGORIES.map((c) => c.code))})::TINYINT AS category_index,
  (${indexCase('status', STATUSES)})::TINYINT AS status_index,
  severity::TINYINT AS severity,
  (epoch(reported_at - ${sqlTimestamp(period.start)}) / 3600.0)::FLOAT AS t_hours,
  rowid::INTEGER AS rid
FROM events
WHERE ${inPeriod('reported_at', period)} AND ${eventWhere(filter)}`;
}

/** The event id of a row that eventPoints returned (what a click on a point gives). */
export function eventIdByRow(rowId: number): string {
  if (!Number.isInteger(rowId) || rowId < 0) throw new Error(`Invalid event row id ${rowId}: must be a non-negative integer`);
  return `SELECT event_id FROM events WHERE rowid = ${sqlNumber(rowId)}`;
}

/** One event, every column, by its id. */
export function eventById(eventId: string): string {
  return `SELECT * FROM events WHERE event_id = ${sqlString(eventId)} LIMIT 1`;
}
