// 缴费记录: payments in the caller's scope, searchable by account, payment number or reference.
import { Button, Card, Flex, Input, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PaymentPage } from '@gridcare/contracts';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorResult } from '../../shared/ErrorResult';
import { formatDateTime } from '../../shared/format';
import { usePageParams } from '../../shared/usePageParams';
import { formatYuan } from './money';
import { usePaymentList } from './usePaymentsApi';

type Row = PaymentPage['items'][number];
const CHANNELS = ['counter', 'online', 'bank_withholding', 'manager', 'prepaid'] as const;

export function PaymentsListPage() {
  const { t } = useTranslation();
  const p = usePageParams();
  const { data, error, isFetching, refetch } = usePaymentList({
    page: p.page,
    pageSize: p.pageSize,
    q: p.get('q'),
    channel: p.get('channel'),
  });
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageTitle title={t('payments.list.title')} />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            defaultValue={p.get('q')}
            placeholder={t('payments.list.search')}
            style={{ width: 320 }}
            onSearch={(q) => p.update({ q })}
          />
          <Select
            allowClear
            placeholder={t('payments.list.channel')}
            style={{ width: 160 }}
            value={p.get('channel')}
            onChange={(channel) => p.update({ channel })}
            options={CHANNELS.map((c) => ({ value: c, label: t(`payments.channel.${c}`) }))}
          />
        </Flex>
        <Table<Row>
          size="small"
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={p.pagination(data?.total)}
          columns={[
            { title: t('payments.list.paymentNo'), dataIndex: 'paymentNo' },
            { title: t('payments.list.paidAt'), render: (_, r) => formatDateTime(r.paidAt) },
            { title: t('payments.list.account'), render: (_, r) => `${r.accountNo} ${r.customerName}` },
            { title: t('payments.list.channel'), render: (_, r) => t(`payments.channel.${r.channel}`) },
            { title: t('payments.list.amount'), align: 'right', render: (_, r) => formatYuan(r.amountFen) },
            { title: t('payments.bill.lateFee'), align: 'right', render: (_, r) => formatYuan(r.lateFeeFen) },
            { title: t('payments.due.prepaid'), align: 'right', render: (_, r) => formatYuan(r.prepaidFen) },
            { title: t('payments.list.reference'), dataIndex: 'reference' },
            {
              title: t('payments.list.receipt'),
              render: (_, r) =>
                r.receiptNo ? (
                  <Button type="link" size="small" href={`/api/payments/${r.id}/receipt`} target="_blank">
                    {r.receiptNo}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
    </>
  );
}
