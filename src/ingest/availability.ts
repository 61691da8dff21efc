import type { EventColumn } from '../domain/events';
import { missingInputs, type MissingInputs, type Reason, type UnitField } from '../domain/measures';
import { unavailableReason } from '../i18n';

export interface UnavailableMeasure extends MissingInputs, Reason {}

/**
 * The measures that cannot be computed from the mapped columns (and the unit fields at
 * hand), each with the reason in both languages (it is saved with the loaded data), so that
 * every screen shows "unavailable" instead of a zero.
 */
export function unavailableMeasures(mappedColumns: readonly EventColumn[], unitFields: readonly UnitField[] = []): UnavailableMeasure[] {
  return missingInputs(mappedColumns, unitFields).map((m) => ({ ...m, ...unavailableReason(m.missingColumns, m.missingUnitFields) }));
}
