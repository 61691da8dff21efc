/** Where an event came from (docs/domain.md §2): the city's "eyes" and "ears" (names in src/i18n, `vocab.channel`). */
export const CHANNELS = ['hotline', 'app', 'camera', 'sensor', 'patrol', 'transfer'] as const;
export type Channel = (typeof CHANNELS)[number];

export const STATUSES = ['reported', 'dispatched', 'accepted', 'resolved', 'closed', 'returned', 'escalated', 'invalid'] as const;
export type EventStatus = (typeof STATUSES)[number];

export const CLOSED_LEVELS = ['grid', 'township', 'county', 'city'] as const;
export type ClosedLevel = (typeof CLOSED_LEVELS)[number];

export const OUTCOMES = ['resolved', 'unresolved', 'explained'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

/** Severity 1 一般, 2 较大, 3 重大, 4 特别重大; "三级以上" means severity >= 3. */
export const SEVERITIES = [1, 2, 3, 4] as const;
export type Severity = (typeof SEVERITIES)[number];

export function isSeverity(value: unknown): value is Severity {
  return (SEVERITIES as readonly unknown[]).includes(value);
}

/**
 * The columns of the `events` table, in file order. Timestamps are the city's local
 * wall-clock time (TIMESTAMP without time zone), so day, week and month boundaries are
 * the city's whatever the viewer's time zone is.
 */
export const EVENT_COLUMNS = [
  'event_id', 'channel', 'category', 'subcategory', 'severity', 'lon', 'lat', 'grid_code',
  'department', 'status', 'closed_level', 'reported_at', 'dispatched_at', 'accepted_at',
  'resolved_at', 'closed_at', 'due_at', 'outcome', 'satisfaction', 'description', 'address',
] as const;
export type EventColumn = (typeof EVENT_COLUMNS)[number];

/**
 * The columns of the `events` table: the mapped columns, then what the loader derives.
 * `category_text` is the category as the source file wrote it ("Rodent", "外星人入侵"), kept
 * when the taxonomy has no such category and the row is counted under "other", so that the
 * user's own word stays queryable and visible (issue #14 point 7); NULL when the source
 * used the taxonomy's codes (the demo). It is not a mapping target: it comes with `category`.
 */
export const EVENT_TABLE_COLUMNS = [...EVENT_COLUMNS, 'category_text'] as const;
export type EventTableColumn = (typeof EVENT_TABLE_COLUMNS)[number];

/** Table columns that data made before they existed may lack (a stored dataset, a live feed): added empty, not refused. */
export const OPTIONAL_TABLE_COLUMNS: readonly EventTableColumn[] = ['category_text'];
