// An antd Form rule that runs a zod schema from @gridcare/contracts, so the form checks exactly
// what the server checks and shows the same (translated) message.
import type { Rule } from 'antd/es/form';
import type { z } from 'zod';
import { translate, type Locale } from '@gridcare/contracts';

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

export function zodRule(schema: z.ZodType, locale: Locale, options: { optional?: boolean } = {}): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (isBlank(value) && options.optional) return;
      const result = schema.safeParse(isBlank(value) ? undefined : value);
      if (!result.success) throw new Error(translate(result.error.issues[0]?.message ?? '', locale));
    },
  };
}
