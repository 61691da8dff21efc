import type { Coverage, KpiWindow, MeasureId, UnitField, Words } from '../domain/measures';
import type { EventColumn } from '../domain/events';
import { en } from './en';
import { format, type Language } from './template';
import type { Messages } from './zh';
import { zh } from './zh';

/**
 * The words of the measure registry (src/domain/measures): the registry says what a measure
 * is, the dictionary what it is called and how it is defined, in each language. The two
 * declarations below fail the type check when a registry id has no words, or a coverage
 * input no phrase, in either language.
 */
const ZH_WORDS: Record<MeasureId, Words> = zh.measures.words;
const EN_WORDS: Record<MeasureId, Words> = en.measures.words;
type CoverageInput = Coverage['input'] & keyof Messages['measures']['coverage'];

const of = (language: Language) => (language === 'zh' ? zh : en).measures;

/** A measure's label and definition. */
export function measureWords(language: Language, id: MeasureId): Words {
  return (language === 'zh' ? ZH_WORDS : EN_WORDS)[id];
}

/** The words of a KPI tile: the measure's, with the window said in the label and the definition. */
export function kpiTileWords(language: Language, id: MeasureId, window: KpiWindow): Words {
  const words = measureWords(language, id);
  const w = of(language).windows[window];
  return { label: format(w.label, { measure: words.label }), definition: joinSentences(language, words.definition, w.sentence) };
}

/** Sentences joined as the language joins them (no space between Chinese sentences). */
export function joinSentences(language: Language, first: string, second: string): string {
  return format(of(language).sentences, { first, second });
}

/**
 * "12 of 43 have a deadline" / "43 件中 12 件有办结时限": said beside a number computed from
 * only part of its rows; null when every row carries the input (nothing to say) or there
 * are no rows. `count` formats a count.
 */
export function coverageText(language: Language, coverage: Coverage, n: number | null, base: number | null, count: (value: number) => string = String): string | null {
  if (n === null || base === null || base <= 0 || n >= base) return null;
  const words = of(language);
  return format(words.coverageText, { n: count(n), base: count(base), phrase: words.coverage[coverage.input as CoverageInput] ?? coverage.input });
}

/** Why a measure cannot be computed from the data, in both languages (it is stored with a loaded dataset). */
export function unavailableReason(missingColumns: readonly EventColumn[], missingUnitFields: readonly UnitField[]): { zh: string; en: string } {
  const reason = (m: Messages['measures']) => format(m.unavailable, { missing: [...missingColumns, ...missingUnitFields.map((f) => m.unitFields[f])].join(m.listJoin) });
  return { zh: reason(zh.measures), en: reason(en.measures) };
}
