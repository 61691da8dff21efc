import { findMeasure } from '../domain/measures';
import { format, measureWords, messages, type Language } from '../i18n';
import type { Briefing } from './model';

export type { Language };

export function measureLabel(id: string, lang: Language): string {
  const measure = findMeasure(id);
  return measure ? measureWords(lang, measure.id).label : id;
}

export function unitLabel(briefing: Briefing, code: string): string {
  return briefing.unitNames[code] ?? code;
}

/** "2026-11-26", "2026-11-23 – 2026-11-27" (a running period ends at its data time), "2026-11". */
export function periodLabel(briefing: Briefing, lang: Language): string {
  const { current, toDate } = briefing.periods;
  const start = current.start.slice(0, 10);
  const lastDay = briefing.periods.asOf.slice(0, 10);
  if (briefing.kind === 'daily') return start;
  const range = `${start} – ${lastDay}`;
  const words = messages(lang).briefing;
  const base = briefing.kind === 'monthly' ? format(words.monthPeriod, { year: start.slice(0, 4), month: start.slice(5, 7), range }) : range;
  return toDate ? `${base}${words.toDataTime}` : base;
}
