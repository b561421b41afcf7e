// An account's readings history and consumption chart, for the customer 360 (the billing engineer may
// place it there) and the metering pages: <AccountReadingsCard accountId={…} />.
import { lazy, Suspense } from 'react';
import { Card, Empty, Skeleton, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountReading } from '@gridcare/contracts';
import { ReadingStatusTag } from './ReadingStatusTag';
import { useAccountReadings } from './useAccountReadings';

const ConsumptionChart = lazy(() => import('./ConsumptionChart'));

export function AccountReadingsCard({ accountId, months = 24 }: { accountId: number; months?: number }) {
  const { t } = useTranslation();
  const { data, isFetching } = useAccountReadings(accountId, months);
  return (
    <Card title={t('metering.history.title')} data-testid="account-readings">
      {data && data.monthly.length > 0 ? (
        <Suspense fallback={<Skeleton active />}>
          <ConsumptionChart
            monthly={data.monthly}
            kwhLabel={t('metering.history.kwh')}
            estimatedLabel={t('metering.history.estimated')}
          />
        </Suspense>
      ) : (
        !isFetching && <Empty description={t('metering.history.empty')} />
      )}
      <Table<AccountReading>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.readings ?? []}
        pagination={{ pageSize: 12, showSizeChanger: false }}
        columns={[
          { title: t('metering.entry.period'), dataIndex: 'period', width: 90 },
          { title: t('metering.entry.meter'), dataIndex: 'meterAssetNo', ellipsis: true },
          {
            title: t('metering.entry.register'),
            dataIndex: 'register',
            width: 100,
            render: (v: string) => t(`metering.register.${v}`),
          },
          { title: t('metering.history.readOn'), dataIndex: 'readOn', width: 110 },
          { title: t('metering.entry.previous'), dataIndex: 'previousValue', width: 110 },
          { title: t('metering.entry.current'), dataIndex: 'value', width: 110 },
          { title: t('metering.entry.multiplier'), dataIndex: 'multiplier', width: 80 },
          { title: t('metering.entry.consumption'), dataIndex: 'consumption', width: 110 },
          {
            title: t('metering.history.trueUp'),
            dataIndex: 'truedUpKwh',
            width: 90,
            render: (v: string) => (v === '0.00' ? '' : `−${v}`),
          },
          {
            title: t('metering.history.source'),
            dataIndex: 'source',
            width: 100,
            render: (v: string) => t(`metering.source.${v}`),
          },
          {
            title: t('metering.history.status'),
            dataIndex: 'status',
            width: 90,
            render: (v: string) => <ReadingStatusTag status={v} />,
          },
        ]}
      />
    </Card>
  );
}
