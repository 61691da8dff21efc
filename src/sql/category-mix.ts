import { countIf } from './count-if';
import { CATEGORIES } from '../domain/categories';
import { eventWhere, type EventFilter } from './filter';
import { sqlString, sqlTimestamp } from './literal';
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
 * a missing category is the key "". A period that begins before the first event of the
 * table is not covered by the data: its counts and shares are NULL, never 0.
 */
export function categoryMix(options: CategoryMixOptions): string {
  const { current, previous, lastYear, filter = {} } = options;
  const known = CATEGORIES.map((c) => `(${sqlString(c.code)})`).join(', ');
  const spans = { current, previous, last_year: lastYear };
  const counts = Object.entries(spans).map(([name, period]) => `${countIf(inPeriod('reported_at', period))} AS ${name}`).join(',\n    ');
  const any = Object.values(spans).map((period) => inPeriod('reported_at', period)).join(' OR ');
  return `WITH counts AS (
  SELECT coalesce(category, '') AS category,
    ${counts}
  FROM events
  WHERE (${any}) AND ${eventWhere(filter)}
  GROUP BY ALL
),
listed AS (SELECT category FROM (VALUES ${known}) v(category) UNION SELECT category FROM counts),
first_event AS (SELECT min(reported_at)::DATE AS day FROM events),
covered AS (
  SELECT ${Object.entries(spans).map(([name, period]) => `${sqlTimestamp(period.start)} >= day AS ${name}`).join(', ')} FROM first_event
),
filled AS (
  SELECT l.category, ${Object.keys(spans).map((name) => `CASE WHEN v.${name} THEN coalesce(c.${name}, 0) END AS ${name}`).join(', ')}
  FROM listed l LEFT JOIN counts c USING (category) CROSS JOIN covered v
)
SELECT category, current, previous, last_year,
  current::DOUBLE / nullif(sum(current) OVER (), 0) AS share_current,
  previous::DOUBLE / nullif(sum(previous) OVER (), 0) AS share_previous,
  last_year::DOUBLE / nullif(sum(last_year) OVER (), 0) AS share_last_year
FROM filled
ORDER BY current DESC NULLS LAST, category`;
}
