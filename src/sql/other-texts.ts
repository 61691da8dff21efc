import { OTHER_CATEGORY } from '../domain/categories';
import { sqlNumber, sqlString } from './literal';

/**
 * The source file's own category words behind "other" (category_text), commonest first:
 * what the legend lists under "other" so that a user's category outside the taxonomy is
 * still seen by its name (issue #14 point 7).
 */
export function otherCategoryTexts(limit = 5): string {
  return `SELECT category_text AS text, count(*)::INTEGER AS n, (SELECT count(DISTINCT category_text) FROM events WHERE category = ${sqlString(OTHER_CATEGORY.code)})::INTEGER AS kinds
FROM events
WHERE category = ${sqlString(OTHER_CATEGORY.code)} AND category_text IS NOT NULL
GROUP BY category_text
ORDER BY n DESC, text
LIMIT ${sqlNumber(limit)}`;
}
