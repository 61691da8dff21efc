import type { RankedRow } from '../domain/ranking';
import type { Scalar } from '../engine/columns';
import type { BriefingKind } from './kinds';
import type { BriefingPeriods, BriefingRequest } from './request';

export type Row = Record<string, Scalar>;

/** One measure of the headline table: the period's value against the previous period, last year and the baselines. */
export interface HeadlineRow {
  measure: string;
  value: number | null;
  previous: number | null;
  lastYear: number | null;
  change: number | null;
  changeRel: number | null;
  changeYoy: number | null;
  changeYoyRel: number | null;
  /** The 7- and 28-day baselines, already on the period's scale (see indicators.ts). */
  baseline7: number | null;
  baseline28: number | null;
  /** The normal band around the 28-day baseline, on the period's scale; null without enough history. */
  band: [number, number] | null;
  /** For a rate: the rows of this period that carry its input (its trials), for the coverage said beside it. */
  trials: number | null;
}

/** An indicator outside its normal band (需关注指标). */
export interface Indicator {
  measure: string;
  value: number;
  band: [number, number];
  side: 'above' | 'below';
  /** Whether being on that side is bad news for this measure. */
  unfavourable: boolean;
}

/** A list of matters (需关注事项): the rows shown and how many there are in all. */
export interface MatterList {
  total: number;
  rows: Row[];
}

export interface Matters {
  overdueSevere: MatterList;
  escalations: MatterList;
  anomalies: MatterList;
  repeats: MatterList;
  /** Emerging hot spots (daily and weekly briefings); null when the kind does not have them. */
  emerging: MatterList | null;
  /** Persistent hot spots (weekly and monthly); null when the kind or the unit's level does not have them. */
  persistent: MatterList | null;
}

/** A query the briefing ran: shown behind "show SQL", written beside the CSV tables, timed by the benchmark. */
export interface BriefingQuery {
  id: string;
  sql: string;
  ms: number;
}

export interface Briefing {
  request: BriefingRequest;
  kind: BriefingKind;
  unit: { code: string; name: string; level: string };
  /** The data's own time (the newest moment the data describes). */
  dataAsOf: string;
  periods: BriefingPeriods;
  headline: HeadlineRow[];
  indicators: Indicator[];
  matters: Matters;
  /** The trend charts: one row per period (period, intake, closed, backlog, overdue, rates, durations). */
  series: Row[];
  /** Intake by category now, before and last year, with shares. */
  categories: Row[];
  /** Child units ranked by on-time rate (fair: minimum volume, Wilson interval); empty for a grid. */
  childLevel: string | null;
  children: RankedRow<Row>[];
  departments: RankedRow<Row>[];
  /** Names of every unit code that appears in the briefing. */
  unitNames: Record<string, string>;
  /** The same units named with the levels between the briefing's unit and them ("莲都区 · 岩泉街道 · 灯塔社区第5网格"). */
  unitPaths: Record<string, string>;
  /** Headline measures the data cannot support (loaded data without due times …), with the reason: shown as unavailable, never as 0. */
  unavailable: Record<string, { zh: string; en: string }>;
  queries: BriefingQuery[];
}
