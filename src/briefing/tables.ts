import { formatChange, formatCount, formatDuration, formatNumber, formatPercent, formatRelative, formatValue } from '../domain/format';
import { mapLinkQuery, type MapLink } from '../domain/map-link';
import { overlapGroups, wilsonInterval, type RankedRow } from '../domain/ranking';
import type { Scalar } from '../engine/columns';
import { coverageText, format as fill, messages, vocabLabel } from '../i18n';
import { measureLabel, unitLabel, type Language } from './labels';
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

function periodDayRange(briefing: Briefing): { from: string; to: string } {
  return { from: briefing.periods.current.start.slice(0, 10), to: briefing.periods.asOf.slice(0, 10) };
}

/** The measures this data cannot support, with the reasons, after the headline's note. */
function unavailableNote(b: Briefing, lang: Language): string {
  const entries = Object.entries(b.unavailable);
  if (entries.length === 0) return '';
  const words = messages(lang);
  const list = entries.map(([id, reason]) => `${measureLabel(id, lang)}${words.colon}${reason[lang]}`).join(words.briefing.listSeparator);
  return fill(words.briefing.unavailableMeasures, { list });
}

function headlineTable(b: Briefing, lang: Language): BriefingTable {
  const m = messages(lang).briefing;
  return {
    id: 'headline', query: 'headline', title: m.tables.headline,
    columns: [m.columns.measure, m.columns.thisPeriod, m.columns.previous, m.columns.change, m.columns.changeRel, m.columns.lastYear, m.columns.yearOnYear, m.columns.baseline7, m.columns.baseline28, m.columns.band],
    rows: b.headline.map((r) => {
      const unit = findMeasure(r.measure)?.unit ?? 'count';
      if (b.unavailable[r.measure]) return [cell(measureLabel(r.measure, lang), r.measure), cell(m.unavailableWord, null), ...Array.from({ length: 8 }, () => cell('—', null))];
      const v = (x: number | null) => cell(formatValue(unit, x, lang, unit === 'count' && x !== null && !Number.isInteger(x) ? 1 : undefined), x);
      // A rate computed from the part of its rows that carry its input says how many do ("12 of 43 have a deadline").
      const coverage = findMeasure(r.measure)?.coverage;
      const base = coverage ? b.headline.find((h) => h.measure === coverage.base)?.value ?? null : null;
      const said = coverage ? coverageText(lang, coverage, r.trials, base, formatCount) : null;
      const value = v(r.value);
      return [
        cell(measureLabel(r.measure, lang), r.measure), said ? { ...value, text: `${value.text} (${said})` } : value, v(r.previous), cell(formatChange(unit, r.change, lang), r.change),
        cell(formatRelative(r.changeRel), r.changeRel), v(r.lastYear), cell(formatRelative(r.changeYoyRel), r.changeYoyRel),
        cell(formatValue(unit, r.baseline7, lang, unit === 'count' ? 1 : undefined), r.baseline7), cell(formatValue(unit, r.baseline28, lang, unit === 'count' ? 1 : undefined), r.baseline28),
        cell(r.band ? `${formatValue(unit, r.band[0], lang, unit === 'count' ? 1 : undefined)} – ${formatValue(unit, r.band[1], lang, unit === 'count' ? 1 : undefined)}` : '—', r.band ? `${r.band[0]}..${r.band[1]}` : null),
      ];
    }),
    note: m.tables.headlineNote
      + unavailableNote(b, lang),
  };
}

