import type { EventColumn } from '../events';
import { MEASURES } from './registry';
import type { MeasureId, UnitField } from './types';
import { KPI_TILES } from './uses';

/** Why a measure cannot be shown, in both languages (src/i18n's unavailableReason makes it). */
export interface Reason { zh: string; en: string }

export interface MissingInputs {
  id: MeasureId;
  missingColumns: EventColumn[];
  missingUnitFields: UnitField[];
}

/**
 * Columns the validator derives when a file lacks them, so measures needing only these
 * stay available: status from the lifecycle timestamps.
 */
const DERIVED: ReadonlySet<EventColumn> = new Set(['status']);

/**
 * The measures that cannot be computed from the mapped columns (and the unit fields at
 * hand), with what each lacks. Read from the registry's needs: there is no other list to
 * keep in step. src/ingest/availability.ts adds the reason in words.
 */
export function missingInputs(mappedColumns: readonly EventColumn[], unitFields: readonly UnitField[] = []): MissingInputs[] {
  const have = new Set<EventColumn>([...mappedColumns, ...DERIVED]);
  const haveUnits = new Set(unitFields);
  return MEASURES.flatMap((m) => {
    const missingColumns = m.needs.events.filter((c) => !have.has(c));
    const missingUnitFields = (m.needs.units ?? []).filter((f) => !haveUnits.has(f));
    return missingColumns.length === 0 && missingUnitFields.length === 0 ? [] : [{ id: m.id, missingColumns, missingUnitFields }];
  });
}

/**
 * A map of unavailable measures by id, from a stored list. Lists stored before the registry
 * named KPI tiles and unit measures separately (`kind: 'kpi'` with a tile id): a tile id is
 * read as its measure, so data kept in the browser from then still says the same.
 */
export function unavailableById(stored: readonly { id: string; kind?: string; zh: string; en: string }[]): Map<MeasureId, Reason> {
  const out = new Map<MeasureId, Reason>();
  for (const entry of stored) {
    const tile = KPI_TILES.find((t) => t.id === entry.id && entry.kind === 'kpi');
    const id = tile ? tile.measure : entry.id;
    if (MEASURES.some((m) => m.id === id)) out.set(id as MeasureId, { zh: entry.zh, en: entry.en });
  }
  return out;
}
