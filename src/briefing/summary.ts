import { formatChange, formatCount, formatPercent, formatRelative, formatValue } from '../domain/format';
import { format, messages, vocabLabel } from '../i18n';
import { measureLabel, periodLabel, type Language } from './labels';
import { findMeasure } from '../domain/measures';
import type { Briefing, HeadlineRow } from './model';

function row(briefing: Briefing, id: string): HeadlineRow | undefined {
  return briefing.headline.find((r) => r.measure === id);
}

/** The category whose share moved most between the previous period and this one. */
function biggestShift(briefing: Briefing): { category: string; shift: number } | null {
  let best: { category: string; shift: number } | null = null;
  for (const r of briefing.categories) {
    if (typeof r.share_current !== 'number' || typeof r.share_previous !== 'number') continue;
    const shift = r.share_current - r.share_previous;
    if (!best || Math.abs(shift) > Math.abs(best.shift)) best = { category: String(r.category), shift };
  }
  return best;
}

/**
 * The short written summary (a few sentences) generated from the briefing's numbers only:
 * every figure in it is in the tables below it. Deterministic, so the page, the Markdown
 * and the command give the same words.
 */
export function writeSummary(briefing: Briefing, lang: Language): string[] {
  const intake = row(briefing, 'intake'), closed = row(briefing, 'closed'), backlog = row(briefing, 'backlog'), overdue = row(briefing, 'overdue');
  const onTime = row(briefing, 'on_time_rate'), satisfaction = row(briefing, 'satisfaction_rate');
  const words = messages(lang).briefing;
  const text = words.summaryText;
  const previous = words.previousNames[briefing.kind];
  const m = briefing.matters;
  const top = briefing.categories.find((r) => typeof r.current === 'number' && r.current > 0);
  const shift = biggestShift(briefing);
  const unfavourable = briefing.indicators.filter((i) => i.unfavourable).map((i) => measureLabel(i.measure, lang));
  const category = (code: string) => vocabLabel(lang, 'category', code);
  // A measure the data cannot support reads "unavailable", never 0 (briefing.unavailable).
  const missing = (id: string) => briefing.unavailable[id] !== undefined;
  const percent = (id: string, r: HeadlineRow | undefined) => (missing(id) ? words.unavailableWord : formatPercent(r?.value ?? null));
  const count = (r: HeadlineRow | undefined) => formatCount(r?.value ?? null);
  // Each count the data cannot support gets its own phrase, so that no number word follows "unavailable".
  const closedText = missing('closed') ? text.closedUnavailable : format(text.closed, { n: count(closed) });
  const backlogText = missing('backlog') ? text.backlogUnavailable
    : format(text.backlog, { n: count(backlog), overdue: missing('overdue') ? text.backlogOverdueUnavailable : format(text.backlogOverdue, { n: count(overdue) }) });
  const onTimeChange = missing('on_time_rate') ? '' : format(text.onTimeChange, { previous, change: formatChange('ratio', onTime?.change ?? null, lang) });
  const sentences: string[] = [
    format(text.intake, {
      period: periodLabel(briefing, lang), unit: briefing.unit.name, kind: words.kindNames[briefing.kind], intake: count(intake), previous,
      change: formatRelative(intake?.changeRel ?? null), baseline: formatCount(intake?.baseline28 ?? null), closed: closedText, backlog: backlogText,
    }),
    format(text.rates, { onTime: percent('on_time_rate', onTime), onTimeChange, satisfaction: percent('satisfaction_rate', satisfaction) }),
    unfavourable.length === 0 ? text.noneUnfavourable
      : format(unfavourable.length === 1 ? text.unfavourableOne : text.unfavourableMany, { count: unfavourable.length, list: unfavourable.join(text.listJoin) }),
    format(text.matters, {
      overdueSevere: missing('overdue') ? text.overdueSevereUnavailable : format(text.overdueSevere, { n: m.overdueSevere.total }),
      escalations: m.escalations.total, anomalies: m.anomalies.total, repeats: m.repeats.total,
      emerging: m.emerging ? format(text.emerging, { n: m.emerging.total }) : '',
      persistent: m.persistent ? format(text.persistent, { n: m.persistent.total }) : '',
    }),
  ];
  if (top) {
    sentences.push(format(text.topCategory, {
      category: category(String(top.category)), share: formatPercent(top.share_current as number | null),
      shift: shift && Math.abs(shift.shift) >= 0.005 ? format(text.shift, { category: category(shift.category), change: formatChange('ratio', shift.shift, lang) }) : '',
    }));
  }
  return sentences;
}

/** A headline value in its unit (for tables). */
export function headlineValue(id: string, value: number | null, lang: Language): string {
  const measure = findMeasure(id);
  return measure ? formatValue(measure.unit, value, lang) : formatCount(value);
}
