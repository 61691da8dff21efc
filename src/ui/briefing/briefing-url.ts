import { BRIEFING_KINDS, type BriefingKind } from '../../briefing/kinds';
import { addMonthsStartMs, DAY_MS, dayStartMs, wallClockDate, wallClockMs } from '../../domain/wall-clock';
import { UNIT_CODE_PATTERN } from '../../domain/unit-codes';
import { dateField, enumField, readQuery, textField, writeQuery } from '../../domain/url-codec';

/** The briefing page's own URL parameters: `kind`, `date`, `unit` (beside `mode=briefing` and `lang`). */
export interface BriefingParams {
  kind: BriefingKind;
  date: string;
  unit: string;
}

/**
 * The default date of each briefing: the last complete day, ISO week or month before the
 * data time, because the meetings review what is finished (a running period can still be
 * chosen, and is then compared to date).
 */
export function defaultBriefingDate(kind: BriefingKind, dataAsOf: string): string {
  const today = dayStartMs(wallClockMs(dataAsOf));
  if (kind === 'daily') return wallClockDate(today - DAY_MS);
  if (kind === 'weekly') return wallClockDate(today - 7 * DAY_MS);
  return wallClockDate(addMonthsStartMs(today, -1));
}

/** The briefing page's fields, in the order its URL writes them (README, "Consultation briefings"). */
const BRIEFING_FIELDS = {
  mode: enumField('mode', ['briefing'] as const),
  kind: enumField('kind', BRIEFING_KINDS),
  date: dateField('date'),
  unit: textField('unit', { pattern: UNIT_CODE_PATTERN }),
  lang: textField('lang'),
};

export function parseBriefingParams(search: string, rootUnit: string, dataAsOf: string): BriefingParams {
  const fields = readQuery(search, BRIEFING_FIELDS);
  const kind = fields.kind ?? 'daily';
  // A date after the data time has nothing to show: the kind's default day instead.
  const date = fields.date && fields.date <= dataAsOf.slice(0, 10) ? fields.date : defaultBriefingDate(kind, dataAsOf);
  return { kind, date, unit: fields.unit ?? rootUnit };
}

/** The page's query string: every field written, so a saved link keeps its briefing when the data moves on. */
export function briefingSearch(p: BriefingParams, lang: string | null): string {
  return writeQuery({ mode: 'briefing', kind: p.kind, date: p.date, unit: p.unit, lang: lang || undefined }, BRIEFING_FIELDS);
}
