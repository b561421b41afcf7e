import { List, Typography } from 'antd';
import type { InAppMessage } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';

/** Messages to the customer's accounts (order accepted, progress, replies, surveys). */
export function MessageList({
  items,
  loading,
  pagination,
}: {
  items: InAppMessage[];
  loading?: boolean;
  pagination?: { current: number; pageSize: number; total: number; onChange: (page: number) => void };
}) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: t('portal.messages.empty') }}
      pagination={pagination ? { ...pagination, size: 'small', showSizeChanger: false } : false}
      renderItem={(m) => (
        <List.Item key={m.id} data-testid="portal-message">
          <List.Item.Meta
            title={m.title}
            description={
              <>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {m.body}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(m.createdAt)}
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
