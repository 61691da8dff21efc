import { en } from './en';
import { zh, type Messages } from './zh';

export type Language = 'zh' | 'en';
export const MESSAGES: Record<Language, Messages> = { zh, en };

/** The browser's preferred language, Chinese unless it prefers another. */
export function detectLanguage(languages: readonly string[]): Language {
  const first = languages[0]?.toLowerCase() ?? 'zh';
  return first.startsWith('zh') ? 'zh' : 'en';
}

/** Replace {name} placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
