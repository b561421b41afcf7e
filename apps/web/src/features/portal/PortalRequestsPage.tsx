import { useEffect } from 'react';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../shared/ErrorResult';
import { RequestList } from './RequestList';
import { usePortalRequests } from './usePortalRequests';

const PAGE_SIZE = 10;

/** 我的工单: every request of the customer, whatever channel it came by, newest first. */
export function PortalRequestsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { data, error, isPending, refetch } = usePortalRequests(page, PAGE_SIZE);

  useEffect(() => {
    document.title = t('portal.requests.documentTitle');
  }, [t]);

  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  return (
    <Card title={t('portal.requests.title')} size="small" data-testid="portal-requests">
      <RequestList
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
