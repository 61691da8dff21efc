/**
 * Every value and identifier that enters SQL passes through this file, and nothing else
 * builds SQL literals: one place to get quoting right (as Mosaic's literal.ts does).
 */

/** A string literal: single quotes doubled, NUL refused (DuckDB would cut the string there). */
export function sqlString(value: string): string {
  if (value.includes('\u0000')) throw new Error(`Invalid SQL string value ${JSON.stringify(value.slice(0, 40))}: must not contain NUL`);
  return `'${value.replaceAll("'", "''")}'`;
}

/** A quoted identifier: double quotes doubled, so a column named from a user's file cannot escape. */
export function sqlIdentifier(name: string): string {
  if (name.length === 0 || name.includes('\u0000')) throw new Error(`Invalid SQL identifier ${JSON.stringify(name)}: must be non-empty and contain no NUL`);
  return `"${name.replaceAll('"', '""')}"`;
}

/** A finite number literal. */
export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Invalid SQL number ${value}: must be finite`);
  return String(value);
}

const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/;

/** A TIMESTAMP literal from city-local "YYYY-MM-DD[ HH:MM[:SS]]" text. */
export function sqlTimestamp(value: string): string {
  if (!TIMESTAMP_PATTERN.test(value)) throw new Error(`Invalid timestamp "${value}": expected YYYY-MM-DD HH:MM:SS (city-local time)`);
  return `TIMESTAMP ${sqlString(value)}`;
}

/** A list literal for IN (...): each value quoted. */
export function sqlStringList(values: readonly string[]): string {
  if (values.length === 0) throw new Error('Invalid SQL list: must not be empty');
  return `(${values.map(sqlString).join(', ')})`;
}
