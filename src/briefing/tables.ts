import { formatChange, formatCount, formatDuration, formatNumber, formatPercent, formatRelative, formatValue } from '../domain/format';
import { mapLinkQuery, type MapLink } from '../domain/map-link';
import { wilsonInterval, type RankedRow } from '../domain/ranking';
import type { Scalar } from '../engine/columns';
import { categoryLabel, measureLabel, unitLabel, type Language } from './labels';
import { findMeasure } from '../domain/measures';
import type { Briefing, MatterList, Row } from './model';

/** Where a row leads on the map: a unit, optionally an event, categories and days. */
export type MapTarget = MapLink;

export interface Cell {
  /** As shown (formatted in the briefing's language). */
  text: string;
  /** As exported to CSV (raw number or text). */
  value: Scalar;
}

export interface BriefingTable {
  /** Also the CSV file name and the id of the query behind it (see plan.ts). */
  id: string;
  query: string;
  title: string;
  columns: string[];
  rows: Cell[][];
  /** For each row, the place on the map it is about (matters), if any. */
  targets?: (MapTarget | null)[];
  /** The column whose text links to the row's map target (default 0). */
  linkColumn?: number;
  /** How many rows there are in all when only some are listed. */
  total?: number;
  note?: string;
  /** Why the table cannot be filled from this data (shown instead of "none", which would claim zero). */
  unavailable?: string;
}

const cell = (text: string, value: Scalar = text): Cell => ({ text, value });
const n = (value: Scalar | undefined): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const s = (value: Scalar | undefined): string => (value === null || value === undefined ? '' : String(value));

/** The query-string form of a map target, as the app's URL reads it (one codec for every mode). */
export const mapTargetQuery = mapLinkQuery;

function words(lang: Language, zh: string, en: string): string {
  return lang === 'zh' ? zh : en;
}

function periodDayRange(briefing: Briefing): { from: string; to: string } {
  return { from: briefing.periods.current.start.slice(0, 10), to: briefing.periods.asOf.slice(0, 10) };
}

/** The measures this data cannot support, with the reasons, after the headline's note. */
function unavailableNote(b: Briefing, lang: Language): string {
  const entries = Object.entries(b.unavailable);
  if (entries.length === 0) return '';
  const list = entries.map(([id, reason]) => `${measureLabel(id, lang)}${lang === 'zh' ? '：' : ': '}${reason[lang]}`).join(lang === 'zh' ? '；' : '; ');
  return lang === 'zh' ? `不可用的指标（${list}）。` : ` Unavailable measures (${list}).`;
}

function headlineTable(b: Briefing, lang: Language): BriefingTable {
  const w = (zh: string, en: string) => words(lang, zh, en);
  return {
    id: 'headline', query: 'headline', title: w('核心指标', 'Headline numbers'),
    columns: [w('指标', 'Measure'), w('本期', 'This period'), w('上期', 'Previous'), w('变化', 'Change'), w('变化率', 'Change %'), w('去年同期', 'Last year'), w('同比', 'Year on year'), w('近7日基线', '7-day baseline'), w('近28日基线', '28-day baseline'), w('正常区间', 'Normal band')],
    rows: b.headline.map((r) => {
      const unit = findMeasure(r.measure)?.unit ?? 'count';
      if (b.unavailable[r.measure]) return [cell(measureLabel(r.measure, lang), r.measure), cell(w('不可用', 'unavailable'), null), ...Array.from({ length: 8 }, () => cell('—', null))];
      const v = (x: number | null) => cell(formatValue(unit, x, lang, unit === 'count' && x !== null && !Number.isInteger(x) ? 1 : undefined), x);
      return [
        cell(measureLabel(r.measure, lang), r.measure), v(r.value), v(r.previous), cell(formatChange(unit, r.change, lang), r.change),
        cell(formatRelative(r.changeRel), r.changeRel), v(r.lastYear), cell(formatRelative(r.changeYoyRel), r.changeYoyRel),
        cell(formatValue(unit, r.baseline7, lang, unit === 'count' ? 1 : undefined), r.baseline7), cell(formatValue(unit, r.baseline28, lang, unit === 'count' ? 1 : undefined), r.baseline28),
        cell(r.band ? `${formatValue(unit, r.band[0], lang, unit === 'count' ? 1 : undefined)} – ${formatValue(unit, r.band[1], lang, unit === 'count' ? 1 : undefined)}` : '—', r.band ? `${r.band[0]}..${r.band[1]}` : null),
      ];
    }),
    note: w('基线为本期开始前7日、28日的日均值（流量按本期天数累计，存量取期末水平，比率与时长取均值）；正常区间为28日基线 ± 2 倍标准差（按本期长度换算）。上期、去年同期在本期仍在进行时截至相同时长。时长只计已受理或已办结的事件，近期数值因慢件尚未办结而偏低。',
      'Baselines are the daily means of the 7 and 28 days before the period (flows summed over its days, stocks at its end, rates and durations averaged); the normal band is the 28-day baseline ± 2 standard deviations scaled to the period. A running period is compared with the same elapsed time of the previous period and last year. Durations count only events already accepted or closed, so a recent period reads low (slow events are still open).')
      + unavailableNote(b, lang),
  };
}

