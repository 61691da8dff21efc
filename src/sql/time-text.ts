/** SQL text of city-local times, the same for every viewer: strftime on TIMESTAMP values, which carry no zone. */

/** City-local timestamp text of a TIMESTAMP expression ("YYYY-MM-DD HH:MM:SS"), independent of any time zone. */
export function timestampText(expression: string): string {
  return `strftime(${expression}, '%Y-%m-%d %H:%M:%S')`;
}

/** Date text of a DATE or TIMESTAMP expression ("YYYY-MM-DD"). */
export function dateText(expression: string): string {
  return `strftime(${expression}, '%Y-%m-%d')`;
}
