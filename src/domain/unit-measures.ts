/**
 * The per-unit measures behind the map's choropleths and the side ranking list, as data
 * (docs/domain.md §3). Each names the column(s) of the `unitMeasures` SQL result it reads, so
 * the UI, the ranking and the tests share one definition. Definitions are stated exactly
 * as computed; "the period" is the period chosen in the UI, "the data time" is `asOf`.
 */
import type { RankDirection } from './ranking';

export const UNIT_MEASURE_IDS = [
  'intake', 'intake_per_10k', 'residents_per_worker', 'service_radius_km', 'patrol_coverage_7d', 'closure_rate',
  'on_time_rate', 'overdue', 'backlog',
  'response_median_h', 'response_p90_h', 'handling_median_h', 'handling_p90_h', 'closure_median_h', 'closure_p90_h',
  'resolution_rate', 'satisfaction_rate',
] as const;
export type UnitMeasureId = (typeof UNIT_MEASURE_IDS)[number];

export type UnitMeasureUnit = 'per10k' | 'count' | 'ratio' | 'hours' | 'km' | 'residents';

/** The two choropleth layers of the map. */
export type UnitMeasureGroup = 'coverage' | 'response';

export interface UnitMeasureColumns {
  /** The measure itself. */
  value: string;
  /** For rates: successes and trials, for the Wilson interval shown beside the rate. */
  numerator?: string;
  denominator?: string;
  /** Events behind the value, compared with MIN_RANKING_VOLUME; null when volume does not apply (staffing, geometry). */
  volume: string | null;
}

export interface UnitMeasure {
  id: UnitMeasureId;
  unit: UnitMeasureUnit;
  /** Which way is better, for ranking and for the colour ramp. */
  better: RankDirection;
  /** The value grows with the unit's size (residents, area): rank `rankBy` instead. */
  sizeDependent: boolean;
  /** The measure ranked in this one's place: itself, its per-capita form, or null when it is not ranked at all. */
  rankBy: UnitMeasureId | null;
  columns: UnitMeasureColumns;
  zh: { label: string; definition: string };
  en: { label: string; definition: string };
}

const VALID_ZH = '（无效/重复件不计）';
const VALID_EN = ' (invalid or duplicate reports excluded)';

function duration(
  id: UnitMeasureId, stat: 'median' | 'p90', column: string, volume: string,
  zh: { name: string; span: string; need: string }, en: { name: string; span: string; need: string },
): UnitMeasure {
  const zhStat = stat === 'median' ? '中位数' : 'P90（90%分位数）';
  const enStat = stat === 'median' ? 'Median' : '90th percentile (P90)';
  return {
    id, unit: 'hours', better: 'lower', sizeDependent: false, rankBy: id,
    columns: { value: `${column}_${stat === 'median' ? 'median' : 'p90'}_h`, volume },
    zh: {
      label: `${zh.name}${stat === 'median' ? '中位数' : 'P90'}`,
      definition: `本期上报、且截至数据时点${zh.need}的有效事件，${zh.span}时长的${zhStat}，单位小时${VALID_ZH}；无此类事件时为空。`,
    },
    en: {
      label: `${en.name} (${stat === 'median' ? 'median' : 'P90'})`,
      definition: `${enStat} of ${en.span}, in hours, over valid events reported in the period and ${en.need} by the data time${VALID_EN}; empty when there are none.`,
    },
  };
}

