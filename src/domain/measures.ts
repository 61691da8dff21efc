/**
 * The measures shown on the first screen, each with the definition the UI states next
 * to its number (docs/domain.md §3). Text is per language so that the tooltip follows the UI.
 */
export type KpiId = 'intake_period' | 'intake_today' | 'backlog' | 'overdue' | 'on_time_rate_30d' | 'response_median_30d';

export interface MeasureDefinition {
  id: KpiId;
  unit: 'count' | 'ratio' | 'hours';
  zh: { label: string; definition: string };
  en: { label: string; definition: string };
}

export const KPI_DEFINITIONS: readonly MeasureDefinition[] = [
  {
    id: 'intake_period', unit: 'count',
    zh: { label: '受理量（所选时段）', definition: '所选时段内上报的事件数（按当前单位和筛选条件），含无效/重复件。' },
    en: { label: 'Intake (selected period)', definition: 'Events reported in the selected time range (current unit and filters), including invalid or duplicate reports.' },
  },
  {
    id: 'intake_today', unit: 'count',
    zh: { label: '今日受理', definition: '今日（城市当地时间 0 点至数据时点）上报的事件数，含无效/重复件。' },
    en: { label: 'Intake today', definition: 'Events reported today (city-local midnight up to the data time), including invalid or duplicate reports.' },
  },
  {
    id: 'backlog', unit: 'count',
    zh: { label: '在办', definition: '截至数据时点已上报、尚未办结的事件数。' },
    en: { label: 'Backlog', definition: 'Events reported by the data time and not yet closed.' },
  },
  {
    id: 'overdue', unit: 'count',
    zh: { label: '超期', definition: '在办事件中，办结时限（due_at）早于数据时点的事件数。' },
    en: { label: 'Overdue', definition: 'Backlog events whose deadline (due_at) is before the data time.' },
  },
  {
    id: 'on_time_rate_30d', unit: 'ratio',
    zh: { label: '按时办结率（近30天）', definition: '近30天办结的有效事件中，办结时间不晚于办结时限的比例（无效/重复件不计）。' },
    en: { label: 'On-time rate (30 days)', definition: 'Of valid events closed in the last 30 days, the share closed by their deadline (invalid reports excluded).' },
  },
  {
    id: 'response_median_30d', unit: 'hours',
    zh: { label: '响应时长中位数（近30天）', definition: '近30天上报且已受理的事件，从上报到受理（accepted_at − reported_at）时长的中位数，单位小时。' },
    en: { label: 'Median response time (30 days)', definition: 'Median of accepted_at − reported_at, in hours, over events reported in the last 30 days and already accepted.' },
  },
];