function indicatorTable(b: Briefing, lang: Language): BriefingTable {
  const w = (zh: string, en: string) => words(lang, zh, en);
  return {
    id: 'indicators', query: 'headline', title: w('需关注指标', 'Indicators outside their normal band'),
    columns: [w('指标', 'Measure'), w('本期', 'This period'), w('正常区间', 'Normal band'), w('偏离', 'Side'), w('判断', 'Reading')],
    rows: b.indicators.map((i) => {
      const unit = findMeasure(i.measure)?.unit ?? 'count';
      return [
        cell(measureLabel(i.measure, lang), i.measure), cell(formatValue(unit, i.value, lang), i.value),
        cell(`${formatValue(unit, i.band[0], lang, unit === 'count' ? 1 : undefined)} – ${formatValue(unit, i.band[1], lang, unit === 'count' ? 1 : undefined)}`, `${i.band[0]}..${i.band[1]}`),
        cell(i.side === 'above' ? w('高于区间', 'above') : w('低于区间', 'below'), i.side),
        cell(i.unfavourable ? w('不利', 'unfavourable') : w('有利', 'favourable'), i.unfavourable ? 'unfavourable' : 'favourable'),
      ];
    }),
  };
}

function eventTable(b: Briefing, lang: Language, id: 'overdue_severe' | 'escalations', list: MatterList): BriefingTable {
  const w = (zh: string, en: string) => words(lang, zh, en);
  const hoursColumn = id === 'overdue_severe' ? 'overdue_h' : 'open_h';
  return {
    id, query: id, total: list.total,
    title: id === 'overdue_severe' ? w('三级以上超期事件', 'Overdue events of severity 3 or more') : w('上报（升级）在办事件', 'Open escalations'),
    columns: [w('事件编号', 'Event'), w('类别', 'Category'), w('等级', 'Severity'), w('网格', 'Grid'), w('部门', 'Department'), w('上报时间', 'Reported'), w('办结时限', 'Due'), id === 'overdue_severe' ? w('已超期', 'Overdue by') : w('已在办', 'Open for')],
    rows: list.rows.map((r) => [
      cell(s(r.event_id)), cell(categoryLabel(s(r.category), lang), r.category ?? null), cell(formatCount(n(r.severity)), r.severity ?? null),
      cell(unitLabel(b, s(r.grid_code)), r.grid_code ?? null), cell(s(r.department)), cell(s(r.reported_at)), cell(s(r.due_at)),
      cell(formatDuration(n(r[hoursColumn]), lang), r[hoursColumn] ?? null),
    ]),
    targets: list.rows.map((r) => ({ unit: s(r.grid_code), event: s(r.event_id), ...periodDayRange(b) })),
    unavailable: id === 'overdue_severe' && b.unavailable.overdue ? b.unavailable.overdue[lang] : undefined,
    note: id === 'escalations' ? w('数据只记录事件的当前状态：列出期末在办、当前状态为“上报”的事件。', 'The data keeps only the current status: listed are events open at the end of the period whose status is now "escalated".') : undefined,
  };
}

