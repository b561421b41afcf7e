import type { ReactNode } from 'react';
import { Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { formatYuan } from './money';
import type { Adjustment } from './types';

const COLOUR: Record<string, string> = {
  draft: 'orange',
  approved: 'green',
  rejected: 'red',
  cancelled: 'default',
};

export function AdjustmentsTable({
  items,
  loading,
  action,
  pagination,
}: {
  items: Adjustment[];
  loading?: boolean;
  action?: (a: Adjustment) => ReactNode;
  pagination?: false | object;
}) {
  const { t } = useTranslation();
  return (
    <Table<Adjustment>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={pagination ?? false}
      data-testid="adjustments-table"
      columns={[
        { title: t('billing.adjustments.docNo'), dataIndex: 'docNo' },
        {
          title: t('billing.adjustments.bill'),
          dataIndex: 'billNo',
          render: (v: string, r) => <Link to={`/billing/bills/${r.newBillId ?? r.billId}`}>{v}</Link>,
        },
        { title: t('billing.bills.customer'), dataIndex: 'customerName' },
        {
          title: t('billing.adjustments.reason'),
          dataIndex: 'reason',
          render: (v: string, r) => `${t(`billing.adjustments.reasons.${v}`)}：${r.reasonText}`,
        },
        {
          title: t('billing.adjustments.oldTotal'),
          dataIndex: 'oldTotalFen',
          align: 'right',
          render: (v: number) => formatYuan(v),
        },
        {
          title: t('billing.adjustments.newTotal'),
          dataIndex: 'newTotalFen',
          align: 'right',
          render: (v: number) => formatYuan(v),
        },
        {
          title: t('billing.adjustments.difference'),
          dataIndex: 'differenceFen',
          align: 'right',
          render: (v: number) => (v > 0 ? '+' : '') + formatYuan(v),
        },
        {
          title: t('billing.adjustments.refund'),
          dataIndex: 'refundFen',
          align: 'right',
          render: (v: number) => formatYuan(v),
        },
        {
          title: t('billing.adjustments.status'),
          dataIndex: 'status',
          render: (v: string) => <Tag color={COLOUR[v]}>{t(`billing.adjustments.statusName.${v}`)}</Tag>,
        },
        { title: t('billing.adjustments.draftedBy'), dataIndex: 'draftedByName' },
        {
          title: t('billing.adjustments.decidedBy'),
          key: 'decided',
          render: (_: unknown, r) =>
            r.decidedByName ? `${r.decidedByName} ${formatDateTime(r.decidedAt)}` : '',
        },
        ...(action
          ? [{ title: t('common.actions'), key: 'action', render: (_: unknown, r: Adjustment) => action(r) }]
          : []),
      ]}
    />
  );
}
