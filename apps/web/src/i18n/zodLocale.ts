// zod's built-in messages in the UI language (loaded with the first form, not with the shell).
import { z } from 'zod';
import { en, zhCN } from 'zod/locales';
import type { Locale } from '@gridcare/contracts';

export function configureZod(lang: Locale) {
  z.config(lang === 'zh-CN' ? zhCN() : en());
}
