import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export type PortalEnumGroup = 'type' | 'subCategory' | 'status' | 'event' | 'outcome' | 'accountStatus';

/** Customer-facing wording of the portal's vocabularies: label('status', 'replied') → 已答复. */
export function usePortalLabel() {
  const { t } = useTranslation();
  return useCallback(
    (group: PortalEnumGroup, value: string | null | undefined): string =>
      value ? t(`portal.enum.${group}.${value}`, { defaultValue: value }) : '',
    [t],
  );
}
