import { addPeriods } from '../sql/trend-periods';
import { KIND_GRANULARITY } from './kinds';
import { formatNumber } from '../domain/format';
import { DAY_MS, HOUR_MS, wallClockMs } from '../domain/wall-clock';
import { findMeasure } from '../domain/measures';
import { format, measureWords, messages, type Language } from '../i18n';
import type { Briefing } from './model';

export type { Language };

export function measureLabel(id: string, lang: Language): string {
  const measure = findMeasure(id);
  return measure ? measureWords(lang, measure.id).label : id;
}

export function unitLabel(briefing: Briefing, code: string): string {
  return briefing.unitPaths[code] ?? briefing.unitNames[code] ?? code;
}

/** "2026-11-26", "2026-11-23 – 2026-11-27" (a running period ends at its data time), "2026-11". */
export function periodLabel(briefing: Briefing, lang: Language): string {
  const { current, toDate } = briefing.periods;
  const start = current.start.slice(0, 10);
  const lastDay = briefing.periods.asOf.slice(0, 10);
  const words = messages(lang).briefing;
  const range = `${start} – ${lastDay}`;
  const base = briefing.kind === 'daily' ? start : briefing.kind === 'monthly' ? format(words.monthPeriod, { year: start.slice(0, 4), month: start.slice(5, 7), range }) : range;
  return toDate ? `${base}${elapsedText(briefing, lang)}` : base;
}

/**
 * How much of a running period has passed ("3.5 of 7 days"; hours for a day), so that a
 * reader sets its flows against a part of the period, not the whole of it.
 */
function elapsedText(briefing: Briefing, lang: Language): string {
  const words = messages(lang).briefing;
  const { current } = briefing.periods;
  const elapsedMs = wallClockMs(current.end) - wallClockMs(current.start);
  if (briefing.kind === 'daily') return format(words.toDataTimeHours, { elapsed: formatNumber(elapsedMs / HOUR_MS, 1, 'short'), total: 24 });
  const startMs = wallClockMs(current.start);
  const total = Math.round((addPeriods(KIND_GRANULARITY[briefing.kind], startMs, 1) - startMs) / DAY_MS);
  return format(words.toDataTimeDays, { elapsed: formatNumber(elapsedMs / DAY_MS, 1, 'short'), total });
}
