import type { ReactNode } from 'react';
import { Card, Col, Flex, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../shared/format';
import type { WorkOrder } from './types';
import { useWorkOrderLabel } from './useWorkOrderLabel';
import { WorkOrderStatusTag, WorkOrderTypeTag } from './WorkOrderTags';

function Item({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {title}
      </Typography.Text>
      <div data-testid={testId}>{children || '—'}</div>
    </div>
  );
}

/** The order at a glance: the one case number the customer is given (一个编号对外), status, who has it. */
export function WorkOrderHeader({ order, extra }: { order: WorkOrder; extra?: ReactNode }) {
  const { t } = useTranslation();
  const label = useWorkOrderLabel();
  return (
    <Card>
      <Flex justify="space-between" align="flex-start" wrap gap={16}>
        <div>
          <Typography.Title
            level={4}
            style={{ margin: 0 }}
            copyable={{ text: order.caseNo }}
            data-testid="wo-case-number"
          >
            {order.caseNo}
          </Typography.Title>
          <Typography.Text style={{ fontSize: 16 }} data-testid="wo-title-text">
            {order.title}
          </Typography.Text>
          <Space size={8} wrap style={{ marginTop: 8, display: 'flex' }}>
            <WorkOrderTypeTag type={order.type} subCategory={order.subCategory} />
            <WorkOrderStatusTag order={order} showExternal={false} />
          </Space>
        </div>
        <Statistic
          title={t('wo.detail.externalStatus')}
          value={label('externalStatus', order.externalStatus)}
          styles={{ content: { fontSize: 18 } }}
          data-testid="wo-external"
        />
      </Flex>
      <Row gutter={[16, 12]} style={{ marginTop: 16 }}>
        <Col xs={12} md={6}>
          <Item title={t('wo.col.customer')} testId="wo-customer-link">
            {order.customerId ? (
              <Link to={`/customers/${order.customerId}`}>{order.customerName ?? order.customerId}</Link>
            ) : (
              t('wo.noCustomer')
            )}
          </Item>
        </Col>
        <Col xs={12} md={6}>
          <Item title={t('wo.detail.assignedUnit')} testId="wo-assigned-unit">
            {order.assignedUnitName ?? order.orgUnitName}
          </Item>
        </Col>
        <Col xs={12} md={6}>
          <Item title={t('wo.detail.handler')} testId="wo-handler">
            {order.handlerName}
          </Item>
        </Col>
        <Col xs={12} md={6}>
          <Item title={t('wo.col.acceptedAt')}>
            {formatDateTime(order.acceptedAt)} · {label('channel', order.channel)}
          </Item>
        </Col>
      </Row>
      {extra ? <div style={{ marginTop: 16 }}>{extra}</div> : null}
    </Card>
  );
}
