// Switches i18next, the antd locale, dayjs and zod's messages together, and refetches server data
// (whose messages and labels come back in the caller's language).
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import antdZhCN from 'antd/locale/zh_CN';
import antdEnUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { useQueryClient } from '@tanstack/react-query';
import type { Locale } from '@gridcare/contracts';
import { i18n } from './i18n';
import { currentLanguage, setCurrentLanguage } from './language';
import { LanguageContext } from './useLanguage';

function applyLibraries(lang: Locale) {
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  void import('./zodLocale').then((m) => m.configureZod(lang));
}

applyLibraries(currentLanguage());

export const BRAND_BLUE = '#1664ff';

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Locale>(currentLanguage());
  const queryClient = useQueryClient();

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const changeLanguage = useCallback(
    (next: Locale) => {
      setCurrentLanguage(next);
      applyLibraries(next);
      void i18n.changeLanguage(next);
      setLang(next);
      void queryClient.invalidateQueries();
    },
    [queryClient],
  );

  const value = useMemo(() => ({ lang, changeLanguage }), [lang, changeLanguage]);

  return (
    <LanguageContext.Provider value={value}>
      <ConfigProvider
        locale={lang === 'zh-CN' ? antdZhCN : antdEnUS}
        theme={{ algorithm: theme.defaultAlgorithm, token: { colorPrimary: BRAND_BLUE, borderRadius: 6 } }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LanguageContext.Provider>
  );
}
