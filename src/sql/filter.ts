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

/**
 * The code prefix shared by a unit's descendants. County codes under a city start with
 * the city code minus its trailing "00" (331102 under 331100), as in GB/T 2260.
 */
export function unitPrefix(code: string): string {
  if (!/^\d{6}(\d{3}){0,3}$/.test(code)) throw new Error(`Invalid unit code "${code}": expected 6, 9, 12 or 15 digits`);
  if (code.length === 6 && code.endsWith('00')) return code.slice(0, code.endsWith('0000') ? 2 : 4);
  return code;
}

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
  const prefix = unitPrefix(code);
  const next = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return `(${column} >= ${sqlString(prefix)} AND ${column} < ${sqlString(next)})`;
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
