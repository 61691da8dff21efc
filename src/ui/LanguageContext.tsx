import { createContext, useContext } from 'react';
import { MESSAGES, type Language } from '../i18n';
import type { Messages } from '../i18n/zh';

export const LanguageContext = createContext<Language>('zh');

export function useMessages(): { language: Language; t: Messages } {
  const language = useContext(LanguageContext);
  return { language, t: MESSAGES[language] };
}