function anomalyTable(b: Briefing, lang: Language, list: MatterList): BriefingTable {
  const w = (zh: string, en: string) => words(lang, zh, en);
  const levelName: Record<string, [string, string]> = { county: ['区县', 'county'], township: ['乡镇街道', 'township'], grid: ['网格', 'grid'] };
  return {
    id: 'anomalies', query: 'anomalies', total: list.total, linkColumn: 1, title: w('异常聚集（按自身近28日历史）', 'Anomalous counts (against the unit\'s own last 28 days)'),
    columns: [w('层级', 'Level'), w('单位', 'Unit'), w('类别', 'Category'), w('日期', 'Day'), w('件数', 'Events'), w('期望', 'Expected'), w('尾概率', 'Tail probability')],
    rows: list.rows.map((r) => [
      cell(levelName[s(r.level)]?.[lang === 'zh' ? 0 : 1] ?? s(r.level), r.level ?? null), cell(unitLabel(b, s(r.unit_code)), r.unit_code ?? null),
      cell(categoryLabel(s(r.category), lang), r.category ?? null), cell(s(r.day)), cell(formatCount(n(r.observed)), r.observed ?? null),
      cell(formatNumber(n(r.expected), 1), r.expected ?? null), cell(n(r.probability) === null ? '—' : (r.probability as number).toExponential(1), r.probability ?? null),
    ]),
    targets: list.rows.map((r) => ({ unit: s(r.unit_code), categories: [s(r.category)], from: s(r.day), to: s(r.day) })),
    note: w('某单位某类别当日件数，按其自身前28日的日均与方差（泊松或负二项分布）出现概率低于万分之一，且不少于5件。', 'A unit × category × day count whose probability under its own previous 28 days (Poisson or negative binomial) is below 1 in 10,000, with at least 5 events.'),
  };
}

function repeatTable(b: Briefing, lang: Language, list: MatterList): BriefingTable {
  const w = (zh: string, en: string) => words(lang, zh, en);
  return {
    id: 'repeats', query: 'repeats', total: list.total, title: w('重复投诉（同类、约100米内、7日内3次以上）', 'Repeated complaints (same category, ~100 m, 3+ times in 7 days)'),
    columns: [w('类别', 'Category'), w('地点', 'Place'), w('网格', 'Grid'), w('件数', 'Events'), w('首次', 'First'), w('最近', 'Latest')],
    rows: list.rows.map((r) => [
      cell(categoryLabel(s(r.category), lang), r.category ?? null), cell(s(r.address)), cell(unitLabel(b, s(r.grid_code)), r.grid_code ?? null),
      cell(formatCount(n(r.event_count)), r.event_count ?? null), cell(s(r.first_reported).slice(0, 16)), cell(s(r.last_reported).slice(0, 16)),
    ]),
    targets: list.rows.map((r) => ({ unit: s(r.grid_code), event: s(r.event_ids).split(',').pop() ?? '', categories: [s(r.category)], from: s(r.first_reported).slice(0, 10), to: s(r.last_reported).slice(0, 10) })),
  };
}

function emergingTable(b: Briefing, lang: Language, list: MatterList): BriefingTable {
  const w = (zh: string, en: string) => words(lang, zh, en);
  return {
    id: 'emerging', query: 'emerging', total: list.total, title: w('新兴热点（连续3日上升）', 'Emerging hot spots (rising 3 days running)'),
    columns: [w('单位', 'Unit'), w('类别', 'Category'), w('截至', 'Run ends'), w('逐日件数', 'Daily counts'), w('期望', 'Expected')],
    rows: list.rows.map((r) => [
      cell(unitLabel(b, s(r.unit_code)), r.unit_code ?? null), cell(categoryLabel(s(r.category), lang), r.category ?? null), cell(s(r.day)),
      cell(s(r.run_counts)), cell(formatNumber(n(r.expected), 1), r.expected ?? null),
    ]),
    targets: list.rows.map((r) => ({ unit: s(r.unit_code), categories: [s(r.category)], from: s(r.day), to: s(r.day) })),
  };
}

