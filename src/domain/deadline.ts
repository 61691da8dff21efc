import { HOUR_MS } from './wall-clock';

/**
 * Where an event stands against its deadline at a moment (all times epoch ms of city-local
 * wall-clock time): closed on time, closed late by how long, open and overdue by how
 * long, open with how long left, or no deadline at all. A close after `now` is not yet
 * known, so the event is open at `now`.
 */
export type DeadlineStatus =
  | { kind: 'no_deadline' }
  | { kind: 'closed_on_time' }
  | { kind: 'closed_late'; hours: number }
  | { kind: 'overdue'; hours: number }
  | { kind: 'due_in'; hours: number };

export function deadlineStatus(times: { due: number | null; closed: number | null; now: number }): DeadlineStatus {
  const { due, closed, now } = times;
  if (due === null) return { kind: 'no_deadline' };
  if (closed !== null && closed <= now) return closed <= due ? { kind: 'closed_on_time' } : { kind: 'closed_late', hours: (closed - due) / HOUR_MS };
  return due < now ? { kind: 'overdue', hours: (now - due) / HOUR_MS } : { kind: 'due_in', hours: (due - now) / HOUR_MS };
}
