// 电费回收率: principal collected over principal billed, by org unit and period, with a chart and Excel.
import { Suspense, lazy, useMemo, useState } from 'react';
import { Button, Card, DatePicker, Flex, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CollectionRateReport } from '@gridcare/contracts';
import { withQuery } from '../../api/client';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorResult } from '../../shared/ErrorResult';
import { formatYuan } from './money';
import { useCollectionRate } from './usePaymentsApi';

const RateChart = lazy(() => import('./RateChart'));
type Row = CollectionRateReport['rows'][number];

export function CollectionRatePage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(11, 'month'), dayjs()]);
  const params = { from: range[0].format('YYYY-MM'), to: range[1].format('YYYY-MM') };
  const { data, error, isFetching, refetch } = useCollectionRate(params);
  const byPeriod = useMemo(() => {
    const m = new Map<string, { billed: number; collected: number }>();
    for (const r of data?.rows ?? []) {
      const x = m.get(r.period) ?? { billed: 0, collected: 0 };
      x.billed += r.billedFen;
      x.collected += r.collectedFen;
      m.set(r.period, x);
    }
    return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  }, [data]);
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageTitle
        title={t('payments.rate.title')}
        sub={t('payments.rate.sub')}
        extra={
          <Flex gap={8}>
            <DatePicker.RangePicker
              picker="month"
              value={range}
              allowClear={false}
              onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])}
            />
            <Button
              icon={<DownloadOutlined />}
              href={withQuery('/api/payments/collection-rate.xlsx', params)}
            >
              {t('payments.export')}
            </Button>
          </Flex>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Suspense fallback={null}>
          <RateChart
            unit={t('payments.yuan')}
            categories={byPeriod.map(([p]) => p)}
            bars={[
              {
                name: t('payments.rate.billed'),
                data: byPeriod.map(([, x]) => x.billed / 100),
                colour: '#91caff',
              },
              {
                name: t('payments.rate.collected'),
                data: byPeriod.map(([, x]) => x.collected / 100),
                colour: '#1677ff',
              },
            ]}
            line={{
              name: t('payments.rate.rate'),
              data: byPeriod.map(([, x]) =>
                x.billed ? Math.round((x.collected / x.billed) * 10000) / 100 : null,
              ),
            }}
          />
        </Suspense>
      </Card>
      <Card
        size="small"
        title={data?.total ? t('payments.rate.total', { rate: data.total.rate ?? '—' }) : undefined}
      >
        <Table<Row>
          size="small"
          rowKey={(r) => `${r.orgUnitId}-${r.period}`}
          loading={isFetching}
          dataSource={data?.rows ?? []}
          pagination={{ pageSize: 50 }}
          columns={[
            { title: t('payments.arrears.unit'), dataIndex: 'orgUnitName' },
            { title: t('payments.bill.period'), dataIndex: 'period' },
            { title: t('payments.arrears.bills'), dataIndex: 'bills', align: 'right' },
            { title: t('payments.rate.billed'), align: 'right', render: (_, r) => formatYuan(r.billedFen) },
            {
              title: t('payments.rate.collected'),
              align: 'right',
              render: (_, r) => formatYuan(r.collectedFen),
            },
            {
              title: t('payments.rate.rate'),
              align: 'right',
              render: (_, r) => (r.rate === null ? '—' : `${r.rate}%`),
            },
          ]}
        />
      </Card>
    </>
  );
}
