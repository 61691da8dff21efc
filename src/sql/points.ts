import { CATEGORIES } from '../domain/categories';
import { eventWhere, type EventFilter } from './filter';
import { sqlString } from './literal';
import { lastDays } from './period';

/**
 * Event points for the map: coordinates, a category index into CATEGORIES (small
 * integers turn into a colour lookup on the GPU side) and severity. Columnar by design.
 */
export function eventPoints(asOf: string, days: number, filter: EventFilter = {}): string {
  const period = lastDays(asOf, days);
  const categoryIndex = `CASE category ${CATEGORIES.map((c, i) => `WHEN ${sqlString(c.code)} THEN ${i}`).join(' ')} ELSE -1 END`;
  return `SELECT lon::FLOAT AS lon, lat::FLOAT AS lat, (${categoryIndex})::TINYINT AS category_index, severity::TINYINT AS severity
FROM events
WHERE reported_at >= TIMESTAMP ${sqlString(period.start)} AND reported_at < TIMESTAMP ${sqlString(period.end)} AND ${eventWhere(filter)}`;
}
