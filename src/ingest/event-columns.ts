/**
 * Accepted events, column by column, ready for to-table.ts: text columns as arrays
 * (null = empty), numbers and timestamps as typed arrays (NaN = empty). Timestamps are
 * milliseconds of city wall-clock time on a UTC-based clock (see time.ts).
 */
export interface EventColumns {
  length: number;
  event_id: string[];
  channel: (string | null)[];
  category: string[];
  subcategory: (string | null)[];
  severity: (number | null)[];
  lon: Float64Array;
  lat: Float64Array;
  grid_code: (string | null)[];
  department: (string | null)[];
  status: (string | null)[];
  closed_level: (string | null)[];
  reported_at: Float64Array;
  dispatched_at: Float64Array;
  accepted_at: Float64Array;
  resolved_at: Float64Array;
  closed_at: Float64Array;
  due_at: Float64Array;
  outcome: (string | null)[];
  satisfaction: (string | null)[];
  description: (string | null)[];
  address: (string | null)[];
  /** The category as the file wrote it (events.ts, EVENT_TABLE_COLUMNS). */
  category_text: (string | null)[];
}

export const TIMESTAMP_COLUMNS = ['reported_at', 'dispatched_at', 'accepted_at', 'resolved_at', 'closed_at', 'due_at'] as const;
export type TimestampColumn = (typeof TIMESTAMP_COLUMNS)[number];

/** The lifecycle stages in the order they must happen (due_at is checked separately). */
export const LIFECYCLE_ORDER = ['reported_at', 'dispatched_at', 'accepted_at', 'resolved_at', 'closed_at'] as const;
