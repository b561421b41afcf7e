import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PremiseValues } from './customerFormValues';

/** Options for the "which premise" select of the create form, from the premises the form holds now. */
export function usePremiseIndexOptions() {
  const { t } = useTranslation();
  const premises = (Form.useWatch('premises') as PremiseValues[] | undefined) ?? [];
  return premises.map((p, i) => ({
    value: i,
    label:
      `${t('form.premiseN', { n: i + 1 })} ${[p?.district, p?.street, p?.detail].filter(Boolean).join('')}`.trim(),
  }));
}
