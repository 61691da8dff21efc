import type { UnitMeasureId } from '../domain/unit-measures';

export type Reason = { zh: string; en: string };

/**
 * For each headline measure, the unit measure that reads the same columns
 * (src/ingest/availability.ts): when loaded data cannot support one, it cannot support the
 * other, and the briefing says "unavailable" with the same reason instead of a zero.
 */
const SAME_NEEDS: Record<string, UnitMeasureId> = {
  intake: 'intake', closed: 'closure_rate', backlog: 'backlog', overdue: 'overdue',
  // The response rate and the response time both need the acceptance time.
  response_rate: 'response_median_h', response_median_h: 'response_median_h',
  on_time_rate: 'on_time_rate', resolution_rate: 'resolution_rate', satisfaction_rate: 'satisfaction_rate',
  closure_median_h: 'closure_median_h',
};

/** The headline measures the data cannot support, with the reason, from the unit measures it cannot support. */
export function unavailableHeadlineMeasures(unitMeasures: ReadonlyMap<string, Reason> | undefined): Map<string, Reason> {
  const out = new Map<string, Reason>();
  if (!unitMeasures) return out;
  for (const [measure, unitMeasure] of Object.entries(SAME_NEEDS)) {
    const reason = unitMeasures.get(unitMeasure);
    if (reason) out.set(measure, reason);
  }
  return out;
}
