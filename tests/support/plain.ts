/** Plain-JS helpers for computing expected answers independently of DuckDB. */

/** City-local "YYYY-MM-DD HH:MM:SS" as epoch ms of the same wall-clock reading in UTC; null stays null. */
export const wallClockMs = (text: string | null | undefined): number | null => (text === null || text === undefined ? null : Date.parse(`${text.replace(' ', 'T')}Z`));

/** The median as DuckDB computes it (the mean of the two middle values for an even count). */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
