import type { EventStatus } from './events';

/** The lifecycle stages with a timestamp, furthest last, and the status each one means. */
const STAGE_STATUS = [
  ['closed_at', 'closed'], ['resolved_at', 'resolved'], ['accepted_at', 'accepted'], ['dispatched_at', 'dispatched'], ['reported_at', 'reported'],
] as const;

export type StageTimes = Partial<Record<(typeof STAGE_STATUS)[number][0], number | null>>;

export interface StatusAtDataTime {
  /** The status to show: the file's own, unless a stage it implies happened after the data time. */
  status: EventStatus | string | null;
  /** Set when the file's status was reached only after the data time: that status and when. */
  later: { status: EventStatus | string; at: number } | null;
}

/**
 * An event's status as it stood at the data time. A historical extract (or a data time set
 * by hand) can hold events closed after it; every measure treats them as open then, so the
 * detail must not say "closed" either. The file's status wins when no timestamp contradicts
 * it (returned, escalated, invalid have no timestamp of their own).
 */
export function statusAtDataTime(status: string | null, times: StageTimes, asOfMs: number): StatusAtDataTime {
  const furthest = STAGE_STATUS.find(([column]) => typeof times[column] === 'number');
  if (!furthest) return { status, later: null };
  const at = times[furthest[0]]!;
  if (at <= asOfMs) return { status, later: null };
  const reached = STAGE_STATUS.find(([column]) => typeof times[column] === 'number' && times[column]! <= asOfMs);
  return { status: reached ? reached[1] : null, later: { status: status ?? furthest[1], at } };
}
