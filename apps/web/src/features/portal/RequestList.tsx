import { List, Typography } from 'antd';
import type { PortalRequestSummary } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../shared/format';
import { RequestStatusTag } from './RequestStatusTag';
import { usePortalLabel } from './usePortalLabel';

/** A customer's requests, each a link to its detail. */
export function RequestList({
  items,
  loading,
  pagination,
}: {
  items: PortalRequestSummary[];
  loading?: boolean;
  pagination?: { current: number; pageSize: number; total: number; onChange: (page: number) => void };
}) {
  const { t } = useTranslation();
  const label = usePortalLabel();
  return (
    <List
      size="small"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: t('portal.requests.empty') }}
      pagination={pagination ? { ...pagination, size: 'small', showSizeChanger: false } : false}
      renderItem={(r) => (
        <List.Item key={r.caseNo} data-testid="portal-request-row" data-case-no={r.caseNo}>
          <Link
            to={`/portal/requests/${r.caseNo}`}
            style={{ display: 'block', width: '100%', color: 'inherit' }}
          >
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <Typography.Text strong ellipsis>
                [{label('type', r.type)}] {r.title}
              </Typography.Text>
              <RequestStatusTag status={r.externalStatus} />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.caseNo} · {formatDateTime(r.acceptedAt)}
            </Typography.Text>
          </Link>
        </List.Item>
      )}
    />
  );
}
