/**
 * The one way the product puts words on screen or in a file: `messages(lang)` gives the
 * typed dictionary of a language (zh.ts, en.ts), `format` fills its {name} placeholders and
 * `vocabLabel` (vocab.ts) names a code of a vocabulary. React components read the same
 * dictionary through `useMessages()` (src/ui/LanguageContext.tsx). This module imports only
 * src/domain, so every layer from src/sql up (src/briefing's Markdown included) may use it.
 */
import { en } from './en';
import { zh, type Messages } from './zh';
import { format, type Language } from './template';

export { format, type Language } from './template';
export type { Messages };
export const LANGUAGES: readonly Language[] = ['zh', 'en'];
export const MESSAGES: Record<Language, Messages> = { zh, en };

/** The dictionary of a language. */
export function messages(language: Language): Messages {
  return MESSAGES[language];
}

/** "zh" or "en" when the text names one of them, otherwise null. */
export function parseLanguage(text: string | null | undefined): Language | null {
  return text === 'zh' || text === 'en' ? text : null;
}

/** The BCP 47 tag of a language, for `<html lang>` and number formatting. */
export function localeOf(language: Language): string {
  return language === 'zh' ? 'zh-CN' : 'en-US';
}

/** The browser's preferred language, Chinese unless it prefers another. */
export function detectLanguage(languages: readonly string[]): Language {
  const first = languages[0]?.toLowerCase() ?? 'zh';
  return first.startsWith('zh') ? 'zh' : 'en';
}

/** A message in both languages, for text made once and shown later in either (an ingest issue, a loader refusal). */
export function inBothLanguages(pick: (words: Messages) => string, values: Record<string, string | number> = {}): { zh: string; en: string } {
  return { zh: format(pick(zh), values), en: format(pick(en), values) };
}

export { vocabLabel, type Vocabulary } from './vocab';
export { coverageText, joinSentences, kpiTileWords, measureWords, unavailableReason } from './measures';
