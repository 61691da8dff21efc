/** How a KPI moved against a comparison value (the wall: the same hours yesterday; the dashboard: the period before). */
export interface KpiChange {
  /** Arrow direction; "flat" for no change, null when the comparison has no value. */
  direction: 'up' | 'down' | 'flat' | null;
  /** Absolute change: a count, or percentage points for a rate. */
  magnitude: number | null;
  /** Whether the move is good news (fewer overdue, more closed), for its colour. */
  good: boolean | null;
}

/** The change from `previous` to `value`; `better` says which way is good for this measure. */
export function kpiChange(value: number | null, previous: number | null, better: 'higher' | 'lower'): KpiChange {
  if (value === null || previous === null || !Number.isFinite(value) || !Number.isFinite(previous)) return { direction: null, magnitude: null, good: null };
  const delta = value - previous;
  if (Math.abs(delta) < 1e-9) return { direction: 'flat', magnitude: 0, good: null };
  return { direction: delta > 0 ? 'up' : 'down', magnitude: Math.abs(delta), good: (delta > 0) === (better === 'higher') };
}
