import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Minutes as "2 天 3 小时", "3 小时 20 分", "12 分钟" (the two largest units; always positive). */
export function useDurationText() {
  const { t } = useTranslation();
  return useCallback(
    (minutes: number): string => {
      const m = Math.max(0, Math.floor(Math.abs(minutes)));
      const days = Math.floor(m / 1440);
      const hours = Math.floor((m % 1440) / 60);
      const mins = m % 60;
      if (days > 0) return t('wo.time.daysHours', { days, hours });
      if (hours > 0) return t('wo.time.hoursMinutes', { hours, minutes: mins });
      if (mins === 0) return t('wo.time.underMinute');
      return t('wo.time.minutes', { minutes: mins });
    },
    [t],
  );
}
