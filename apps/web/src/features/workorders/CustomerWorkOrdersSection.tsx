import { useState, type HTMLAttributes } from 'react';
import { Badge, Button, Empty, Flex, Table } from 'antd';
import { PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorResult } from '../../shared/ErrorResult';
import { usePermissions } from '../auth/usePermissions';
import type { WorkOrderSummary } from './types';
import { useNow } from './useNow';
import { useWorkOrderColumns } from './useWorkOrderColumns';
import { useWorkOrders, type WorkOrderListParams } from './useWorkOrders';

const PAGE_SIZE = 5;
const paramsFor = (customerId: number, page: number): WorkOrderListParams => ({
  queue: 'all',
  customerId,
  page,
  pageSize: PAGE_SIZE,
});

/** Whether the user may see work orders at all (the list answers 403 otherwise). */
function useCanSeeOrders() {
  const { can } = usePermissions();
  return (
    can('workorder:create') || can('workorder:handle') || can('workorder:supervise') || can('report:read')
  );
}

/** 客户工单 on the customer 360 page: the customer's orders, newest first, and "新建工单" for them. */
export function CustomerWorkOrdersSection({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const allowed = useCanSeeOrders();
  const [page, setPage] = useState(1);
  const now = useNow(30_000);
  const { data, isFetching, error, refetch } = useWorkOrders(paramsFor(customerId, page), {
    enabled: allowed,
  });
  const columns = useWorkOrderColumns(now, { customer: false });
  if (!allowed) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.forbidden')} />;
  return (
    <div data-testid="customer-workorders">
      <Flex gap={8} justify="flex-end" style={{ marginBottom: 8 }}>
        <Button
          icon={<UnorderedListOutlined />}
          onClick={() => navigate(`/workorders?queue=all&customerId=${customerId}`)}
          data-testid="customer-workorders-all"
        >
          {t('wo.customer.all')}
        </Button>
        {can('workorder:create') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate(`/workorders/new?customerId=${customerId}&channel=phone`)}
            data-testid="customer-new-workorder"
          >
            {t('wo.menu.new')}
          </Button>
        ) : null}
      </Flex>
      {error ? (
        <ErrorResult error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<WorkOrderSummary>
          rowKey="id"
          size="small"
          loading={isFetching}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            onChange: setPage,
            size: 'small',
          }}
          locale={{ emptyText: t('wo.customer.empty') }}
          scroll={{ x: 1000 }}
          onRow={(r) =>
            ({
              onClick: () => navigate(`/workorders/${r.id}`),
              className: 'gc-clickable-row',
              'data-testid': 'customer-workorder-row',
              'data-case-no': r.caseNo,
              'data-status': r.status,
            }) as HTMLAttributes<HTMLElement>
          }
        />
      )}
    </div>
  );
}

/** The tab's title with the number of the customer's orders (same query as the section's first page). */
export function CustomerWorkOrdersTabLabel({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const allowed = useCanSeeOrders();
  const { data } = useWorkOrders(paramsFor(customerId, 1), { enabled: allowed });
  return (
    <span data-testid="tab-workorders">
      {t('wo.customer.tab')}
      <Badge
        count={data?.total ?? 0}
        showZero
        color="#bfbfbf"
        size="small"
        style={{ marginInlineStart: 4 }}
      />
    </span>
  );
}

/** The 360 page's tab entry, so the page needs one line: `customerWorkOrdersTab(id)`. */
export function customerWorkOrdersTab(customerId: number) {
  return {
    key: 'workorders',
    label: <CustomerWorkOrdersTabLabel customerId={customerId} />,
    children: <CustomerWorkOrdersSection customerId={customerId} />,
  };
}
