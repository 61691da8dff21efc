import { categoryByCode } from './categories';
import type { Severity } from './events';
import { HOUR_MS } from './wall-clock';

/**
 * Hours allowed to accept an event after it is reported (the response SLA): serious
 * matters must be picked up within the hour, ordinary ones within a working day.
 */
export const RESPONSE_SLA_HOURS: Record<Severity, number> = { 1: 24, 2: 8, 3: 2, 4: 1 };

/** Share of the category's closure time allowed at each severity. */
const CLOSURE_FACTOR: Record<Severity, number> = { 1: 1, 2: 0.6, 3: 0.3, 4: 0.15 };

/** Hours allowed from report to closure for a category and severity. */
export function closureSlaHours(category: string, severity: Severity): number {
  const days = categoryByCode(category).slaDays;
  return Math.max(4, Math.round(days * 24 * CLOSURE_FACTOR[severity]));
}

/** The deadline (epoch ms of city-local wall-clock time) of an event reported at `reportedMs`. */
export function dueAt(category: string, severity: Severity, reportedMs: number): number {
  return reportedMs + closureSlaHours(category, severity) * HOUR_MS;
}
