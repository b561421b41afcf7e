import { createContext, useContext } from 'react';
import type { Locale } from '@gridcare/contracts';

export interface LanguageState {
  lang: Locale;
  changeLanguage: (lang: Locale) => void;
}

export const LanguageContext = createContext<LanguageState>({ lang: 'zh-CN', changeLanguage: () => {} });

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}
