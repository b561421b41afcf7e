import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrderSummary } from './types';
import { useWorkOrderLabel } from './useWorkOrderLabel';

const TYPE_COLOURS: Record<string, string> = {
  consultation: 'blue',
  query: 'cyan',
  fault_repair: 'orange',
  complaint: 'volcano',
  report: 'magenta',
  suggestion: 'geekblue',
  praise: 'green',
  application: 'purple',
  urge: 'gold',
};

const STATUS_COLOURS: Record<string, string> = {
  accepted: 'default',
  dispatched: 'processing',
  taken: 'cyan',
  handled: 'geekblue',
  replied: 'purple',
  closed: 'success',
  merged: 'default',
};

/** 类型 (and the sub-category beside it, when there is one). */
export function WorkOrderTypeTag({ type, subCategory }: { type: string; subCategory?: string | null }) {
  const label = useWorkOrderLabel();
  return (
    <Space size={2} wrap>
      <Tag color={TYPE_COLOURS[type]} data-testid="wo-type" data-type={type} style={{ marginInlineEnd: 0 }}>
        {label('type', type)}
      </Tag>
      {subCategory ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {label('subCategory', subCategory)}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

/** 状态, with 挂起 and 紧急 beside it; the customer-facing status in grey underneath. */
export function WorkOrderStatusTag({
  order,
  showExternal = true,
}: {
  order: Pick<WorkOrderSummary, 'status' | 'paused' | 'urgent' | 'externalStatus'>;
  showExternal?: boolean;
}) {
  const { t } = useTranslation();
  const label = useWorkOrderLabel();
  return (
    <div>
      <Space size={2} wrap>
        <Tag
          color={STATUS_COLOURS[order.status]}
          data-testid="wo-status"
          data-status={order.status}
          style={{ marginInlineEnd: 0 }}
        >
          {label('status', order.status)}
        </Tag>
        {order.paused ? (
          <Tag color="warning" style={{ marginInlineEnd: 0 }}>
            {t('wo.paused')}
          </Tag>
        ) : null}
        {order.urgent ? (
          <Tag color="red" style={{ marginInlineEnd: 0 }}>
            {t('wo.urgent')}
          </Tag>
        ) : null}
      </Space>
      {showExternal ? (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="wo-external-status">
            {t('wo.externalShort', { status: label('externalStatus', order.externalStatus) })}
          </Typography.Text>
        </div>
      ) : null}
    </div>
  );
}
