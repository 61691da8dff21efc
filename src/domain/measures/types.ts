import type { EventColumn } from '../events';
import type { DisplayUnit } from '../format';
import type { RankDirection } from '../ranking';

/**
 * The words of the measure registry (registry.ts). A measure is one concept with one
 * definition wherever it is shown: the dashboard's KPI strip and choropleths, the ranking,
 * the wall's tiles, the briefings' tables and the trend series. Uses differ only in their
 * anchor (the period or moment it is taken at), never in what is counted.
 */

export const MEASURE_IDS = [
  'intake', 'intake_per_10k', 'closed', 'backlog', 'overdue', 'overdue_share',
  'closure_rate', 'response_rate', 'on_time_rate', 'resolution_rate', 'satisfaction_rate',
  'response_median_h', 'response_p90_h', 'handling_median_h', 'handling_p90_h', 'closure_median_h', 'closure_p90_h',
  'residents_per_worker', 'service_radius_km', 'patrol_coverage_7d',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

/**
 * How a measure behaves over time, which decides how a period is compared with daily
 * baselines (src/briefing/indicators.ts): a flow adds up over the days of a period, a stock
 * is a level at a moment, an average (a duration statistic) and a rate describe the events
 * of the period whatever its length.
 */
export type MeasureKind = 'flow' | 'stock' | 'average' | 'rate';

/** The unit a value is expressed in; src/domain/format.ts turns it into text (formatMeasureValue, formatValue). */
export type MeasureUnit = DisplayUnit;

/** Unit data that some measures need besides event columns (a units file or the boundaries' attributes). */
export type UnitField = 'population' | 'grid_workers' | 'area';

/** What a measure reads: missing any of it, the measure is unavailable (never shown as 0). */
export interface MeasureNeeds {
  events: readonly EventColumn[];
  units?: readonly UnitField[];
}

/** A measure's words in one language (the dictionary's `measures.words`, src/i18n). */
export interface Words {
  label: string;
  /** The definition stated next to the number, exactly as computed. */
  definition: string;
}

/**
 * A rate or count whose input column may be missing on some rows of loaded data (a
 * deadline, an outcome, a rating): the number is computed only from the rows that carry
 * it, and when that is not all of them the UI shows the coverage beside it ("12 of 43 have
 * a deadline"; the phrase is the dictionary's, src/i18n `measures.coverage`).
 */
export interface Coverage {
  input: EventColumn;
  /** Result columns (unit measures, trends, briefings) with the rows that carry the input and the rows in scope. */
  n: string;
  base: string;
}

/** The columns of the per-unit query (src/sql/unit-measures.ts) that carry a measure. */
export interface UnitColumns {
  value: string;
  /** For rates: successes and trials, for the Wilson interval shown beside the rate. */
  numerator?: string;
  denominator?: string;
  /** Events behind the value, compared with MIN_RANKING_VOLUME; null when volume does not apply. */
  volume: string | null;
}

/** How a measure takes part in the per-unit choropleths and the ranking list; absent when it is not a unit measure. */
export interface UnitUse {
  columns: UnitColumns;
  /** The value grows with the unit's size (residents, area): rank `rankBy` instead. */
  sizeDependent: boolean;
  /** The measure ranked in this one's place: itself, its per-capita form, or null when it is not ranked. */
  rankBy: MeasureId | null;
}

export interface Measure {
  id: MeasureId;
  kind: MeasureKind;
  unit: MeasureUnit;
  /** Which way is better, for ranking, colour ramps and the direction of a change. */
  better: RankDirection;
  needs: MeasureNeeds;
  coverage?: Coverage;
  unitUse?: UnitUse;
}