export const UNIT_MEASURES: readonly UnitMeasure[] = [
  {
    id: 'intake', unit: 'count', better: 'lower', sizeDependent: true, rankBy: 'intake_per_10k',
    columns: { value: 'intake', volume: 'intake' },
    zh: { label: '受理量', definition: '本期上报的事件数，含无效/重复件。' },
    en: { label: 'Intake', definition: 'Events reported in the period, invalid or duplicate reports included.' },
  },
  {
    id: 'intake_per_10k', unit: 'per10k', better: 'lower', sizeDependent: false, rankBy: 'intake_per_10k',
    columns: { value: 'intake_per_10k', volume: 'intake' },
    zh: { label: '万人受理量', definition: '本期受理量 ÷ 常住人口 × 10000；无常住人口的单元为空。' },
    en: { label: 'Intake per 10,000 residents', definition: 'Intake in the period ÷ residents × 10,000; empty for a unit with no residents.' },
  },
  {
    id: 'residents_per_worker', unit: 'residents', better: 'lower', sizeDependent: false, rankBy: 'residents_per_worker',
    columns: { value: 'residents_per_worker', volume: null },
    zh: { label: '人均服务人口', definition: '常住人口 ÷ 网格员人数（每名网格员服务的居民数）；无网格员的单元为空。' },
    en: { label: 'Residents per grid worker', definition: 'Residents ÷ grid workers; empty for a unit with no grid workers.' },
  },
  {
    id: 'service_radius_km', unit: 'km', better: 'lower', sizeDependent: false, rankBy: 'service_radius_km',
    columns: { value: 'service_radius_km', volume: null },
    zh: { label: '网格服务半径', definition: '网格面积折算的圆半径 √(面积 ÷ π)，单位千米；网格以上单元取其下各网格半径的平均值（不是单元自身面积的半径）。' },
    en: { label: 'Grid service radius', definition: 'Radius of a circle of the grid\'s area, √(area ÷ π), in km; above the grid level the mean of its grids\' radii (not the radius of the unit\'s own area).' },
  },
  {
    id: 'patrol_coverage_7d', unit: 'ratio', better: 'higher', sizeDependent: false, rankBy: 'patrol_coverage_7d',
    columns: { value: 'patrol_coverage_7d', numerator: 'patrol_grids', denominator: 'grid_count', volume: null },
    zh: { label: '巡查覆盖率（近7天）', definition: '单元内网格中，近7天（数据时点所在日及之前6天，至数据时点）至少有一条网格巡查（渠道为巡查）事件的网格所占比例；不受渠道筛选影响，其他筛选条件适用；无网格的单元为空。' },
    en: { label: 'Patrol coverage (7 days)', definition: 'Share of the unit\'s grids with at least one grid-patrol event (channel = patrol) reported in the last 7 days (the data time\'s day and the 6 before it, up to the data time); ignores the channel filter, other filters apply; empty for a unit with no grids.' },
  },
  {
    id: 'closure_rate', unit: 'ratio', better: 'higher', sizeDependent: false, rankBy: 'closure_rate',
    columns: { value: 'closure_rate', numerator: 'closure_rate_hits', denominator: 'closure_rate_n', volume: 'closure_rate_n' },
    zh: { label: '办结率', definition: `本期上报的有效事件中，截至数据时点已办结的比例${VALID_ZH}。` },
    en: { label: 'Closure rate', definition: `Of valid events reported in the period, the share closed by the data time${VALID_EN}.` },
  },
  {
    id: 'on_time_rate', unit: 'ratio', better: 'higher', sizeDependent: false, rankBy: 'on_time_rate',
    columns: { value: 'on_time_rate', numerator: 'on_time_hits', denominator: 'on_time_n', volume: 'on_time_n' },
    zh: { label: '按时办结率', definition: `本期办结的有效事件中，办结时间不晚于办结时限（closed_at ≤ due_at）的比例${VALID_ZH}。` },
    en: { label: 'On-time rate', definition: `Of valid events closed in the period, the share closed by their deadline (closed_at ≤ due_at)${VALID_EN}.` },
  },
  {
    id: 'overdue', unit: 'count', better: 'lower', sizeDependent: true, rankBy: null,
    columns: { value: 'overdue', volume: null },
    zh: { label: '超期', definition: '截至数据时点已上报、尚未办结，且办结时限（due_at）早于数据时点的事件数。' },
    en: { label: 'Overdue', definition: 'Events reported by the data time, not closed at it, whose deadline (due_at) is before it.' },
  },
  {
    id: 'backlog', unit: 'count', better: 'lower', sizeDependent: true, rankBy: null,
    columns: { value: 'backlog', volume: null },
    zh: { label: '在办', definition: '截至数据时点已上报、尚未办结的事件数。' },
    en: { label: 'Backlog', definition: 'Events reported by the data time and not closed at it.' },
  },
  duration('response_median_h', 'median', 'response', 'response_n', { name: '响应时长', span: '从上报到受理（accepted_at − reported_at）', need: '已受理' }, { name: 'Response time', span: 'accepted_at − reported_at', need: 'accepted' }),
  duration('response_p90_h', 'p90', 'response', 'response_n', { name: '响应时长', span: '从上报到受理（accepted_at − reported_at）', need: '已受理' }, { name: 'Response time', span: 'accepted_at − reported_at', need: 'accepted' }),
  duration('handling_median_h', 'median', 'handling', 'handling_n', { name: '处置时长', span: '从受理到处置完成（resolved_at − accepted_at）', need: '已受理并处置完成' }, { name: 'Handling time', span: 'resolved_at − accepted_at', need: 'accepted and resolved' }),
  duration('handling_p90_h', 'p90', 'handling', 'handling_n', { name: '处置时长', span: '从受理到处置完成（resolved_at − accepted_at）', need: '已受理并处置完成' }, { name: 'Handling time', span: 'resolved_at − accepted_at', need: 'accepted and resolved' }),
  duration('closure_median_h', 'median', 'closure', 'closure_time_n', { name: '办结时长', span: '从上报到办结（closed_at − reported_at）', need: '已办结' }, { name: 'Closure time', span: 'closed_at − reported_at', need: 'closed' }),
  duration('closure_p90_h', 'p90', 'closure', 'closure_time_n', { name: '办结时长', span: '从上报到办结（closed_at − reported_at）', need: '已办结' }, { name: 'Closure time', span: 'closed_at − reported_at', need: 'closed' }),
  {
    id: 'resolution_rate', unit: 'ratio', better: 'higher', sizeDependent: false, rankBy: 'resolution_rate',
    columns: { value: 'resolution_rate', numerator: 'resolution_hits', denominator: 'resolution_n', volume: 'resolution_n' },
    zh: { label: '解决率', definition: `本期办结且有办理结果的有效事件中，结果为“已解决”的比例${VALID_ZH}。` },
    en: { label: 'Resolution rate', definition: `Of valid events closed in the period with an outcome, the share with outcome = resolved${VALID_EN}.` },
  },
  {
    id: 'satisfaction_rate', unit: 'ratio', better: 'higher', sizeDependent: false, rankBy: 'satisfaction_rate',
    columns: { value: 'satisfaction_rate', numerator: 'satisfaction_hits', denominator: 'satisfaction_n', volume: 'satisfaction_n' },
    zh: { label: '满意率', definition: `本期办结且已评价的有效事件中，“满意”与“基本满意”所占比例${VALID_ZH}。` },
    en: { label: 'Satisfaction rate', definition: `Of valid events closed in the period and rated, the share rated satisfied or basically satisfied${VALID_EN}.` },
  },
];

/** The measures of each choropleth layer, in the order the layer's picker lists them. */
export const UNIT_MEASURE_GROUPS: Record<UnitMeasureGroup, readonly UnitMeasureId[]> = {
  coverage: ['intake_per_10k', 'residents_per_worker', 'service_radius_km', 'patrol_coverage_7d', 'closure_rate'],
  response: ['response_median_h', 'response_p90_h', 'handling_median_h', 'handling_p90_h', 'closure_median_h', 'closure_p90_h', 'on_time_rate', 'overdue'],
};

export function unitMeasure(id: UnitMeasureId): UnitMeasure {
  const measure = UNIT_MEASURES.find((m) => m.id === id);
  if (!measure) throw new Error(`Unknown unit measure "${id}"`);
  return measure;
}
