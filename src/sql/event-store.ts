/**
 * The demo's events can be served straight from a DuckDB database file (events.duckdb)
 * attached read-only, instead of being copied into an in-memory table: attaching takes
 * well under a second where building the table from Arrow takes seconds (npm run bench),
 * and the file's compressed columns are a third of the Arrow bytes.
 *
 * The file's `events` is found through the search path, after the in-memory schema: so
 * `FROM events` works unchanged (row ids included, which a view would hide), and an
 * in-memory `events` made later (the user's data, a live refresh) takes precedence. Such a
 * swap drops `memory.main.events` by its full name, because an unqualified DROP would reach
 * the read-only file and fail, and releases the file once the new table is in.
 */
export const EVENT_STORE = 'event_store';
export const EVENT_STORE_FILE = 'events.duckdb';
/** The in-memory schema of duckdb-wasm's default database, where every other table lives. */
export const MEMORY_SCHEMA = 'memory.main';
/** The in-memory events table by its full name (never the file's). */
export const MEMORY_EVENTS = `${MEMORY_SCHEMA}.events`;

/** Attach the registered EVENT_STORE_FILE and let its tables be found after the in-memory ones. */
export function attachEventStore(): string {
  return `ATTACH '${EVENT_STORE_FILE}' AS ${EVENT_STORE} (READ_ONLY); SET search_path = '${MEMORY_SCHEMA},${EVENT_STORE}.main'`;
}

/** Forget the file (if attached): the search path first, as it would name a missing catalog. */
export function releaseEventStore(): string {
  return `RESET search_path; DETACH DATABASE IF EXISTS ${EVENT_STORE}`;
}

/** Whether the events in use are the file's (an in-memory table would come first). */
export function eventsLocation(): string {
  return `SELECT database_name FROM duckdb_tables() WHERE table_name = 'events' AND schema_name = 'main' ORDER BY database_name = 'memory' DESC LIMIT 1`;
}

/** Copy the file's events into memory (before changing them in place: the file is read-only). */
export function materializeEvents(): string {
  return `CREATE TABLE ${MEMORY_EVENTS} AS SELECT * FROM ${EVENT_STORE}.main.events`;
}
