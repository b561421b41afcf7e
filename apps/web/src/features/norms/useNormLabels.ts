import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Labels of the catalogue's own vocabularies: categories and work-order types. */
export function useNormLabels() {
  const { t } = useTranslation();
  const category = useCallback((v: string) => t(`norms.category.${v}`, { defaultValue: v }), [t]);
  const type = useCallback((v: string) => t(`norms.type.${v}`, { defaultValue: v }), [t]);
  return { category, type };
}
