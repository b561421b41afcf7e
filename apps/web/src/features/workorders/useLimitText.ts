import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkOrderLabel } from './useWorkOrderLabel';

/** A time limit as people say it: "5 工作日", "45 分钟", "当日下班前", "第 2 个工作日下班前". */
export function useLimitText() {
  const { t } = useTranslation();
  const label = useWorkOrderLabel();
  return useCallback(
    (amount: number, unit: string): string => {
      if (unit === 'end_of_working_day')
        return amount <= 1 ? label('limitUnit', unit) : t('wo.limit.endOfNthWorkingDay', { n: amount });
      return t('wo.limit.amountUnit', { amount, unit: label('limitUnit', unit) });
    },
    [t, label],
  );
}
