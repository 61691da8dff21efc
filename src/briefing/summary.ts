import { formatChange, formatCount, formatPercent, formatRelative, formatValue } from '../domain/format';
import { KIND_NAMES, PREVIOUS_NAMES } from './kinds';
import { categoryLabel, measureLabel, periodLabel, type Language } from './labels';
import { findMeasure } from '../domain/measures';
import type { Briefing, HeadlineRow } from './model';

function row(briefing: Briefing, id: string): HeadlineRow | undefined {
  return briefing.headline.find((r) => r.measure === id);
}

/** The category whose share moved most between the previous period and this one. */
function biggestShift(briefing: Briefing): { category: string; shift: number } | null {
  let best: { category: string; shift: number } | null = null;
  for (const r of briefing.categories) {
    if (typeof r.share_current !== 'number' || typeof r.share_previous !== 'number') continue;
    const shift = r.share_current - r.share_previous;
    if (!best || Math.abs(shift) > Math.abs(best.shift)) best = { category: String(r.category), shift };
  }
  return best;
}

/**
 * The short written summary (a few sentences) generated from the briefing's numbers only:
 * every figure in it is in the tables below it. Deterministic, so the page, the Markdown
 * and the command give the same words.
 */
export function writeSummary(briefing: Briefing, lang: Language): string[] {
  const intake = row(briefing, 'intake'), closed = row(briefing, 'closed'), backlog = row(briefing, 'backlog'), overdue = row(briefing, 'overdue');
  const onTime = row(briefing, 'on_time_rate'), satisfaction = row(briefing, 'satisfaction_rate');
  const previousName = PREVIOUS_NAMES[briefing.kind][lang];
  const m = briefing.matters;
  const top = briefing.categories.find((r) => typeof r.current === 'number' && r.current > 0);
  const shift = biggestShift(briefing);
  const unfavourable = briefing.indicators.filter((i) => i.unfavourable).map((i) => measureLabel(i.measure, lang));
  const sentences: string[] = [];
  const period = periodLabel(briefing, lang);
  // A measure the data cannot support reads "unavailable", never 0 (briefing.unavailable).
  const missing = (id: string) => briefing.unavailable[id] !== undefined;
  const percent = (id: string, r: HeadlineRow | undefined) => (missing(id) ? (lang === 'zh' ? '不可用' : 'unavailable') : formatPercent(r?.value ?? null));
  const onTimeChange = missing('on_time_rate') ? '' : lang === 'zh' ? `（较${previousName} ${formatChange('ratio', onTime?.change ?? null, lang)}）` : ` (${formatChange('ratio', onTime?.change ?? null, lang)} on the ${previousName})`;
  // Each count the data cannot support gets its own phrase, so that no number word follows "unavailable".
  const closedZh = missing('closed') ? '办结件数不可用' : `办结 ${formatCount(closed?.value ?? null)} 件`;
  const backlogZh = missing('backlog') ? '期末在办件数不可用'
    : `期末在办 ${formatCount(backlog?.value ?? null)} 件${missing('overdue') ? '（超期件数不可用）' : `，其中超期 ${formatCount(overdue?.value ?? null)} 件`}`;
  const closedEn = missing('closed') ? 'closures unavailable' : `${formatCount(closed?.value ?? null)} closed`;
  const backlogEn = missing('backlog') ? 'backlog unavailable'
    : `${formatCount(backlog?.value ?? null)} open at the end of the period${missing('overdue') ? ' (overdue: unavailable)' : `, ${formatCount(overdue?.value ?? null)} of them overdue`}`;
  const overdueSevereZh = missing('overdue') ? '三级以上超期不可用' : `三级以上超期 ${m.overdueSevere.total} 件`;
  const overdueSevereEn = missing('overdue') ? 'overdue events of severity 3 or more unavailable' : `${m.overdueSevere.total} overdue events of severity 3 or more`;
  if (lang === 'zh') {
    sentences.push(`${period}，${briefing.unit.name}共受理事件 ${formatCount(intake?.value ?? null)} 件，较${previousName}${formatRelative(intake?.changeRel ?? null)}（近28日同口径基线 ${formatCount(intake?.baseline28 ?? null)} 件）；${closedZh}；${backlogZh}。`);
    sentences.push(`按时办结率 ${percent('on_time_rate', onTime)}${onTimeChange}，满意率 ${percent('satisfaction_rate', satisfaction)}。`);
    sentences.push(unfavourable.length > 0 ? `偏离正常区间且需关注的指标 ${unfavourable.length} 项：${unfavourable.join('、')}。` : '各项指标均未向不利方向偏离正常区间。');
    sentences.push(`需关注事项：${overdueSevereZh}，上报（升级）在办 ${m.escalations.total} 件，异常聚集 ${m.anomalies.total} 处，重复投诉 ${m.repeats.total} 处${m.emerging ? `，新兴热点 ${m.emerging.total} 处` : ''}${m.persistent ? `，持续热点 ${m.persistent.total} 处` : ''}。`);
    if (top) sentences.push(`受理量最多的类别为${categoryLabel(String(top.category), lang)}（${formatPercent(top.share_current as number | null)}）${shift && Math.abs(shift.shift) >= 0.005 ? `；占比变化最大的是${categoryLabel(shift.category, lang)}（${formatChange('ratio', shift.shift, lang)}）` : ''}。`);
  } else {
    sentences.push(`${KIND_NAMES[briefing.kind].en} for ${briefing.unit.name}, ${period}: ${formatCount(intake?.value ?? null)} events reported, ${formatRelative(intake?.changeRel ?? null)} on the ${previousName} (28-day baseline ${formatCount(intake?.baseline28 ?? null)}); ${closedEn}; ${backlogEn}.`);
    sentences.push(`On-time rate ${percent('on_time_rate', onTime)}${onTimeChange}, satisfaction rate ${percent('satisfaction_rate', satisfaction)}.`);
    sentences.push(unfavourable.length > 0 ? `${unfavourable.length} indicator${unfavourable.length > 1 ? 's' : ''} outside the normal band on the unfavourable side: ${unfavourable.join(', ')}.` : 'No indicator is outside its normal band on the unfavourable side.');
    sentences.push(`Matters needing attention: ${overdueSevereEn}, ${m.escalations.total} open escalations, ${m.anomalies.total} anomalous counts, ${m.repeats.total} repeated-complaint places${m.emerging ? `, ${m.emerging.total} emerging hot spots` : ''}${m.persistent ? `, ${m.persistent.total} persistent hot spots` : ''}.`);
    if (top) sentences.push(`The largest category was ${categoryLabel(String(top.category), lang)} (${formatPercent(top.share_current as number | null)})${shift && Math.abs(shift.shift) >= 0.005 ? `; the largest shift in share was ${categoryLabel(shift.category, lang)} (${formatChange('ratio', shift.shift, lang)})` : ''}.`);
  }
  return sentences;
}

/** A headline value in its unit (for tables). */
export function headlineValue(id: string, value: number | null, lang: Language): string {
  const measure = findMeasure(id);
  return measure ? formatValue(measure.unit, value, lang) : formatCount(value);
}
