import type { HTMLAttributes } from 'react';
import { Badge, Button, Card, Table, Tabs } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { WORK_ORDER_QUEUES } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { withQuery } from '../../api/client';
import { ErrorResult } from '../../shared/ErrorResult';
import { PageTitle } from '../../shared/PageTitle';
import { usePageParams } from '../../shared/usePageParams';
import { usePermissions } from '../auth/usePermissions';
import { defaultQueue } from './defaultQueue';
import type { WorkOrderQueue, WorkOrderSummary } from './types';
import { useNow } from './useNow';
import { useQueueCounts } from './useQueueCounts';
import { useWorkOrderColumns } from './useWorkOrderColumns';
import { useWorkOrderLabel } from './useWorkOrderLabel';
import { listFilters, useWorkOrders, type WorkOrderListParams } from './useWorkOrders';
import { FILTER_KEYS, WorkOrderFilters, type FilterValues } from './WorkOrderFilters';

const isQueue = (v: string | undefined): v is WorkOrderQueue =>
  !!v && (WORK_ORDER_QUEUES as readonly string[]).includes(v);
// A hand-edited URL with a bad id drops the filter instead of failing the list with a 400.
const positiveInt = (v: string | undefined) =>
  v && /^\d{1,15}$/.test(v) && Number(v) > 0 ? Number(v) : undefined;

/**
 * 工单台: the agent's and the department's desk — queue tabs with counts, filters, server paging,
 * a live countdown per order, Excel export of exactly what is listed.
 */
export function WorkOrdersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const label = useWorkOrderLabel();
  const { can, hasRole } = usePermissions();
  const pp = usePageParams();
  const now = useNow(30_000);
  const queueParam = pp.get('queue');
  const queue = isQueue(queueParam) ? queueParam : defaultQueue(can, hasRole);
  const filters: FilterValues = Object.fromEntries(FILTER_KEYS.map((k) => [k, pp.get(k)]));
  const params: WorkOrderListParams = {
    queue,
    ...filters,
    customerId: filters.customerId ? Number(filters.customerId) : undefined,
    assignedUnitId: positiveInt(filters.assignedUnitId),
    open: filters.open === 'true' ? 'true' : undefined,
    page: pp.page,
    pageSize: pp.pageSize,
  };
  const { data, isFetching, error, refetch } = useWorkOrders(params);
  const counts = useQueueCounts();
  const columns = useWorkOrderColumns(now);
  const exportHref = withQuery('/api/workorders/export.xlsx', listFilters(params));

  const tabLabel = (q: WorkOrderQueue) => {
    const n = q === 'all' ? undefined : counts.data?.[q];
    const alert = q === 'breached' || q === 'near_breach';
    return (
      <span data-testid={`wo-queue-${q}`}>
        {label('queue', q)}
        {n !== undefined ? (
          <Badge
            count={n}
            showZero
            overflowCount={9999}
            size="small"
            color={alert && n > 0 ? (q === 'breached' ? '#ff4d4f' : '#fa8c16') : '#bfbfbf'}
            style={{ marginInlineStart: 6 }}
            data-testid={`wo-queue-count-${q}`}
          />
        ) : null}
      </span>
    );
  };

  return (
    <div>
      <PageTitle
        title={t('wo.desk.title')}
        sub={t('wo.desk.subtitle')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={exportHref} download data-testid="wo-export">
              {t('wo.desk.export')}
            </Button>
            {can('workorder:create') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/workorders/new')}
                data-testid="wo-new"
              >
                {t('wo.menu.new')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Tabs
          activeKey={queue}
          onChange={(k) => pp.update({ queue: k })}
          items={WORK_ORDER_QUEUES.map((q) => ({ key: q, label: tabLabel(q) }))}
          data-testid="wo-queues"
        />
        <WorkOrderFilters
          values={filters}
          onChange={(c) => pp.update(c)}
          customerName={filters.customerId ? data?.items[0]?.customerName : undefined}
          unitName={params.assignedUnitId ? data?.items[0]?.assignedUnitName : undefined}
        />
        {error ? (
          <ErrorResult error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<WorkOrderSummary>
            rowKey="id"
            size="middle"
            loading={isFetching}
            columns={columns}
            dataSource={data?.items ?? []}
            pagination={pp.pagination(data?.total, data?.totalCapped)}
            locale={{ emptyText: t('wo.desk.empty') }}
            scroll={{ x: 1290 }}
            onRow={(r) =>
              ({
                onClick: () => navigate(`/workorders/${r.id}`),
                className: 'gc-clickable-row',
                'data-testid': 'wo-row',
                'data-case-no': r.caseNo,
              }) as HTMLAttributes<HTMLElement>
            }
            data-testid="wo-table"
          />
        )}
      </Card>
    </div>
  );
}
