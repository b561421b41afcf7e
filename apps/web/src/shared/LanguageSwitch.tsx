import { Segmented } from 'antd';
import type { Locale } from '@gridcare/contracts';
import { useLanguage } from '../i18n/useLanguage';

/** 中文 / English; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const { lang, changeLanguage } = useLanguage();
  return (
    <Segmented<Locale>
      size="small"
      data-testid="lang-switch"
      value={lang}
      onChange={(v) => changeLanguage(v)}
      options={[
        { label: <span data-testid="lang-zh">中文</span>, value: 'zh-CN' },
        { label: <span data-testid="lang-en">English</span>, value: 'en-US' },
      ]}
    />
  );
}
