import { MEASURES } from './registry';
import type { Measure, MeasureId, UnitUse } from './types';

/**
 * The registry's measures that the map's choropleths and the ranking list show per unit,
 * with their per-unit use (result columns, size dependence, what is ranked in their
 * place) spread onto the entry for the panels that read them.
 */
export type UnitMeasure = Measure & UnitUse;
export type UnitMeasureId = UnitMeasure['id'];

export const UNIT_MEASURES: readonly UnitMeasure[] = MEASURES.flatMap((m) => (m.unitUse ? [{ ...m, ...m.unitUse }] : []));

export function unitMeasure(id: MeasureId): UnitMeasure {
  const found = UNIT_MEASURES.find((m) => m.id === id);
  if (!found) throw new Error(`Measure "${id}" is not shown per unit`);
  return found;
}
