import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export type EnumGroup =
  | 'customerClass'
  | 'importanceTier'
  | 'customerKind'
  | 'certType'
  | 'relationship'
  | 'contactRole'
  | 'channel'
  | 'accountStatus'
  | 'supplyMode'
  | 'tariffCategory'
  | 'basicFeeMethod'
  | 'pfStandard'
  | 'meterType'
  | 'sealStatus'
  | 'transformerState'
  | 'areaClass'
  | 'orgKind'
  | 'deptKind'
  | 'role'
  | 'ledgerCategory'
  | 'visitPlanStatus'
  | 'importStatus'
  | 'matchedBy'
  | 'duplicateReason';

/** Labels for enum values through i18n: label('customerClass', 'hv') → 高压. Unknown values show as is. */
export function useEnumLabel() {
  const { t } = useTranslation();
  return useCallback(
    (group: EnumGroup, value: string | null | undefined): string =>
      value === null || value === undefined || value === ''
        ? ''
        : t(`enum.${group}.${value.replaceAll('.', '_')}`, { defaultValue: value }),
    [t],
  );
}

export function useEnumOptions() {
  const label = useEnumLabel();
  return useCallback(
    (group: EnumGroup, values: readonly string[]) =>
      values.map((v) => ({ value: v, label: label(group, v) })),
    [label],
  );
}
