import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export type WorkOrderEnumGroup =
  | 'type'
  | 'channel'
  | 'status'
  | 'externalStatus'
  | 'action'
  | 'event'
  | 'clockKind'
  | 'limitUnit'
  | 'outcome'
  | 'method'
  | 'subCategory'
  | 'queue'
  | 'reportGroup';

/**
 * Labels for the work-order vocabularies (like the shared useEnumLabel, whose groups belong to the
 * archive): label('type', 'complaint') → 投诉. Unknown values show as is.
 */
export function useWorkOrderLabel() {
  const { t } = useTranslation();
  return useCallback(
    (group: WorkOrderEnumGroup, value: string | null | undefined): string =>
      value === null || value === undefined || value === ''
        ? ''
        : t(`wo.enum.${group}.${value}`, { defaultValue: value }),
    [t],
  );
}

export function useWorkOrderOptions() {
  const label = useWorkOrderLabel();
  return useCallback(
    (group: WorkOrderEnumGroup, values: readonly string[]) =>
      values.map((v) => ({ value: v, label: label(group, v) })),
    [label],
  );
}
