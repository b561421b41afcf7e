// The UI language, persisted in localStorage; zh-CN unless the user chose English.
import type { Locale } from '@gridcare/contracts';

export const LANGUAGES: readonly Locale[] = ['zh-CN', 'en-US'];
const STORAGE_KEY = 'gridcare.lang';

export function storedLanguage(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

let current: Locale = storedLanguage();

export function currentLanguage(): Locale {
  return current;
}

export function setCurrentLanguage(lang: Locale) {
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = lang;
}
