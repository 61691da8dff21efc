/**
 * Fair rankings of units (晾晒, docs/domain.md §3): a minimum volume below which a unit is
 * listed but not ranked, ties sharing a rank, and a Wilson interval beside every rate.
 * Pure functions: no I/O, no SQL.
 */

/** Below this many events behind a value (e.g. closed events for an on-time rate), a unit is listed but not ranked. */
export const MIN_RANKING_VOLUME = 30;

/** Which way is better when ranking: rank 1 goes to the highest or to the lowest value. */
export type RankDirection = 'higher' | 'lower';

/** Why a unit has no rank. */
export type UnrankedReason =
  /** The value is undefined for this unit (no data, no residents, no grids …). */
  | 'no_value'
  /** Fewer events behind the value than the minimum volume. */
  | 'below_min_volume';

/** The columns a ranking reads: the value, and the volume behind it (null when volume does not apply, e.g. residents per worker). */
export interface RankingColumns {
  value: string;
  volume: string | null;
}

export interface RankedRow<T> {
  row: T;
  value: number | null;
  volume: number | null;
  /** 1 for the best; ties share a rank and the next rank is skipped (1, 2, 2, 4). Null when unranked. */
  rank: number | null;
  unrankedReason: UnrankedReason | null;
}

/**
 * Wilson score interval for a proportion successes/trials at the given z (1.96 ≈ 95 %).
 * Null when there are no trials. Unlike the normal approximation it stays inside [0, 1]
 * and is honest for small counts and for 0 % and 100 %.
 */
export function wilsonInterval(successes: number, trials: number, z = 1.96): [number, number] | null {
  if (!Number.isFinite(successes) || !Number.isFinite(trials) || !Number.isFinite(z) || trials < 0 || successes < 0 || successes > trials || z < 0) {
    throw new Error(`Invalid Wilson interval input: successes ${successes}, trials ${trials}, z ${z} (need 0 ≤ successes ≤ trials, z ≥ 0)`);
  }
  if (trials === 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const margin = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return [Math.max(0, centre - margin), Math.min(1, centre + margin)];
}

function numberOrNull(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  return null;
}

/** Equal within floating-point noise (rates computed from the same counts are exactly equal anyway). */
function tied(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Rank rows (one per unit) on `columns.value`. A row is unranked when its value is null
 * or when its volume is below `minVolume`. Returns every row, best first: ranked rows in
 * rank order, then rows below the minimum volume (by value), then rows without a value;
 * rows that compare equal keep their input order.
 */
export function rankUnits<T extends Record<string, unknown>>(
  rows: readonly T[],
  columns: RankingColumns,
  direction: RankDirection,
  minVolume: number = MIN_RANKING_VOLUME,
): RankedRow<T>[] {
  const sign = direction === 'higher' ? -1 : 1;
  const entries: RankedRow<T>[] = rows.map((row) => {
    const value = numberOrNull(row[columns.value]);
    const volume = columns.volume === null ? null : (numberOrNull(row[columns.volume]) ?? 0);
    const unrankedReason: UnrankedReason | null = value === null ? 'no_value' : volume !== null && volume < minVolume ? 'below_min_volume' : null;
    return { row, value, volume, rank: null, unrankedReason };
  });
  const group = (e: RankedRow<T>) => (e.unrankedReason === null ? 0 : e.unrankedReason === 'below_min_volume' ? 1 : 2);
  const order = entries.map((entry, index) => ({ entry, index }));
  order.sort((a, b) => {
    const byGroup = group(a.entry) - group(b.entry);
    if (byGroup !== 0) return byGroup;
    if (a.entry.value !== null && b.entry.value !== null && !tied(a.entry.value, b.entry.value)) return sign * (a.entry.value - b.entry.value);
    return a.index - b.index;
  });
  const sorted = order.map((o) => o.entry);
  let previous: RankedRow<T> | null = null;
  sorted.forEach((entry, position) => {
    if (entry.unrankedReason !== null || entry.value === null) return;
    entry.rank = previous !== null && previous.value !== null && tied(previous.value, entry.value) ? previous.rank : position + 1;
    previous = entry;
  });
  return sorted;
}

/**
 * Which ranked rows cannot be told apart: consecutive rows (in rank order) whose intervals
 * overlap the interval of the first row of their group share its group number. A rate
 * ranked 1–9 where the nine 95 % intervals overlap says nothing about order, so the list
 * says so instead of ranking them. Rows without an interval are groups of their own.
 * Returns one group number per row, in the order given.
 */
export function overlapGroups(intervals: readonly ([number, number] | null)[]): number[] {
  const groups: number[] = [];
  let group = -1;
  let head: [number, number] | null = null;
  for (const interval of intervals) {
    const overlaps = interval !== null && head !== null && interval[0] <= head[1] && head[0] <= interval[1];
    if (!overlaps) { group++; head = interval; }
    groups.push(group);
  }
  return groups;
}
