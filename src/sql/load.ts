import type { EventTableColumn } from '../domain/events';
import { sqlIdentifier, sqlString } from './literal';

/** DuckDB types of the events table; timestamps are city-local wall-clock time. */
export const EVENT_COLUMN_TYPES: Record<EventTableColumn, string> = {
  event_id: 'VARCHAR', channel: 'VARCHAR', category: 'VARCHAR', subcategory: 'VARCHAR', severity: 'TINYINT',
  lon: 'DOUBLE', lat: 'DOUBLE', grid_code: 'VARCHAR', department: 'VARCHAR', status: 'VARCHAR',
  closed_level: 'VARCHAR', reported_at: 'TIMESTAMP', dispatched_at: 'TIMESTAMP', accepted_at: 'TIMESTAMP',
  resolved_at: 'TIMESTAMP', closed_at: 'TIMESTAMP', due_at: 'TIMESTAMP', outcome: 'VARCHAR',
  satisfaction: 'VARCHAR', description: 'VARCHAR', address: 'VARCHAR', category_text: 'VARCHAR',
};

export const UNIT_COLUMN_TYPES = {
  code: 'VARCHAR', name: 'VARCHAR', level: 'VARCHAR', parent_code: 'VARCHAR', population: 'INTEGER',
  households: 'INTEGER', area_km2: 'DOUBLE', grid_workers: 'INTEGER', kind: 'VARCHAR', label_lon: 'DOUBLE', label_lat: 'DOUBLE',
} as const;

function columnsStruct(types: Record<string, string>): string {
  return `{${Object.entries(types).map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`).join(', ')}}`;
}

/**
 * The physical order of the events table: by month of report, then grid code, then report
 * time (event_id last, so that the order is total and a file written in it is the same
 * byte for byte). DuckDB keeps the min/max of every stored segment and skips segments a
 * table filter rules out. Time-ordered rows let "the last 30 days" skip the older months;
 * within a month, grid order puts a unit's rows together, so a drill-down (a grid code
 * range, `underUnit`) skips the rest of the month too. Grid order alone was measured 3×
 * slower on city-wide queries and briefings (they lose the time pruning).
 */
export const EVENTS_ORDER = "date_trunc('month', reported_at), grid_code, reported_at, event_id";

/** Rewrite `table` in EVENTS_ORDER (a full sort: seconds at a million rows in wasm). */
export function sortEventsTable(table: string): string {
  return `CREATE OR REPLACE TABLE ${sqlIdentifier(table)} AS SELECT * FROM ${sqlIdentifier(table)} ORDER BY ${EVENTS_ORDER}`;
}

/**
 * Read a CSV file with a known schema into a new table (header required, types fixed),
 * in the order `orderBy` when given (e.g. EVENTS_ORDER).
 */
export function createTableFromCsv(table: string, path: string, types: Record<string, string>, orderBy?: string): string {
  return `CREATE OR REPLACE TABLE ${sqlIdentifier(table)} AS SELECT * FROM read_csv(${sqlString(path)}, header = true, delim = ',', quote = '"', escape = '"', columns = ${columnsStruct(types)}, timestampformat = '%Y-%m-%d %H:%M:%S')${orderBy ? ` ORDER BY ${orderBy}` : ''}`;
}

/** Settings that make a missing extension fail at once instead of hanging on a download. */
export const OFFLINE_SETTINGS = ['SET autoload_known_extensions = false', 'SET autoinstall_known_extensions = false'];