function indicatorTable(b: Briefing, lang: Language): BriefingTable {
  const m = messages(lang).briefing;
  return {
    id: 'indicators', query: 'headline', title: m.tables.indicators,
    columns: [m.columns.measure, m.columns.thisPeriod, m.columns.band, m.columns.side, m.columns.reading],
    rows: b.indicators.map((i) => {
      const unit = findMeasure(i.measure)?.unit ?? 'count';
      return [
        cell(measureLabel(i.measure, lang), i.measure), cell(formatValue(unit, i.value, lang), i.value),
        cell(`${formatValue(unit, i.band[0], lang, unit === 'count' ? 1 : undefined)} – ${formatValue(unit, i.band[1], lang, unit === 'count' ? 1 : undefined)}`, `${i.band[0]}..${i.band[1]}`),
        cell(i.side === 'above' ? m.above : m.below, i.side),
        cell(i.unfavourable ? m.unfavourable : m.favourable, i.unfavourable ? 'unfavourable' : 'favourable'),
      ];
    }),
  };
}

function eventTable(b: Briefing, lang: Language, id: 'overdue_severe' | 'escalations', list: MatterList): BriefingTable {
  const m = messages(lang).briefing;
  const hoursColumn = id === 'overdue_severe' ? 'overdue_h' : 'open_h';
  return {
    id, query: id, total: list.total,
    title: id === 'overdue_severe' ? m.tables.overdueSevere : m.tables.escalations,
    columns: [m.columns.event, m.columns.category, m.columns.severity, m.columns.grid, m.columns.department, m.columns.reported, m.columns.due, id === 'overdue_severe' ? m.columns.overdueBy : m.columns.openFor, m.columns.followUp],
    rows: list.rows.map((r) => [
      cell(s(r.event_id)), cell(vocabLabel(lang, 'category', s(r.category)), r.category ?? null), cell(vocabLabel(lang, 'severity', n(r.severity)), r.severity ?? null),
      cell(unitLabel(b, s(r.grid_code)), r.grid_code ?? null), cell(vocabLabel(lang, 'department', s(r.department)), s(r.department)), cell(s(r.reported_at)), cell(s(r.due_at)),
      // Left blank on purpose: the meeting writes who follows it up (督办) on the printed briefing.
      cell(formatDuration(n(r[hoursColumn]), lang), r[hoursColumn] ?? null), cell(''),
    ]),
    targets: list.rows.map((r) => ({ unit: s(r.grid_code), event: s(r.event_id), ...periodDayRange(b) })),
    unavailable: id === 'overdue_severe' && b.unavailable.overdue ? b.unavailable.overdue[lang] : undefined,
    note: id === 'escalations' ? m.tables.escalationsNote : undefined,
  };
}

function anomalyTable(b: Briefing, lang: Language, list: MatterList): BriefingTable {
  const m = messages(lang).briefing;
  return {
    id: 'anomalies', query: 'anomalies', total: list.total, linkColumn: 1, title: m.tables.anomalies,
    columns: [m.columns.level, m.columns.unit, m.columns.category, m.columns.day, m.columns.events, m.columns.expected, m.columns.tailProbability],
    rows: list.rows.map((r) => [
      cell(vocabLabel(lang, 'unitLevel', s(r.level)), r.level ?? null), cell(unitLabel(b, s(r.unit_code)), r.unit_code ?? null),
      cell(vocabLabel(lang, 'category', s(r.category)), r.category ?? null), cell(s(r.day)), cell(formatCount(n(r.observed)), r.observed ?? null),
      cell(formatNumber(n(r.expected), 1), r.expected ?? null), cell(n(r.probability) === null ? '—' : (r.probability as number).toExponential(1), r.probability ?? null),
    ]),
    targets: list.rows.map((r) => ({ unit: s(r.unit_code), categories: [s(r.category)], from: s(r.day), to: s(r.day) })),
    note: m.tables.anomaliesNote,
  };
}

