import type { TableColumnsType } from 'antd';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../shared/format';
import { DueCountdown } from './DueCountdown';
import type { WorkOrderSummary } from './types';
import { useWorkOrderLabel } from './useWorkOrderLabel';
import { WorkOrderStatusTag, WorkOrderTypeTag } from './WorkOrderTags';

/** The desk's columns; `now` is the page's 30-second tick so the countdowns move without refetching. */
export function useWorkOrderColumns(now: number, options: { customer?: boolean } = {}) {
  const { t } = useTranslation();
  const label = useWorkOrderLabel();
  const columns: TableColumnsType<WorkOrderSummary> = [
    {
      title: t('wo.col.caseNo'),
      dataIndex: 'caseNo',
      width: 230,
      render: (v: string, r) => (
        <div>
          <Link to={`/workorders/${r.id}`} data-testid="wo-case-no" onClick={(e) => e.stopPropagation()}>
            {v}
          </Link>
          <div>
            <Typography.Text ellipsis style={{ maxWidth: 220 }} title={r.title}>
              {r.title}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('wo.col.type'),
      dataIndex: 'type',
      width: 130,
      render: (v: string, r) => <WorkOrderTypeTag type={v} subCategory={r.subCategory} />,
    },
    {
      title: t('wo.col.status'),
      dataIndex: 'status',
      width: 170,
      render: (_: unknown, r) => <WorkOrderStatusTag order={r} />,
    },
    {
      title: t('wo.col.due'),
      dataIndex: 'nextDueAt',
      width: 190,
      render: (_: unknown, r) => (
        <div>
          <DueCountdown
            dueAt={r.nextDueAt}
            warningLevel={r.warningLevel}
            breached={r.breached}
            paused={r.paused}
            now={now}
          />
          {r.nextDueKind ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {label('clockKind', r.nextDueKind)}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    ...(options.customer === false
      ? []
      : [
          {
            title: t('wo.col.customer'),
            dataIndex: 'customerName',
            width: 180,
            render: (v: string | null, r: WorkOrderSummary) =>
              r.customerId ? (
                <Link to={`/customers/${r.customerId}`} onClick={(e) => e.stopPropagation()}>
                  {v ?? r.customerId}
                </Link>
              ) : (
                <Typography.Text type="secondary">{t('wo.noCustomer')}</Typography.Text>
              ),
          },
        ]),
    {
      title: t('wo.col.assigned'),
      dataIndex: 'assignedUnitName',
      width: 170,
      render: (v: string | null, r) => (
        <div>
          <div>{v ?? r.orgUnitName ?? ''}</div>
          {r.handlerName ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.handlerName}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      title: t('wo.col.channel'),
      dataIndex: 'channel',
      width: 100,
      render: (v: string) => label('channel', v),
    },
    {
      title: t('wo.col.acceptedAt'),
      dataIndex: 'acceptedAt',
      width: 150,
      render: formatDateTime,
    },
  ];
  return columns;
}
