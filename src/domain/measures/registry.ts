import type { Measure, MeasureId, MeasureNeeds, Words } from './types';

/**
 * Every measure OneMap shows, once: its words in both languages, its unit, which way is
 * better, its kind, what it reads and how it takes part in per-unit maps and rankings. Its
 * SQL is in src/sql/measure-sql.ts, keyed by the same ids (the compiler insists on one
 * entry per id there too). Definitions of docs/domain.md's measures table, stated exactly
 * as computed; "the period" is the time range of the panel (the selected range, a
 * briefing's day, week or month, a trend's span), "the moment" is the data time on the
 * dashboard and the wall, a period's end in a briefing's trend.
 */

const VALID_ZH = '（无效/重复件不计）';
const VALID_EN = ' (invalid or duplicate reports excluded)';

const words = (label: string, definition: string): Words => ({ label, definition });

interface DurationSpec {
  id: MeasureId;
  stat: 'median' | 'p90';
  column: 'response' | 'handling' | 'closure';
  volume: string;
  needs: MeasureNeeds;
  zh: { name: string; span: string; need: string };
  en: { name: string; span: string; need: string };
}

/** A duration statistic: over valid events reported in the period whose end is known at the moment. */
function duration(spec: DurationSpec): Measure {
  const median = spec.stat === 'median';
  const zhStat = median ? '中位数' : 'P90（90%分位数）';
  const enStat = median ? 'Median' : '90th percentile (P90)';
  return {
    id: spec.id, kind: 'average', unit: 'hours', better: 'lower', needs: spec.needs,
    unitUse: { columns: { value: spec.id, volume: spec.volume }, sizeDependent: false, rankBy: spec.id },
    zh: words(`${spec.zh.name}${median ? '中位数' : 'P90'}`,
      `本期上报、且截至数据时点${spec.zh.need}的有效事件，${spec.zh.span}时长的${zhStat}${VALID_ZH}；无此类事件时为空。`),
    en: words(median ? `Median ${spec.en.name.toLowerCase()}` : `${spec.en.name} (P90)`,
      `${enStat} of ${spec.en.span} over valid events reported in the period and ${spec.en.need} by the data time${VALID_EN}; empty when there are none.`),
  };
}

const RESPONSE = { zh: { name: '响应时长', span: '从上报到受理（accepted_at − reported_at）', need: '已受理' }, en: { name: 'Response time', span: 'accepted_at − reported_at', need: 'accepted' } };
const HANDLING = { zh: { name: '处置时长', span: '从受理到处置完成（resolved_at − accepted_at）', need: '已受理并处置完成' }, en: { name: 'Handling time', span: 'resolved_at − accepted_at', need: 'accepted and resolved' } };
const CLOSURE = { zh: { name: '办结时长', span: '从上报到办结（closed_at − reported_at）', need: '已办结' }, en: { name: 'Closure time', span: 'closed_at − reported_at', need: 'closed' } };
const RESPONSE_NEEDS: MeasureNeeds = { events: ['reported_at', 'accepted_at'] };
const HANDLING_NEEDS: MeasureNeeds = { events: ['accepted_at', 'resolved_at'] };
const CLOSURE_NEEDS: MeasureNeeds = { events: ['reported_at', 'closed_at'] };