function persistentTable(b: Briefing, lang: Language, list: MatterList): BriefingTable {
  const w = (zh: string, en: string) => words(lang, zh, en);
  return {
    id: 'persistent', query: 'persistent', total: list.total, title: w('持续热点（连续3期万人受理量前10%）', 'Persistent hot spots (top decile per 10,000 residents, 3 periods running)'),
    columns: [w('网格', 'Grid'), w('本期受理', 'Intake'), w('万人受理', 'Per 10,000'), w('上期万人受理', 'Previous per 10,000')],
    rows: list.rows.map((r) => [
      cell(s(r.name) || s(r.code), r.code ?? null), cell(formatCount(n(r.intake_0)), r.intake_0 ?? null),
      cell(formatNumber(n(r.per_10k_0), 1), r.per_10k_0 ?? null), cell(formatNumber(n(r.per_10k_1), 1), r.per_10k_1 ?? null),
    ]),
    targets: list.rows.map((r) => ({ unit: s(r.code), ...periodDayRange(b) })),
  };
}

function seriesTable(b: Briefing, lang: Language): BriefingTable {
  const w = (zh: string, en: string) => words(lang, zh, en);
  const ids = ['intake', 'closed', 'backlog', 'overdue', 'on_time_rate', 'satisfaction_rate', 'response_median_h'];
  return {
    id: 'series', query: 'series', title: w('趋势', 'Trend'),
    columns: [w('期', 'Period'), ...ids.map((id) => measureLabel(id, lang))],
    rows: b.series.map((r) => [cell(s(r.period)), ...ids.map((id) => cell(formatValue(findMeasure(id)?.unit ?? 'count', n(r[id]), lang), r[id] ?? null))]),
  };
}

function categoryTable(b: Briefing, lang: Language): BriefingTable {
  const w = (zh: string, en: string) => words(lang, zh, en);
  return {
    id: 'categories', query: 'categories', title: w('类别结构', 'Category mix'),
    columns: [w('类别', 'Category'), w('本期', 'This period'), w('占比', 'Share'), w('上期', 'Previous'), w('上期占比', 'Previous share'), w('占比变化', 'Share change'), w('去年同期', 'Last year')],
    rows: b.categories.map((r) => {
      const shift = n(r.share_current) !== null && n(r.share_previous) !== null ? (r.share_current as number) - (r.share_previous as number) : null;
      return [
        cell(categoryLabel(s(r.category), lang), r.category ?? null), cell(formatCount(n(r.current)), r.current ?? null), cell(formatPercent(n(r.share_current)), r.share_current ?? null),
        cell(formatCount(n(r.previous)), r.previous ?? null), cell(formatPercent(n(r.share_previous)), r.share_previous ?? null),
        cell(formatChange('ratio', shift, lang), shift), cell(formatCount(n(r.last_year)), r.last_year ?? null),
      ];
    }),
  };
}

function interval(hits: number | null, trials: number | null): string {
  if (hits === null || trials === null || trials === 0) return '—';
  const ci = wilsonInterval(hits, trials);
  return ci ? `${formatPercent(ci[0])} – ${formatPercent(ci[1])}` : '—';
}

function rank(r: RankedRow<Row>, lang: Language): Cell {
  if (r.rank !== null) return cell(String(r.rank), r.rank);
  return cell(r.unrankedReason === 'below_min_volume' ? words(lang, '量少不排', 'too few') : words(lang, '无数据', 'no data'), null);
}

