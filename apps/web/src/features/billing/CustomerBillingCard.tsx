// The customer 360's billing card: consumption and amounts per period (ECharts) and the latest bills.
// Exported for the customer page; it loads its own data and hides itself without billing:read.
import { lazy, Suspense } from 'react';
import { Card, Empty, Skeleton, Table } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../auth/usePermissions';
import { BillStatusTag } from './BillStatusTag';
import { formatYuan } from './money';
import type { BillSummary } from './types';
import { useCustomerBillingHistory } from './useBills';

const BillingHistoryChart = lazy(() => import('./BillingHistoryChart'));

export function CustomerBillingCard({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { can, me } = usePermissions();
  const allowed = !!me && can('billing:read');
  const history = useCustomerBillingHistory(allowed ? customerId : undefined);
  if (!allowed) return null;
  const h = history.data;
  return (
    <Card size="small" title={t('billing.card.title')} data-testid="customer-billing-card">
      {!h ? (
        <Skeleton active />
      ) : h.periods.length === 0 ? (
        <Empty description={t('billing.card.empty')} />
      ) : (
        <>
          <Suspense fallback={<Skeleton active />}>
            <BillingHistoryChart
              periods={h.periods.map((p) => p.period)}
              energy={h.periods.map((p) => Number(p.energyKwh))}
              amount={h.periods.map((p) => p.totalFen / 100)}
              energyLabel={t('billing.card.energy')}
              amountLabel={t('billing.card.amount')}
            />
          </Suspense>
          <Table<BillSummary>
            size="small"
            rowKey="id"
            title={() => t('billing.card.recent')}
            dataSource={h.bills.slice(0, 6)}
            pagination={false}
            columns={[
              {
                title: t('billing.bills.period'),
                dataIndex: 'period',
                render: (v: string, r) => <Link to={`/billing/bills/${r.id}`}>{v}</Link>,
              },
              { title: t('billing.bills.accountNo'), dataIndex: 'accountNo' },
              { title: t('billing.bills.energy'), dataIndex: 'energyKwh', align: 'right' },
              {
                title: t('billing.bills.total'),
                dataIndex: 'totalFen',
                align: 'right',
                render: (v: number) => formatYuan(v),
              },
              {
                title: t('billing.bills.status'),
                dataIndex: 'status',
                render: (v: string) => <BillStatusTag status={v} />,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
