import { unitPrefix, unitPrefixRange } from '../domain/unit-codes';
import { sqlNumber, sqlString, sqlStringList } from './literal';

/**
 * What every panel is narrowed to: a unit of the hierarchy and the attribute filters.
 * Time is not part of it: each measure has its own period (today, last 30 days, …).
 */
export interface EventFilter {
  /** Code of a unit; events whose grid code starts with its prefix belong to it. */
  unitCode?: string;
  categories?: readonly string[];
  channels?: readonly string[];
  statuses?: readonly string[];
  severities?: readonly number[];
}

/** Re-exported for the SQL builders: the prefix logic lives with the other unit-code rules. */
export { unitPrefix };

/**
 * SQL condition "the code in `column` lies under the unit `code`", written as the range
 * `prefix <= column < next prefix` rather than `starts_with`: the two are equal for every
 * string (VARCHAR compares byte by byte, and a unit prefix is digits, so its last byte can
 * be raised by one), but only a comparison with a constant becomes a filter inside
 * DuckDB's table scan, where the min/max of each stored segment lets it skip rows. The
 * events table is kept in order of month, then grid code (EVENTS_ORDER in load.ts), so a
 * unit's rows lie together within each month and a drill-down reads little else.
 */
export function underUnit(column: string, code: string): string {
  const { from, to } = unitPrefixRange(code);
  return `(${column} >= ${sqlString(from)} AND ${column} < ${sqlString(to)})`;
}

/** SQL condition for the filter over the `events` table; TRUE when nothing is filtered. */
export function eventWhere(filter: EventFilter): string {
  const parts: string[] = [];
  if (filter.unitCode) parts.push(underUnit('grid_code', filter.unitCode));
  if (filter.categories?.length) parts.push(`category IN ${sqlStringList(filter.categories)}`);
  if (filter.channels?.length) parts.push(`channel IN ${sqlStringList(filter.channels)}`);
  if (filter.statuses?.length) parts.push(`status IN ${sqlStringList(filter.statuses)}`);
  if (filter.severities?.length) parts.push(`severity IN (${filter.severities.map(sqlNumber).join(', ')})`);
  return parts.length > 0 ? parts.join(' AND ') : 'TRUE';
}