function repeatTable(b: Briefing, lang: Language, list: MatterList): BriefingTable {
  const m = messages(lang).briefing;
  return {
    id: 'repeats', query: 'repeats', total: list.total, title: m.tables.repeats,
    columns: [m.columns.category, m.columns.place, m.columns.grid, m.columns.events, m.columns.first, m.columns.latest],
    rows: list.rows.map((r) => [
      cell(vocabLabel(lang, 'category', s(r.category)), r.category ?? null), cell(s(r.address)), cell(unitLabel(b, s(r.grid_code)), r.grid_code ?? null),
      cell(formatCount(n(r.event_count)), r.event_count ?? null), cell(s(r.first_reported).slice(0, 16)), cell(s(r.last_reported).slice(0, 16)),
    ]),
    targets: list.rows.map((r) => ({ unit: s(r.grid_code), event: s(r.event_ids).split(',').pop() ?? '', categories: [s(r.category)], from: s(r.first_reported).slice(0, 10), to: s(r.last_reported).slice(0, 10) })),
  };
}

function emergingTable(b: Briefing, lang: Language, list: MatterList): BriefingTable {
  const m = messages(lang).briefing;
  return {
    id: 'emerging', query: 'emerging', total: list.total, title: m.tables.emerging,
    columns: [m.columns.unit, m.columns.category, m.columns.runEnds, m.columns.dailyCounts, m.columns.flaggedDays, m.columns.expected],
    rows: list.rows.map((r) => [
      cell(unitLabel(b, s(r.unit_code)), r.unit_code ?? null), cell(vocabLabel(lang, 'category', s(r.category)), r.category ?? null), cell(s(r.day)),
      cell(s(r.run_counts)), cell(formatCount(n(r.flagged_days)), r.flagged_days ?? null), cell(formatNumber(n(r.expected), 1), r.expected ?? null),
    ]),
    targets: list.rows.map((r) => ({ unit: s(r.unit_code), categories: [s(r.category)], from: s(r.day), to: s(r.day) })),
  };
}

function persistentTable(b: Briefing, lang: Language, list: MatterList): BriefingTable {
  const m = messages(lang).briefing;
  return {
    id: 'persistent', query: 'persistent', total: list.total, title: m.tables.persistent,
    columns: [m.columns.grid, m.columns.intake, m.columns.per10k, m.columns.previousPer10k],
    rows: list.rows.map((r) => [
      cell(s(r.name) || s(r.code), r.code ?? null), cell(formatCount(n(r.intake_0)), r.intake_0 ?? null),
      cell(formatNumber(n(r.per_10k_0), 1), r.per_10k_0 ?? null), cell(formatNumber(n(r.per_10k_1), 1), r.per_10k_1 ?? null),
    ]),
    targets: list.rows.map((r) => ({ unit: s(r.code), ...periodDayRange(b) })),
  };
}

function seriesTable(b: Briefing, lang: Language): BriefingTable {
  const m = messages(lang).briefing;
  const ids = ['intake', 'closed', 'backlog', 'overdue', 'on_time_rate', 'satisfaction_rate', 'response_median_h'];
  return {
    id: 'series', query: 'series', title: m.tables.series,
    columns: [m.columns.period, ...ids.map((id) => measureLabel(id, lang))],
    rows: b.series.map((r) => [cell(s(r.period)), ...ids.map((id) => cell(formatValue(findMeasure(id)?.unit ?? 'count', n(r[id]), lang), r[id] ?? null))]),
  };
}

