import { eventWhere, type EventFilter } from './filter';
import { inPeriod, type Period } from './period';

/**
 * Daily intake by category over a period: the series behind the daily trend chart.
 * Days are city-local because reported_at is city-local wall-clock time.
 */
export function dailyIntakeByCategory(period: Period, filter: EventFilter = {}): string {
  return `SELECT CAST(reported_at AS DATE) AS day, category, count(*)::INTEGER AS intake
FROM events
WHERE ${inPeriod('reported_at', period)} AND ${eventWhere(filter)}
GROUP BY ALL
ORDER BY day, category`;
}
