import { useCallback } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

/** Shows an API error (whose message is already in the user's language) as a toast. */
export function useNotifyError() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (e: unknown) => {
      if (isApiError(e)) {
        if (e.status === 401) return;
        const extra = e.details.length ? '：' + e.details.map((d) => d.message).join('；') : '';
        void message.error(e.message + extra);
      } else {
        void message.error(t('common.unexpectedError'));
      }
    },
    [message, t],
  );
}
