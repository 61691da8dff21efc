import { BRIEFING_KINDS, type BriefingKind } from '../../briefing/kinds';
import { toText, wallClockMs } from '../../sql/trend-periods';

/** The briefing page's own URL parameters: `kind`, `date`, `unit` (beside `mode=briefing` and `lang`). */
export interface BriefingParams {
  kind: BriefingKind;
  date: string;
  unit: string;
}

const DAY_MS = 86_400_000;

/**
 * The default date of each briefing: the last complete day, ISO week or month before the
 * data time, because the meetings review what is finished (a running period can still be
 * chosen, and is then compared to date).
 */
export function defaultBriefingDate(kind: BriefingKind, dataAsOf: string): string {
  const today = Math.floor(wallClockMs(dataAsOf) / DAY_MS) * DAY_MS;
  if (kind === 'daily') return toText(today - DAY_MS).slice(0, 10);
  if (kind === 'weekly') return toText(today - 7 * DAY_MS).slice(0, 10);
  const d = new Date(today);
  return toText(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).slice(0, 10);
}

export function parseBriefingParams(search: string, rootUnit: string, dataAsOf: string): BriefingParams {
  const params = new URLSearchParams(search);
  const kindParam = params.get('kind');
  const kind = kindParam && (BRIEFING_KINDS as readonly string[]).includes(kindParam) ? (kindParam as BriefingKind) : 'daily';
  const dateParam = params.get('date');
  const date = dateParam && /^\d{4}-\d{2}-\d{2}$/.test(dateParam) && dateParam <= dataAsOf.slice(0, 10) ? dateParam : defaultBriefingDate(kind, dataAsOf);
  const unitParam = params.get('unit');
  return { kind, date, unit: unitParam && /^\d{6}(\d{3}){0,3}$/.test(unitParam) ? unitParam : rootUnit };
}

export function briefingSearch(p: BriefingParams, lang: string | null): string {
  const params = new URLSearchParams({ mode: 'briefing', kind: p.kind, date: p.date, unit: p.unit });
  if (lang) params.set('lang', lang);
  return `?${params.toString()}`;
}
