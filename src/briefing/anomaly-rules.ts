import { ANOMALY_PROBABILITY, HISTORY_DAYS, MIN_ANOMALY_COUNT } from '../domain/anomaly';
import type { AnomalyLevel } from '../sql/anomalies';
import type { BriefingKind } from './kinds';

/**
 * How each briefing picks its anomalies and emerging hot spots, in one place: the SQL that
 * finds candidates (plan.ts) and the test that flags them (build.ts) both read it, so a
 * change of rule is one edit here (docs/measures.md, worked example 3). The values are the
 * reasoned defaults of src/domain/anomaly.ts; a kind departs from them only with a reason
 * written beside it.
 */
export interface AnomalyRule {
  /** Below this many events in a cell (a day, or a run's total), never flagged. */
  minCount: number;
  /** Flagged when P(X ≥ observed) under the cell's own history is below this. */
  probability: number;
  /** Days of trailing history behind the expected count. */
  historyDays: number;
  /** Levels whose unit × category × day cells are tested (anomalies only). */
  levels: readonly AnomalyLevel[];
}

const DEFAULT_RULE: AnomalyRule = { minCount: MIN_ANOMALY_COUNT, probability: ANOMALY_PROBABILITY, historyDays: HISTORY_DAYS, levels: ['county', 'township', 'grid'] };

/** Emerging hot spots are runs of rising days at the grid level; monthly briefings list persistent ones instead. */
export interface BriefingAnomalyRules { anomalies: AnomalyRule; emerging: AnomalyRule | null }

export const ANOMALY_RULES: Record<BriefingKind, BriefingAnomalyRules> = {
  daily: { anomalies: DEFAULT_RULE, emerging: DEFAULT_RULE },
  weekly: { anomalies: DEFAULT_RULE, emerging: DEFAULT_RULE },
  monthly: { anomalies: DEFAULT_RULE, emerging: null },
};
