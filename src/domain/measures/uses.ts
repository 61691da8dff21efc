import type { MeasureId, Words } from './types';

/**
 * Where the registry's measures appear, in the order shown. A use names a measure and, for
 * a fixed-window tile, its window; it adds no definition of its own, so a number means the
 * same on every screen. Adding a KPI tile is one line here (and its SQL anchor in
 * src/sql/kpis.ts when the window is new); see docs/measures.md.
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

/** How a window changes a tile's label, and the sentence its definition gains. */
export const KPI_WINDOW_WORDS: Record<KpiWindow, { zh: { suffix: string; sentence: string }; en: { suffix: string; sentence: string } }> = {
  selected: { zh: { suffix: '（所选时段）', sentence: '本期为所选时段（按当前单位和筛选条件）。' }, en: { suffix: ' (selected period)', sentence: 'The period is the selected time range (current unit and filters).' } },
  today: { zh: { suffix: '（今日）', sentence: '本期为今日：城市当地时间 0 点至数据时点。' }, en: { suffix: ' (today)', sentence: 'The period is today: city-local midnight up to the data time.' } },
  now: { zh: { suffix: '', sentence: '时点为数据时点。' }, en: { suffix: '', sentence: 'The moment is the data time.' } },
  '30d': { zh: { suffix: '（近30天）', sentence: '本期为近30天（含今日，至数据时点）。' }, en: { suffix: ' (30 days)', sentence: 'The period is the last 30 days (today included, up to the data time).' } },
};

/** The words of a tile: the measure's, with the window said in the label and the definition. */
export function kpiTileWords(measureWords: Words, window: KpiWindow, language: 'zh' | 'en'): Words {
  const w = KPI_WINDOW_WORDS[window][language];
  return { label: `${measureWords.label}${w.suffix}`, definition: `${measureWords.definition}${language === 'zh' ? '' : ' '}${w.sentence}` };
}

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