function categoryTable(b: Briefing, lang: Language): BriefingTable {
  const m = messages(lang).briefing;
  return {
    id: 'categories', query: 'categories', title: m.tables.categories,
    columns: [m.columns.category, m.columns.thisPeriod, m.columns.share, m.columns.previous, m.columns.previousShare, m.columns.shareChange, m.columns.lastYear],
    rows: b.categories.map((r) => {
      const shift = n(r.share_current) !== null && n(r.share_previous) !== null ? (r.share_current as number) - (r.share_previous as number) : null;
      return [
        cell(vocabLabel(lang, 'category', s(r.category)), r.category ?? null), cell(formatCount(n(r.current)), r.current ?? null), cell(formatPercent(n(r.share_current)), r.share_current ?? null),
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

/**
 * The rank cells of a ranked table, said with its significance (issue #15 point 4): ranked rows
 * whose Wilson 95 % intervals overlap their group's first row share one rank range ("1–6")
 * instead of an order the data cannot support. Also the sentence for the table's note.
 */
function rankCells(rows: readonly RankedRow<Row>[], hits: string, trials: string, lang: Language): { cells: Cell[]; groupsNote: string | null } {
  const m = messages(lang).briefing;
  const ranked = rows.filter((r) => r.rank !== null);
  const groups = overlapGroups(ranked.map((r) => { const t = n(r.row[trials]); return t ? wilsonInterval(n(r.row[hits]) ?? 0, t) : null; }));
  const rangeOf = new Map<RankedRow<Row>, string>();
  const sizes: number[] = [];
  ranked.forEach((r, i) => {
    const members = ranked.filter((_, k) => groups[k] === groups[i]);
    rangeOf.set(r, members.length > 1 ? `${members[0]!.rank}–${members[members.length - 1]!.rank}` : String(r.rank));
    if (members[0] === r && members.length > 1) sizes.push(members.length);
  });
  const cells = rows.map((r) => (r.rank !== null ? cell(rangeOf.get(r)!, r.rank) : cell(r.unrankedReason === 'below_min_volume' ? m.tooFew : m.noData, null)));
  const groupsNote = sizes.length === 0 ? null : fill(m.rankGroups, { sizes: sizes.join(lang === 'zh' ? '、' : ', ') });
  return { cells, groupsNote };
}

/** The table's note: which way is better, then the groups that cannot be told apart. */
function rankingNote(base: string, groupsNote: string | null, lang: Language): string {
  return [messages(lang).briefing.higherIsBetter, groupsNote, base].filter(Boolean).join(' ');
}

function childTable(b: Briefing, lang: Language): BriefingTable {
  const m = messages(lang).briefing;
  const childRanks = rankCells(b.children, 'on_time_hits', 'on_time_n', lang);
  return {
    id: 'children', query: 'children', linkColumn: 1, title: m.tables.children,
    columns: [m.columns.rank, m.columns.unit, m.columns.onTimeRate, m.columns.interval95, m.columns.closed, m.columns.intakeCount, m.columns.intakePer10k, m.columns.overdueAtEnd, m.columns.satisfaction],
    rows: b.children.map((r, i) => [
      childRanks.cells[i]!, cell(s(r.row.name) || s(r.row.code), r.row.code ?? null), cell(formatPercent(r.value), r.value),
      cell(interval(n(r.row.on_time_hits), n(r.row.on_time_n))), cell(formatCount(n(r.row.on_time_n)), r.row.on_time_n ?? null),
      cell(formatCount(n(r.row.intake)), r.row.intake ?? null), cell(formatNumber(n(r.row.intake_per_10k), 1), r.row.intake_per_10k ?? null),
      cell(formatCount(n(r.row.overdue)), r.row.overdue ?? null), cell(formatPercent(n(r.row.satisfaction_rate)), r.row.satisfaction_rate ?? null),
    ]),
    targets: b.children.map((r) => ({ unit: s(r.row.code), ...periodDayRange(b) })),
    note: rankingNote(m.tables.childrenNote, childRanks.groupsNote, lang),
  };
}

function departmentTable(b: Briefing, lang: Language): BriefingTable {
  const m = messages(lang).briefing;
  const ranks = rankCells(b.departments, 'on_time_hits', 'closed', lang);
  return {
    id: 'departments', query: 'departments', title: m.tables.departments,
    columns: [m.columns.rank, m.columns.department, m.columns.onTimeRate, m.columns.interval95, m.columns.closed, m.columns.intakeCount, m.columns.overdueAtEnd, m.columns.satisfaction, m.columns.medianResponse],
    note: rankingNote('', ranks.groupsNote, lang),
    rows: b.departments.map((r, i) => [
      ranks.cells[i]!, cell(vocabLabel(lang, 'department', s(r.row.department)), s(r.row.department)), cell(formatPercent(r.value), r.value), cell(interval(n(r.row.on_time_hits), n(r.row.closed))),
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
