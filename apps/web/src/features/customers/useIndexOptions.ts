import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountValues, PremiseValues } from './customerFormValues';

/** Options for "which premise" / "which account" selects, from what the form holds right now. */
export function usePremiseIndexOptions() {
  const { t } = useTranslation();
  const premises = (Form.useWatch('premises') as PremiseValues[] | undefined) ?? [];
  return premises.map((p, i) => ({
    value: i,
    label:
      `${t('form.premiseN', { n: i + 1 })} ${[p?.district, p?.street, p?.detail].filter(Boolean).join('')}`.trim(),
  }));
}

export function useAccountIndexOptions() {
  const { t } = useTranslation();
  const accounts = (Form.useWatch('accounts') as AccountValues[] | undefined) ?? [];
  return accounts.map((a, i) => ({
    value: i,
    label: `${t('form.accountN', { n: i + 1 })} ${a?.accountNo ?? ''} ${a?.voltageLevel ?? ''}`.trim(),
  }));
}
