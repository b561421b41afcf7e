import { useEffect } from 'react';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../shared/ErrorResult';
import { MessageList } from './MessageList';
import { usePortalMessages } from './usePortalMessages';

const PAGE_SIZE = 10;

/** 消息: the in-app messages to the customer's accounts. */
export function PortalMessagesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { data, error, isPending, refetch } = usePortalMessages(page, PAGE_SIZE);

  useEffect(() => {
    document.title = t('portal.messages.documentTitle');
  }, [t]);

  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  return (
    <Card title={t('portal.messages.title')} size="small" data-testid="portal-messages">
      <MessageList
        items={data?.items ?? []}
        loading={isPending}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: (p) => setParams({ page: String(p) }),
        }}
      />
    </Card>
  );
}
