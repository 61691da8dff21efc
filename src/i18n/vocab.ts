import type { Language } from './template';
import { en } from './en';
import { zh, type Messages } from './zh';

/** The vocabularies whose codes (or, for names in the data, whose values) the dictionary names. */
export type Vocabulary = Exclude<keyof Messages['vocab'], 'other' | 'otherWithText' | 'none' | 'uncategorised'>;

/**
 * Vocabularies of names the data itself carries (a department, a subcategory): a name the
 * dictionary does not know is shown as given, since it is already words, not a code.
 */
const NAME_VOCABULARIES: ReadonlySet<Vocabulary> = new Set(['subcategory', 'department']);

/**
 * The name of a code in a language. Never returns an internal code: a code the dictionary
 * does not know (a user's own data) is shown as "Other (<the text as given>)", or as the
 * text itself for vocabularies of names; an empty value reads as "—" ("(uncategorised)"
 * for a category).
 */
export function vocabLabel(language: Language, vocabulary: Vocabulary, code: string | number | bigint | boolean | null | undefined): string {
  const words = (language === 'zh' ? zh : en).vocab;
  const text = code === null || code === undefined ? '' : String(code);
  if (text === '') return vocabulary === 'category' ? words.uncategorised : words.none;
  const names: Readonly<Record<string, string>> = words[vocabulary];
  if (Object.hasOwn(names, text)) return names[text]!;
  return NAME_VOCABULARIES.has(vocabulary) ? text : words.otherWithText.replace('{text}', text);
}
