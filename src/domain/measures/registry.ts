import type { Measure, MeasureId, MeasureNeeds } from './types';

/**
 * Every measure OneMap shows, once: its unit, which way is better, its kind, what it reads,
 * the coverage of an input loaded data may lack, and how it takes part in per-unit maps and
 * rankings. Keyed by the same ids, its SQL is in src/sql/measure-sql.ts and its words (label
 * and definition, in each language) in the dictionary (src/i18n, `measures.words`); the
 * compiler insists on one entry per id in each. "The period" is the time range of the panel
 * (the selected range, a briefing's day, week or month, a trend's span), "the moment" is the
 * data time on the dashboard and the wall, a period's end in a briefing's trend.
 */

/** A duration statistic: over valid events reported in the period whose end is known at the moment. */
function duration(id: MeasureId, volume: string, needs: MeasureNeeds): Measure {
  return { id, kind: 'average', unit: 'hours', better: 'lower', needs, unitUse: { columns: { value: id, volume }, sizeDependent: false, rankBy: id } };
}

const RESPONSE_NEEDS: MeasureNeeds = { events: ['reported_at', 'accepted_at'] };
const HANDLING_NEEDS: MeasureNeeds = { events: ['accepted_at', 'resolved_at'] };
const CLOSURE_NEEDS: MeasureNeeds = { events: ['reported_at', 'closed_at'] };

export const MEASURES: readonly Measure[] = [
  {
    id: 'intake', kind: 'flow', unit: 'count', better: 'lower', needs: { events: ['reported_at'] },
    unitUse: { columns: { value: 'intake', volume: 'intake' }, sizeDependent: true, rankBy: 'intake_per_10k' },
  },
  {
    id: 'intake_per_10k', kind: 'flow', unit: 'per10k', better: 'lower', needs: { events: ['reported_at'], units: ['population'] },
    unitUse: { columns: { value: 'intake_per_10k', volume: 'intake' }, sizeDependent: false, rankBy: 'intake_per_10k' },
  },
  {
    id: 'closed', kind: 'flow', unit: 'count', better: 'higher', needs: { events: ['closed_at'] },
  },
  {
    id: 'backlog', kind: 'stock', unit: 'count', better: 'lower', needs: { events: ['reported_at', 'closed_at'] },
    unitUse: { columns: { value: 'backlog', volume: null }, sizeDependent: true, rankBy: null },
  },
  {
    id: 'overdue', kind: 'stock', unit: 'count', better: 'lower', needs: { events: ['reported_at', 'closed_at', 'due_at'] },
    coverage: { input: 'due_at', n: 'overdue_n', base: 'backlog' },
    unitUse: { columns: { value: 'overdue', volume: null }, sizeDependent: true, rankBy: 'overdue_share' },
  },
  {
    id: 'overdue_share', kind: 'rate', unit: 'ratio', better: 'lower', needs: { events: ['reported_at', 'closed_at', 'due_at'] },
    unitUse: { columns: { value: 'overdue_share', numerator: 'overdue_share_hits', denominator: 'overdue_share_n', volume: 'overdue_share_n' }, sizeDependent: false, rankBy: 'overdue_share' },
  },
  {
    id: 'closure_rate', kind: 'rate', unit: 'ratio', better: 'higher', needs: { events: ['reported_at', 'closed_at'] },
    unitUse: { columns: { value: 'closure_rate', numerator: 'closure_rate_hits', denominator: 'closure_rate_n', volume: 'closure_rate_n' }, sizeDependent: false, rankBy: 'closure_rate' },
  },
  {
    id: 'response_rate', kind: 'rate', unit: 'ratio', better: 'higher', needs: { events: ['reported_at', 'accepted_at', 'severity'] },
  },
  {
    id: 'on_time_rate', kind: 'rate', unit: 'ratio', better: 'higher', needs: { events: ['closed_at', 'due_at'] },
    coverage: { input: 'due_at', n: 'on_time_n', base: 'closed' },
    unitUse: { columns: { value: 'on_time_rate', numerator: 'on_time_hits', denominator: 'on_time_n', volume: 'on_time_n' }, sizeDependent: false, rankBy: 'on_time_rate' },
  },
  {
    id: 'resolution_rate', kind: 'rate', unit: 'ratio', better: 'higher', needs: { events: ['closed_at', 'outcome'] },
    coverage: { input: 'outcome', n: 'resolution_n', base: 'closed' },
    unitUse: { columns: { value: 'resolution_rate', numerator: 'resolution_hits', denominator: 'resolution_n', volume: 'resolution_n' }, sizeDependent: false, rankBy: 'resolution_rate' },
  },
  {
    id: 'satisfaction_rate', kind: 'rate', unit: 'ratio', better: 'higher', needs: { events: ['closed_at', 'satisfaction'] },
    coverage: { input: 'satisfaction', n: 'satisfaction_n', base: 'closed' },
    unitUse: { columns: { value: 'satisfaction_rate', numerator: 'satisfaction_hits', denominator: 'satisfaction_n', volume: 'satisfaction_n' }, sizeDependent: false, rankBy: 'satisfaction_rate' },
  },
  duration('response_median_h', 'response_n', RESPONSE_NEEDS),
  duration('response_p90_h', 'response_n', RESPONSE_NEEDS),
  duration('handling_median_h', 'handling_n', HANDLING_NEEDS),
  duration('handling_p90_h', 'handling_n', HANDLING_NEEDS),
  duration('closure_median_h', 'closure_time_n', CLOSURE_NEEDS),
  duration('closure_p90_h', 'closure_time_n', CLOSURE_NEEDS),
  {
    id: 'residents_per_worker', kind: 'stock', unit: 'residents', better: 'lower', needs: { events: [], units: ['population', 'grid_workers'] },
    unitUse: { columns: { value: 'residents_per_worker', volume: null }, sizeDependent: false, rankBy: 'residents_per_worker' },
  },
  {
    id: 'service_radius_km', kind: 'stock', unit: 'km', better: 'lower', needs: { events: [], units: ['area'] },
    unitUse: { columns: { value: 'service_radius_km', volume: null }, sizeDependent: false, rankBy: 'service_radius_km' },
  },
  {
    id: 'patrol_coverage_7d', kind: 'rate', unit: 'ratio', better: 'higher', needs: { events: ['reported_at', 'channel'] },
    unitUse: { columns: { value: 'patrol_coverage_7d', numerator: 'patrol_grids', denominator: 'grid_count', volume: null }, sizeDependent: false, rankBy: 'patrol_coverage_7d' },
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
