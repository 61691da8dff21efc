import { OTHER_CATEGORY } from '../domain/categories';
import { eventWhere, type EventFilter } from './filter';
import { sqlNumber, sqlString } from './literal';
import { inPeriod, type Period } from './period';

export interface OtherTextsOptions {
  /** The events the map shows: those reported in this period, under this filter. */
  period: Period;
  filter?: EventFilter;
  /** Words listed (all are counted in `kinds`). */
  limit?: number;
}

/**
 * The source file's own category words behind "other" (category_text), commonest first,
 * among the events the map shows (the same period and filter as its points): what the
 * legend lists under "other" so that a user's category outside the taxonomy is still seen
 * by its name (issue #14 point 7). `kinds` is how many different words there are, so the
 * legend can say how many it leaves out. Counting the whole table instead would name
 * words, and counts, of events not on the map.
 */
export function otherCategoryTexts({ period, filter = {}, limit = 5 }: OtherTextsOptions): string {
  const shown = `category = ${sqlString(OTHER_CATEGORY.code)} AND category_text IS NOT NULL AND ${inPeriod('reported_at', period)} AND ${eventWhere(filter)}`;
  return `WITH words AS (
  SELECT category_text AS text, count(*)::INTEGER AS n FROM events WHERE ${shown} GROUP BY category_text
)
SELECT text, n, (SELECT count(*) FROM words)::INTEGER AS kinds
FROM words
ORDER BY n DESC, text
LIMIT ${sqlNumber(limit)}`;
}
