import { childLevel, type UnitLevel } from '../domain/units';
import { anomalyCandidates } from '../sql/anomalies';
import { escalatedOpen, overdueSevere } from '../sql/attention';
import { categoryMix } from '../sql/category-mix';
import { departmentMeasures } from '../sql/department-measures';
import type { EventFilter } from '../sql/filter';
import { emergingHotspots, persistentHotspots } from '../sql/hotspots';
import { periodComparison } from '../sql/period-compare';
import { repeatedComplaints } from '../sql/repeats';
import { trendSeries } from '../sql/series';
import { unitMeasures } from '../sql/unit-measures';
import { ANOMALY_RULES } from './anomaly-rules';
import { KIND_GRANULARITY } from './kinds';
import type { BriefingPeriods, BriefingRequest } from './request';

/** Rows listed per matter (all are counted). */
export const MATTER_ROWS = 10;

export interface PlannedQuery { id: string; sql: string }

/**
 * The queries of one briefing, in the order they run, named so that the page's "show
 * SQL", the CSV tables' notes and the benchmark refer to the same ones. Pure: the same
 * request on the same data gives the same SQL in the browser and in the command.
 * At 1M events a daily or weekly city briefing takes about 0.8 s in the page and a monthly
 * one 1.3–1.6 s, over the 1 s target: the queries run one after another on the single DuckDB
 * worker, and the monthly series and headline count a year of events under a dozen
 * conditions and need the exact medians and P90s of every duration by month. Where the time
 * goes and what would meet the target (a roll-up of the counts): docs/briefing.md, Speed.
 */
export function briefingPlan(request: BriefingRequest, periods: BriefingPeriods, dataAsOf: string, unitLevel: UnitLevel): PlannedQuery[] {
  const filter: EventFilter = { ...request.filter, unitCode: request.unitCode };
  const granularity = KIND_GRANULARITY[request.kind];
  const parentCode = unitLevel === 'city' ? null : request.unitCode;
  const children = childLevel(unitLevel);
  const asOf = periods.asOf;
  const rules = ANOMALY_RULES[request.kind];
  const queries: PlannedQuery[] = [
    { id: 'headline', sql: periodComparison({ granularity, date: request.date, asOf: dataAsOf, filter }) },
    // At the data time, as the headline: a rate or duration counts what is known now, so the trend's row for this period equals the headline.
    { id: 'series', sql: trendSeries({ granularity, period: periods.series, asOf: dataAsOf, filter }) },
    { id: 'categories', sql: categoryMix({ current: periods.current, previous: periods.previous, lastYear: periods.lastYear, filter }) },
  ];
  if (children) queries.push({ id: 'children', sql: unitMeasures({ level: children, parentCode: request.unitCode, period: periods.current, asOf, filter }) });
  queries.push(
    { id: 'departments', sql: departmentMeasures({ period: periods.current, asOf, filter }) },
    { id: 'overdue_severe', sql: overdueSevere({ asOf, filter, limit: MATTER_ROWS }) },
    { id: 'escalations', sql: escalatedOpen({ asOf, filter, limit: MATTER_ROWS }) },
    { id: 'anomalies', sql: anomalyCandidates({ days: periods.days, filter, minCount: rules.anomalies.minCount, historyDays: rules.anomalies.historyDays, levels: rules.anomalies.levels }) },
    { id: 'repeats', sql: repeatedComplaints({ period: periods.current, filter }) },
  );
  if (rules.emerging) queries.push({ id: 'emerging', sql: emergingHotspots({ days: periods.days, filter, historyDays: rules.emerging.historyDays }) });
  if (request.kind !== 'daily' && unitLevel !== 'grid') {
    queries.push({ id: 'persistent', sql: persistentHotspots({ granularity, date: request.date, asOf: dataAsOf, parentCode, filter }) });
  }
  return queries;
}
