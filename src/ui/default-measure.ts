import { UNIT_MEASURE_GROUPS, UNIT_MEASURES, type MeasureId, type UnitMeasure } from '../domain/measures';

/** The measure each choropleth layer starts on, and the ranking's when no layer chooses one. */
const DEFAULT_MEASURE = { coverage: 'intake_per_10k', response: 'response_median_h' } as const;

/** The measures offered with a choropleth layer, or the rankable ones without. */
export function groupMeasures(choroplethGroup: 'coverage' | 'response' | null): UnitMeasure[] {
  return UNIT_MEASURES.filter((m) => (choroplethGroup ? UNIT_MEASURE_GROUPS[choroplethGroup].includes(m.id) : m.rankBy !== null));
}

/**
 * The group's default measure, or its first one the data supports when the default needs
 * what the loaded data lacks (per 10,000 residents without populations).
 */
export function defaultMeasure(choroplethGroup: 'coverage' | 'response' | null, unavailable: ReadonlyMap<MeasureId, unknown> | undefined): UnitMeasure {
  const preferred = UNIT_MEASURES.find((m) => m.id === (choroplethGroup ? DEFAULT_MEASURE[choroplethGroup] : 'intake_per_10k'))!;
  if (!unavailable?.has(preferred.id)) return preferred;
  return groupMeasures(choroplethGroup).find((m) => !unavailable.has(m.id)) ?? preferred;
}
