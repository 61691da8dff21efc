import { countIf } from './count-if';
import { EVENT_COLUMN_TYPES } from './load';
import { MEMORY_EVENTS } from './event-store';
import { sqlIdentifier, sqlString } from './literal';

/**
 * The statements behind a live refresh of the events table (the wall display): new data is
 * loaded into a staging table beside `events`, checked, and only then swapped in by one
 * transaction, so panels querying meanwhile see either the old table or the new one.
 */
export const STAGING_TABLE = 'events_incoming';

/** Columns and DuckDB types of a table, in order. */
export function tableColumns(table: string): string {
  return `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ${sqlString(table)} ORDER BY ordinal_position`;
}

/** Row count, rows without an event_id or reported_at, duplicate ids, and the newest report as city-local text. */
export function stagingChecks(table: string = STAGING_TABLE): string {
  return `SELECT count(*)::BIGINT AS row_count,
  ${countIf('event_id IS NULL OR reported_at IS NULL')} AS incomplete,
  (count(event_id) - count(DISTINCT event_id))::BIGINT AS duplicate_ids,
  strftime(max(reported_at), '%Y-%m-%d %H:%M:%S') AS newest_report
FROM ${sqlIdentifier(table)}`;
}

const COLUMN_LIST = Object.keys(EVENT_COLUMN_TYPES).map(sqlIdentifier).join(', ');

/**
 * The statements (for inside a transaction) that put the table `from` in place of `events`:
 * renamed, not copied. The in-memory table is dropped by its full name, because an attached
 * events file (sql/event-store.ts) is read-only; the caller releases the file after the commit.
 */
export function replaceEventsBy(from: string): string {
  return `DROP TABLE IF EXISTS ${MEMORY_EVENTS};
ALTER TABLE ${sqlIdentifier(from)} RENAME TO events;`;
}

/** Replace `events` by the staging table in one transaction. */
export function swapInStaging(): string {
  return `BEGIN TRANSACTION;
${replaceEventsBy(STAGING_TABLE)}
COMMIT`;
}

/**
 * Merge the staging table into `events` in one transaction: an event whose id is already
 * there is replaced (its status moved on), the others are appended. The events must be in
 * memory (materializeEvents() first when they are still the attached file's).
 */
export function mergeStaging(): string {
  const staging = sqlIdentifier(STAGING_TABLE);
  return `BEGIN TRANSACTION;
DELETE FROM events WHERE event_id IN (SELECT event_id FROM ${staging});
INSERT INTO events (${COLUMN_LIST}) SELECT ${COLUMN_LIST} FROM ${staging};
DROP TABLE ${staging};
COMMIT`;
}

export function dropStaging(): string {
  return `DROP TABLE IF EXISTS ${sqlIdentifier(STAGING_TABLE)}`;
}
