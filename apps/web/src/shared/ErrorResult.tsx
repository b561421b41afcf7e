import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

/** A page-level failure: shows the server's message and a retry button. */
export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = isApiError(error) ? error.status : 0;
  const resultStatus = status === 403 ? '403' : status === 404 ? '404' : 'error';
  return (
    <Result
      status={resultStatus}
      title={
        status === 404
          ? t('common.notFound')
          : status === 403
            ? t('common.forbidden')
            : t('common.loadFailed')
      }
      subTitle={isApiError(error) ? error.message : t('common.unexpectedError')}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
