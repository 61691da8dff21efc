import { CATEGORIES } from '../domain/categories';
import { eventWhere, type EventFilter } from './filter';
import { sqlString } from './literal';
import { inPeriod, type Period } from './period';

export interface CategoryMixOptions {
  current: Period;
  previous: Period;
  lastYear: Period;
  filter?: EventFilter;
}

/**
 * Intake by category in the current, previous and last-year periods, with each period's
 * share (`share_current` …; NULL when the period has no event), for the category mix and
 * its shifts (类别结构). Every known category is listed, and any other seen in the data;
 * a missing category is the key "".
 */
export function categoryMix(options: CategoryMixOptions): string {
  const { current, previous, lastYear, filter = {} } = options;
  const known = CATEGORIES.map((c) => `(${sqlString(c.code)})`).join(', ');
  const spans = { current, previous, last_year: lastYear };
  const counts = Object.entries(spans).map(([name, period]) => `count(*) FILTER (WHERE ${inPeriod('reported_at', period)}) AS ${name}`).join(',\n    ');
  const any = Object.values(spans).map((period) => inPeriod('reported_at', period)).join(' OR ');
  return `WITH counts AS (
  SELECT coalesce(category, '') AS category,
    ${counts}
  FROM events
  WHERE (${any}) AND ${eventWhere(filter)}
  GROUP BY ALL
),
listed AS (SELECT category FROM (VALUES ${known}) v(category) UNION SELECT category FROM counts)
SELECT l.category, coalesce(c.current, 0) AS current, coalesce(c.previous, 0) AS previous, coalesce(c.last_year, 0) AS last_year,
  coalesce(c.current, 0)::DOUBLE / nullif(sum(coalesce(c.current, 0)) OVER (), 0) AS share_current,
  coalesce(c.previous, 0)::DOUBLE / nullif(sum(coalesce(c.previous, 0)) OVER (), 0) AS share_previous,
  coalesce(c.last_year, 0)::DOUBLE / nullif(sum(coalesce(c.last_year, 0)) OVER (), 0) AS share_last_year
FROM listed l LEFT JOIN counts c USING (category)
ORDER BY current DESC, category`;
}