export const MEASURES: readonly Measure[] = [
  {
    id: 'intake', kind: 'flow', unit: 'count', better: 'lower', needs: { events: ['reported_at'] },
    unitUse: { columns: { value: 'intake', volume: 'intake' }, sizeDependent: true, rankBy: 'intake_per_10k' },
    zh: words('受理量', '本期上报的事件数，含无效/重复件。'),
    en: words('Intake', 'Events reported in the period, invalid or duplicate reports included.'),
  },
  {
    id: 'intake_per_10k', kind: 'flow', unit: 'per10k', better: 'lower', needs: { events: ['reported_at'], units: ['population'] },
    unitUse: { columns: { value: 'intake_per_10k', volume: 'intake' }, sizeDependent: false, rankBy: 'intake_per_10k' },
    zh: words('万人受理量', '本期受理量 ÷ 常住人口 × 10000；无常住人口的单元为空。'),
    en: words('Intake per 10,000 residents', 'Intake in the period ÷ residents × 10,000; empty for a unit with no residents.'),
  },
  {
    id: 'closed', kind: 'flow', unit: 'count', better: 'higher', needs: { events: ['closed_at'] },
    zh: words('办结量', `本期办结的有效事件数${VALID_ZH}。`),
    en: words('Closed', `Valid events closed in the period${VALID_EN}.`),
  },
  {
    id: 'backlog', kind: 'stock', unit: 'count', better: 'lower', needs: { events: ['reported_at', 'closed_at'] },
    unitUse: { columns: { value: 'backlog', volume: null }, sizeDependent: true, rankBy: null },
    zh: words('在办', '截至时点（看板为数据时点，简报趋势为各期期末）已上报、尚未办结的事件数。'),
    en: words('Backlog', 'Events reported by the moment and not closed at it (the data time on the dashboard, each period\'s end in a briefing\'s trend).'),
  },
  {
    id: 'overdue', kind: 'stock', unit: 'count', better: 'lower', needs: { events: ['reported_at', 'closed_at', 'due_at'] },
    coverage: { input: 'due_at', n: 'overdue_n', base: 'backlog', zh: '有办结时限', en: 'have a deadline' },
    unitUse: { columns: { value: 'overdue', volume: null }, sizeDependent: true, rankBy: 'overdue_share' },
    zh: words('超期', '在办事件中，办结时限（due_at）早于该时点的事件数；没有办结时限的事件不计入，并注明有时限的件数。'),
    en: words('Overdue', 'Backlog events whose deadline (due_at) is before the moment; events without a deadline are not counted, and how many have one is stated.'),
  },
  {
    id: 'overdue_share', kind: 'rate', unit: 'ratio', better: 'lower', needs: { events: ['reported_at', 'closed_at', 'due_at'] },
    unitUse: { columns: { value: 'overdue_share', numerator: 'overdue_share_hits', denominator: 'overdue_share_n', volume: 'overdue_share_n' }, sizeDependent: false, rankBy: 'overdue_share' },
    zh: words('超期率', '时点在办、且有办结时限的事件中，时限早于该时点（已超期）的比例；没有时限的事件不计入。超期件数的规模无关形式，用于排名。'),
    en: words('Overdue share', 'Of events open at the moment that have a deadline, the share whose deadline is before it; events without a deadline are left out. The size-independent form of the overdue count, used for ranking.'),
  },
  {
    id: 'closure_rate', kind: 'rate', unit: 'ratio', better: 'higher', needs: { events: ['reported_at', 'closed_at'] },
    unitUse: { columns: { value: 'closure_rate', numerator: 'closure_rate_hits', denominator: 'closure_rate_n', volume: 'closure_rate_n' }, sizeDependent: false, rankBy: 'closure_rate' },
    zh: words('办结率', `本期上报的有效事件中，截至数据时点已办结的比例${VALID_ZH}。`),
    en: words('Closure rate', `Of valid events reported in the period, the share closed by the data time${VALID_EN}.`),
  },
  {
    id: 'response_rate', kind: 'rate', unit: 'ratio', better: 'higher', needs: { events: ['reported_at', 'accepted_at', 'severity'] },
    zh: words('响应率', `本期上报的有效事件中，在响应时限（按事件等级）内受理的比例；截至数据时点仍在时限内未受理的不计${VALID_ZH}。`),
    en: words('Response rate', `Of valid events reported in the period, the share accepted within the response deadline of their severity; events still inside it at the data time are left out${VALID_EN}.`),
  },
  {
    id: 'on_time_rate', kind: 'rate', unit: 'ratio', better: 'higher', needs: { events: ['closed_at', 'due_at'] },
    coverage: { input: 'due_at', n: 'on_time_n', base: 'closed', zh: '有办结时限', en: 'have a deadline' },
    unitUse: { columns: { value: 'on_time_rate', numerator: 'on_time_hits', denominator: 'on_time_n', volume: 'on_time_n' }, sizeDependent: false, rankBy: 'on_time_rate' },
    zh: words('按时办结率', `本期办结、且有办结时限的有效事件中，办结时间不晚于时限（closed_at ≤ due_at）的比例${VALID_ZH}；没有时限的事件不计入，并注明有时限的件数。`),
    en: words('On-time rate', `Of valid events closed in the period that have a deadline, the share closed by it (closed_at ≤ due_at)${VALID_EN}; events without a deadline are left out, and how many have one is stated.`),
  },
  {
    id: 'resolution_rate', kind: 'rate', unit: 'ratio', better: 'higher', needs: { events: ['closed_at', 'outcome'] },
    coverage: { input: 'outcome', n: 'resolution_n', base: 'closed', zh: '有办理结果', en: 'have an outcome' },
    unitUse: { columns: { value: 'resolution_rate', numerator: 'resolution_hits', denominator: 'resolution_n', volume: 'resolution_n' }, sizeDependent: false, rankBy: 'resolution_rate' },
    zh: words('解决率', `本期办结且有办理结果的有效事件中，结果为“已解决”的比例${VALID_ZH}。`),
    en: words('Resolution rate', `Of valid events closed in the period with an outcome, the share with outcome = resolved${VALID_EN}.`),
  },
  {
    id: 'satisfaction_rate', kind: 'rate', unit: 'ratio', better: 'higher', needs: { events: ['closed_at', 'satisfaction'] },
    coverage: { input: 'satisfaction', n: 'satisfaction_n', base: 'closed', zh: '已评价', en: 'were rated' },
    unitUse: { columns: { value: 'satisfaction_rate', numerator: 'satisfaction_hits', denominator: 'satisfaction_n', volume: 'satisfaction_n' }, sizeDependent: false, rankBy: 'satisfaction_rate' },
    zh: words('满意率', `本期办结且已评价的有效事件中，“满意”与“基本满意”所占比例${VALID_ZH}。`),
    en: words('Satisfaction rate', `Of valid events closed in the period and rated, the share rated satisfied or basically satisfied${VALID_EN}.`),
  },
  duration({ id: 'response_median_h', stat: 'median', column: 'response', volume: 'response_n', needs: RESPONSE_NEEDS, ...RESPONSE }),
  duration({ id: 'response_p90_h', stat: 'p90', column: 'response', volume: 'response_n', needs: RESPONSE_NEEDS, ...RESPONSE }),
  duration({ id: 'handling_median_h', stat: 'median', column: 'handling', volume: 'handling_n', needs: HANDLING_NEEDS, ...HANDLING }),
  duration({ id: 'handling_p90_h', stat: 'p90', column: 'handling', volume: 'handling_n', needs: HANDLING_NEEDS, ...HANDLING }),
  duration({ id: 'closure_median_h', stat: 'median', column: 'closure', volume: 'closure_time_n', needs: CLOSURE_NEEDS, ...CLOSURE }),
  duration({ id: 'closure_p90_h', stat: 'p90', column: 'closure', volume: 'closure_time_n', needs: CLOSURE_NEEDS, ...CLOSURE }),
  {
    id: 'residents_per_worker', kind: 'stock', unit: 'residents', better: 'lower', needs: { events: [], units: ['population', 'grid_workers'] },
    unitUse: { columns: { value: 'residents_per_worker', volume: null }, sizeDependent: false, rankBy: 'residents_per_worker' },
    zh: words('人均服务人口', '常住人口 ÷ 网格员人数（每名网格员服务的居民数）；无网格员的单元为空。'),
    en: words('Residents per grid worker', 'Residents ÷ grid workers; empty for a unit with no grid workers.'),
  },
  {
    id: 'service_radius_km', kind: 'stock', unit: 'km', better: 'lower', needs: { events: [], units: ['area'] },
    unitUse: { columns: { value: 'service_radius_km', volume: null }, sizeDependent: false, rankBy: 'service_radius_km' },
    zh: words('网格服务半径', '网格面积折算的圆半径 √(面积 ÷ π)，单位千米；网格以上单元取其下各网格半径的平均值（不是单元自身面积的半径）。'),
    en: words('Grid service radius', 'Radius of a circle of the grid\'s area, √(area ÷ π), in km; above the grid level the mean of its grids\' radii (not the radius of the unit\'s own area).'),
  },
  {
    id: 'patrol_coverage_7d', kind: 'rate', unit: 'ratio', better: 'higher', needs: { events: ['reported_at', 'channel'] },
    unitUse: { columns: { value: 'patrol_coverage_7d', numerator: 'patrol_grids', denominator: 'grid_count', volume: null }, sizeDependent: false, rankBy: 'patrol_coverage_7d' },
    zh: words('巡查覆盖率（近7天）', '单元内网格中，近7天（数据时点所在日及之前6天，至数据时点）至少有一条网格巡查（渠道为巡查）事件的网格所占比例；不受渠道筛选影响，其他筛选条件适用；无网格的单元为空。'),
    en: words('Patrol coverage (7 days)', 'Share of the unit\'s grids with at least one grid-patrol event (channel = patrol) reported in the last 7 days (the data time\'s day and the 6 before it, up to the data time); ignores the channel filter, other filters apply; empty for a unit with no grids.'),
  },
];

const BY_ID = new Map<MeasureId, Measure>(MEASURES.map((m) => [m.id, m]));

export function measure(id: MeasureId): Measure {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`Unknown measure "${id}"`);
  return found;
}

export function isMeasureId(id: string): id is MeasureId {
  return BY_ID.has(id as MeasureId);
}

/** A measure by an id that came from outside the program (a URL, a query's result column). */
export function findMeasure(id: string | undefined): Measure | undefined {
  return id !== undefined && isMeasureId(id) ? BY_ID.get(id) : undefined;
}
