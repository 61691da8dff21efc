import { findMeasure } from '../domain/measures';
import type { Briefing } from './model';

export type Language = 'zh' | 'en';

export function measureLabel(id: string, lang: Language): string {
  return findMeasure(id)?.[lang].label ?? id;
}

export { categoryLabel } from '../domain/categories';

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
  const month = start.slice(0, 7);
  const base = briefing.kind === 'monthly' ? (lang === 'zh' ? `${month.replace('-', '年')}月（${range}）` : `${month} (${range})`) : range;
  return toDate ? `${base}${lang === 'zh' ? '，截至数据时点' : ', to the data time'}` : base;
}
