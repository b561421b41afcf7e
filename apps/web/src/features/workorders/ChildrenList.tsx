import { Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { WorkOrderChild } from './types';
import { WorkOrderStatusTag, WorkOrderTypeTag } from './WorkOrderTags';

/** 子工单: fault calls under an outage's parent order, urges on this order, merged duplicates. */
export function ChildrenList({ items }: { items: WorkOrderChild[] }) {
  const { t } = useTranslation();
  if (!items.length) return null;
  return (
    <Card title={t('wo.detail.children', { count: items.length })} size="small" data-testid="wo-children">
      <List
        size="small"
        dataSource={items}
        renderItem={(c) => (
          <List.Item>
            <Space wrap>
              <Link to={`/workorders/${c.id}`}>{c.caseNo}</Link>
              <WorkOrderTypeTag type={c.type} />
              <WorkOrderStatusTag
                order={{ status: c.status, paused: false, urgent: false, externalStatus: 'received' }}
                showExternal={false}
              />
              <Typography.Text>{c.title}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
