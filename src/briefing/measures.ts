import type { RankDirection } from '../domain/ranking';
import type { TrendMeasure } from '../sql/trend-measures';

/**
 * How the briefing names, shows and judges each trend measure (definitions of the numbers
 * are those of src/sql/trend-measures.ts, repeated here in words for the reader).
 * `kind` decides how a period's value is set against the daily baseline: a flow adds up
 * over the days of the period, a stock is a level at its end, an average is a rate or a
 * duration over the period.
 */
export interface BriefingMeasure {
  id: TrendMeasure;
  kind: 'flow' | 'stock' | 'average';
  unit: 'count' | 'ratio' | 'hours';
  better: RankDirection;
  zh: { label: string; definition: string };
  en: { label: string; definition: string };
}

const m = (id: TrendMeasure, kind: BriefingMeasure['kind'], unit: BriefingMeasure['unit'], better: RankDirection,
  zh: [string, string], en: [string, string]): BriefingMeasure => ({ id, kind, unit, better, zh: { label: zh[0], definition: zh[1] }, en: { label: en[0], definition: en[1] } });

/** The measures of the headline table, in the order shown. */
export const HEADLINE_MEASURES: readonly BriefingMeasure[] = [
  m('intake', 'flow', 'count', 'lower', ['受理量', '本期上报的事件数，含无效/重复件。'], ['Intake', 'Events reported in the period, invalid or duplicate reports included.']),
  m('closed', 'flow', 'count', 'higher', ['办结量', '本期办结的有效事件数。'], ['Closed', 'Valid events closed in the period.']),
  m('backlog', 'stock', 'count', 'lower', ['在办', '期末已上报、尚未办结的事件数。'], ['Backlog', 'Events reported and not closed at the end of the period.']),
  m('overdue', 'stock', 'count', 'lower', ['超期', '期末在办事件中已过办结时限的事件数。'], ['Overdue', 'Backlog events past their deadline at the end of the period.']),
  m('response_rate', 'average', 'ratio', 'higher', ['响应率', '本期上报的有效事件中，在响应时限内受理的比例（仍在时限内未受理的不计）。'], ['Response rate', 'Of valid events reported in the period, the share accepted within the response deadline (events still inside it are left out).']),
  m('on_time_rate', 'average', 'ratio', 'higher', ['按时办结率', '本期办结的有效事件中，办结时间不晚于办结时限的比例。'], ['On-time rate', 'Of valid events closed in the period, the share closed by their deadline.']),
  m('resolution_rate', 'average', 'ratio', 'higher', ['解决率', '本期办结且有处置结果的有效事件中，结果为已解决的比例。'], ['Resolution rate', 'Of valid events closed in the period with an outcome, the share resolved.']),
  m('satisfaction_rate', 'average', 'ratio', 'higher', ['满意率', '本期办结且已评价的事件中，满意与基本满意的比例。'], ['Satisfaction rate', 'Of events closed in the period and rated, the share satisfied or basically satisfied.']),
  m('response_median_h', 'average', 'hours', 'lower', ['响应时长中位数', '本期上报并已受理的有效事件，上报到受理的时长中位数（小时）。'], ['Median response time', 'Median hours from report to acceptance, valid events reported in the period and accepted.']),
  m('closure_median_h', 'average', 'hours', 'lower', ['办结时长中位数', '本期上报并已办结的有效事件，上报到办结的时长中位数（小时）。'], ['Median closure time', 'Median hours from report to closure, valid events reported in the period and closed.']),
];

export function headlineMeasure(id: string): BriefingMeasure | undefined {
  return HEADLINE_MEASURES.find((measure) => measure.id === id);
}
