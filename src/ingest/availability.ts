import type { EventColumn } from '../domain/events';
import type { KpiId } from '../domain/measures';
import type { UnitMeasureId } from '../domain/unit-measures';

/** Unit data that some measures need besides event columns (from a units file or the boundaries' attributes). */
export type UnitField = 'population' | 'grid_workers' | 'area';

export interface MeasureNeeds { events: readonly EventColumn[]; units?: readonly UnitField[] }

/** What each measure reads (as in src/sql): a measure missing any of it cannot be computed. */
export const KPI_NEEDS: Record<KpiId, MeasureNeeds> = {
  intake_period: { events: ['reported_at'] },
  intake_today: { events: ['reported_at'] },
  backlog: { events: ['reported_at', 'closed_at'] },
  overdue: { events: ['reported_at', 'closed_at', 'due_at'] },
  on_time_rate_30d: { events: ['closed_at', 'due_at', 'status'] },
  response_median_30d: { events: ['reported_at', 'accepted_at'] },
};

export const UNIT_MEASURE_NEEDS: Record<UnitMeasureId, MeasureNeeds> = {
  intake: { events: ['reported_at'] },
  intake_per_10k: { events: ['reported_at'], units: ['population'] },
  residents_per_worker: { events: [], units: ['population', 'grid_workers'] },
  service_radius_km: { events: [], units: ['area'] },
  patrol_coverage_7d: { events: ['reported_at', 'channel'] },
  closure_rate: { events: ['reported_at', 'closed_at'] },
  on_time_rate: { events: ['closed_at', 'due_at'] },
  overdue: { events: ['reported_at', 'closed_at', 'due_at'] },
  backlog: { events: ['reported_at', 'closed_at'] },
  response_median_h: { events: ['reported_at', 'accepted_at'] },
  response_p90_h: { events: ['reported_at', 'accepted_at'] },
  handling_median_h: { events: ['accepted_at', 'resolved_at'] },
  handling_p90_h: { events: ['accepted_at', 'resolved_at'] },
  closure_median_h: { events: ['reported_at', 'closed_at'] },
  closure_p90_h: { events: ['reported_at', 'closed_at'] },
  resolution_rate: { events: ['closed_at', 'outcome'] },
  satisfaction_rate: { events: ['closed_at', 'satisfaction'] },
};

/**
 * Columns the validator derives when the file lacks them, so measures needing only these
 * stay available: status from the lifecycle timestamps.
 */
const DERIVED: ReadonlySet<EventColumn> = new Set(['status']);

export interface UnavailableMeasure {
  kind: 'kpi' | 'unit';
  id: KpiId | UnitMeasureId;
  missingColumns: EventColumn[];
  missingUnitFields: UnitField[];
  zh: string;
  en: string;
}

const UNIT_FIELD_NAMES: Record<UnitField, { zh: string; en: string }> = {
  population: { zh: '常住人口', en: 'population' },
  grid_workers: { zh: '网格员人数', en: 'grid workers' },
  area: { zh: '边界面积', en: 'boundary area' },
};

/**
 * The measures that cannot be computed from the mapped columns (and the unit fields at
 * hand), each with the reason, so that the UI shows "unavailable" instead of a zero.
 */
export function unavailableMeasures(mappedColumns: readonly EventColumn[], unitFields: readonly UnitField[] = []): UnavailableMeasure[] {
  const have = new Set<EventColumn>([...mappedColumns, ...DERIVED]);
  const haveUnits = new Set(unitFields);
  const check = (kind: 'kpi' | 'unit', id: KpiId | UnitMeasureId, needs: MeasureNeeds): UnavailableMeasure[] => {
    const missingColumns = needs.events.filter((c) => !have.has(c));
    const missingUnitFields = (needs.units ?? []).filter((f) => !haveUnits.has(f));
    if (missingColumns.length === 0 && missingUnitFields.length === 0) return [];
    const zhParts = [...missingColumns, ...missingUnitFields.map((f) => UNIT_FIELD_NAMES[f].zh)];
    const enParts = [...missingColumns, ...missingUnitFields.map((f) => UNIT_FIELD_NAMES[f].en)];
    return [{ kind, id, missingColumns, missingUnitFields, zh: `数据缺少 ${zhParts.join('、')}，无法计算`, en: `Not available: the data has no ${enParts.join(', ')}` }];
  };
  return [
    ...(Object.entries(KPI_NEEDS) as [KpiId, MeasureNeeds][]).flatMap(([id, needs]) => check('kpi', id, needs)),
    ...(Object.entries(UNIT_MEASURE_NEEDS) as [UnitMeasureId, MeasureNeeds][]).flatMap(([id, needs]) => check('unit', id, needs)),
  ];
}