function childTable(b: Briefing, lang: Language): BriefingTable {
  const w = (zh: string, en: string) => words(lang, zh, en);
  return {
    id: 'children', query: 'children', linkColumn: 1, title: w('下级单位晾晒（按时办结率）', 'Ranking of child units (on-time rate)'),
    columns: [w('名次', 'Rank'), w('单位', 'Unit'), w('按时办结率', 'On-time rate'), w('95%区间', '95% interval'), w('办结', 'Closed'), w('受理', 'Intake'), w('万人受理', 'Intake per 10,000'), w('期末超期', 'Overdue at end'), w('满意率', 'Satisfaction')],
    rows: b.children.map((r) => [
      rank(r, lang), cell(s(r.row.name) || s(r.row.code), r.row.code ?? null), cell(formatPercent(r.value), r.value),
      cell(interval(n(r.row.on_time_hits), n(r.row.on_time_n))), cell(formatCount(n(r.row.on_time_n)), r.row.on_time_n ?? null),
      cell(formatCount(n(r.row.intake)), r.row.intake ?? null), cell(formatNumber(n(r.row.intake_per_10k), 1), r.row.intake_per_10k ?? null),
      cell(formatCount(n(r.row.overdue)), r.row.overdue ?? null), cell(formatPercent(n(r.row.satisfaction_rate)), r.row.satisfaction_rate ?? null),
    ]),
    targets: b.children.map((r) => ({ unit: s(r.row.code), ...periodDayRange(b) })),
    note: w('办结不足30件的单位列出但不排名；区间为 Wilson 95% 置信区间；受理量按万人口折算后比较。', 'Units with fewer than 30 closed events are listed but not ranked; intervals are Wilson 95 %; intake is compared per 10,000 residents.'),
  };
}

function departmentTable(b: Briefing, lang: Language): BriefingTable {
  const w = (zh: string, en: string) => words(lang, zh, en);
  return {
    id: 'departments', query: 'departments', title: w('部门晾晒（按时办结率）', 'Ranking of departments (on-time rate)'),
    columns: [w('名次', 'Rank'), w('部门', 'Department'), w('按时办结率', 'On-time rate'), w('95%区间', '95% interval'), w('办结', 'Closed'), w('受理', 'Intake'), w('期末超期', 'Overdue at end'), w('满意率', 'Satisfaction'), w('响应时长中位数', 'Median response')],
    rows: b.departments.map((r) => [
      rank(r, lang), cell(s(r.row.department)), cell(formatPercent(r.value), r.value), cell(interval(n(r.row.on_time_hits), n(r.row.closed))),
      cell(formatCount(n(r.row.closed)), r.row.closed ?? null), cell(formatCount(n(r.row.intake)), r.row.intake ?? null),
      cell(formatCount(n(r.row.overdue)), r.row.overdue ?? null), cell(formatPercent(n(r.row.satisfaction_rate)), r.row.satisfaction_rate ?? null),
      cell(formatDuration(n(r.row.response_median_h), lang), r.row.response_median_h ?? null),
    ]),
  };
}

/** Every table of a briefing, in reading order: shared by the page, the Markdown and the CSV export. */
export function briefingTables(b: Briefing, lang: Language): BriefingTable[] {
  const m = b.matters;
  return [
    headlineTable(b, lang), indicatorTable(b, lang),
    eventTable(b, lang, 'overdue_severe', m.overdueSevere), eventTable(b, lang, 'escalations', m.escalations),
    anomalyTable(b, lang, m.anomalies), repeatTable(b, lang, m.repeats),
    ...(m.emerging ? [emergingTable(b, lang, m.emerging)] : []), ...(m.persistent ? [persistentTable(b, lang, m.persistent)] : []),
    seriesTable(b, lang), categoryTable(b, lang),
    ...(b.childLevel && b.children.length > 0 ? [childTable(b, lang)] : []), departmentTable(b, lang),
  ];
}

/** The tables that are matters needing attention (需关注事项). */
export const MATTER_TABLES = ['overdue_severe', 'escalations', 'anomalies', 'repeats', 'emerging', 'persistent'];
