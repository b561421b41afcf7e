import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountValues } from './customerFormValues';

/** Options for the "which account" selects of the create form, from the accounts the form holds now. */
export function useAccountIndexOptions() {
  const { t } = useTranslation();
  const accounts = (Form.useWatch('accounts') as AccountValues[] | undefined) ?? [];
  return accounts.map((a, i) => ({
    value: i,
    label: `${t('form.accountN', { n: i + 1 })} ${a?.accountNo ?? ''} ${a?.voltageLevel ?? ''}`.trim(),
  }));
}
