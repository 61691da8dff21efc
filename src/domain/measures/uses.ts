import type { MeasureId } from './types';

/**
 * Where the registry's measures appear, in the order shown. A use names a measure and, for
 * a fixed-window tile, its window; it adds no definition of its own, so a number means the
 * same on every screen. Adding a KPI tile is one line here (and, for a new window, its
 * words in the dictionary and its period in src/sql/kpis.ts); see docs/measures.md.
 */

/** The windows a dashboard tile can be fixed to, besides the user's selected range. */
export type KpiWindow = 'selected' | 'today' | 'now' | '30d';

export interface KpiTile {
  /** Stable id: the tile's data-testid is `kpi-<id>` and its SQL column is named so. */
  id: string;
  measure: MeasureId;
  window: KpiWindow;
}

export const KPI_TILES = [
  { id: 'intake_period', measure: 'intake', window: 'selected' },
  { id: 'intake_today', measure: 'intake', window: 'today' },
  { id: 'closed_today', measure: 'closed', window: 'today' },
  { id: 'backlog', measure: 'backlog', window: 'now' },
  { id: 'overdue', measure: 'overdue', window: 'now' },
  { id: 'on_time_rate_30d', measure: 'on_time_rate', window: '30d' },
  { id: 'response_median_30d', measure: 'response_median_h', window: '30d' },
] as const satisfies readonly KpiTile[];
export type KpiId = (typeof KPI_TILES)[number]['id'];

/** The two choropleth layers of the map, each with its measures in the order its picker lists them. */
export type UnitMeasureGroup = 'coverage' | 'response';
export const UNIT_MEASURE_GROUPS: Record<UnitMeasureGroup, readonly MeasureId[]> = {
  coverage: ['intake_per_10k', 'residents_per_worker', 'service_radius_km', 'patrol_coverage_7d', 'closure_rate'],
  response: ['response_median_h', 'response_p90_h', 'handling_median_h', 'handling_p90_h', 'closure_median_h', 'closure_p90_h', 'on_time_rate', 'overdue', 'overdue_share'],
};

/** The briefings' headline table. */
export const HEADLINE_MEASURE_IDS: readonly MeasureId[] = [
  'intake', 'closed', 'backlog', 'overdue', 'response_rate', 'on_time_rate', 'resolution_rate', 'satisfaction_rate', 'response_median_h', 'closure_median_h',
];

/** The wall's tiles: today's value against the same hours of yesterday. */
export const WALL_TILE_IDS = ['intake', 'closed', 'backlog', 'overdue', 'on_time_rate', 'response_rate'] as const satisfies readonly MeasureId[];
