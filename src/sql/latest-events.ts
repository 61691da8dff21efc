import { eventWhere, type EventFilter } from './filter';
import { sqlNumber, sqlTimestamp } from './literal';

export interface LatestEventsOptions {
  /** The data time: events reported after it are not "in" yet. */
  asOf: string;
  filter?: EventFilter;
  limit?: number;
}

/**
 * The most recently reported events up to the data time, newest first (the wall's ticker):
 * id, time ("YYYY-MM-DD HH:MM"), category, severity, status, channel and address (free
 * text from citizens: the caller masks and shows it as text).
 */
export function latestEvents(options: LatestEventsOptions): string {
  const limit = options.limit ?? 12;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new Error(`Invalid list limit ${limit}: expected a whole number from 1 to 1000`);
  const now = sqlTimestamp(options.asOf);
  return `SELECT event_id, strftime(reported_at, '%Y-%m-%d %H:%M') AS reported_at, category, severity, status, channel, address
FROM events
WHERE reported_at <= ${now} AND ${eventWhere(options.filter ?? {})}
ORDER BY events.reported_at DESC, event_id
LIMIT ${sqlNumber(limit)}`;
}
