// 电费 in the portal: the account's bills (status, due date, amount, lines), a consumption chart, 在线缴费
// through the payment gateway, and the payments with their receipts.
import { Suspense, lazy, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Collapse,
  Empty,
  Flex,
  List,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { PortalBill } from '@gridcare/contracts';
import { ErrorResult } from '../../shared/ErrorResult';
import { formatDateTime } from '../../shared/format';
import { useNotifyError } from '../../shared/useNotifyError';
import { formatYuan } from '../payments/money';
import { usePortalBills, usePortalPay, usePortalPayments } from './usePortalBilling';
import { usePortalMe } from './usePortalMe';

const ConsumptionChart = lazy(() => import('./ConsumptionChart'));

const STATUS_COLOUR: Record<PortalBill['status'], string> = {
  issued: 'orange',
  partially_paid: 'gold',
  paid: 'green',
  superseded: 'default',
  cancelled: 'default',
};

function BillLines({ bill }: { bill: PortalBill }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(l) => `${l.code}-${l.labelKey ?? ''}-${l.amountFen}`}
      dataSource={bill.lines}
      columns={[
        {
          title: t('payments.portal.line'),
          render: (_, l) => t(l.labelKey ?? l.code, { defaultValue: l.code }),
        },
        {
          title: t('payments.portal.quantity'),
          render: (_, l) => (l.quantity ? `${l.quantity} ${l.unit ?? ''}` : ''),
        },
        { title: t('payments.portal.price'), dataIndex: 'price' },
        { title: t('payments.portal.amount'), align: 'right', render: (_, l) => formatYuan(l.amountFen) },
        { title: t('payments.portal.rule'), dataIndex: 'rule' },
      ]}
    />
  );
}

export function PortalBillingPage() {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const { data: me } = usePortalMe();
  const [chosen, setChosen] = useState<string>();
  const accountNo = chosen ?? me?.accountNo;
  const bills = usePortalBills(accountNo);
  const payments = usePortalPayments(accountNo);
  const pay = usePortalPay();
  const payBills = (billIds?: number[]) =>
    accountNo && pay.mutateAsync({ accountNo, billIds }).catch(notifyError);

  if (bills.error) return <ErrorResult error={bills.error} onRetry={() => void bills.refetch()} />;
  const data = bills.data;
  const chartBills = [...(data?.bills ?? [])].reverse();
  return (
    <Flex vertical gap={12} style={{ paddingBottom: 72 }} data-testid="portal-billing">
      {me && me.accounts.length > 1 ? (
        <Select
          value={accountNo}
          onChange={setChosen}
          options={me.accounts.map((a) => ({ value: a.accountNo, label: a.accountNo }))}
        />
      ) : null}
      <Card size="small" loading={bills.isPending}>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Statistic
            title={t('payments.portal.totalDue')}
            prefix="¥"
            value={formatYuan(data?.totalDueFen ?? 0)}
            valueStyle={{ color: data?.totalDueFen ? '#cf1322' : undefined }}
          />
          {data?.prepaidBalanceFen ? (
            <Statistic
              title={t('payments.portal.prepaid')}
              prefix="¥"
              value={formatYuan(data.prepaidBalanceFen)}
            />
          ) : null}
          <Button
            type="primary"
            size="large"
            disabled={!data?.totalDueFen}
            loading={pay.isPending}
            onClick={() => payBills()}
            data-testid="portal-pay-all"
          >
            {t('payments.portal.payAll')}
          </Button>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('payments.portal.lateFeeNote')}
        </Typography.Text>
      </Card>
      {chartBills.length ? (
        <Card size="small" title={t('payments.portal.consumption')}>
          <Suspense fallback={null}>
            <ConsumptionChart
              name="kWh"
              periods={chartBills.map((b) => b.period)}
              kwh={chartBills.map((b) => Number(b.energyKwh))}
            />
          </Suspense>
        </Card>
      ) : null}
      <Card size="small" title={t('payments.portal.bills')}>
        {data && data.bills.length === 0 ? <Empty description={t('payments.portal.noBills')} /> : null}
        <Collapse
          size="small"
          items={(data?.bills ?? []).map((b) => ({
            key: b.id,
            label: (
              <Flex justify="space-between" wrap gap={8} data-testid={`portal-bill-${b.period}`}>
                <Space>
                  <strong>{b.period}</strong>
                  <Tag color={STATUS_COLOUR[b.status]}>{t(`payments.billStatus.${b.status}`)}</Tag>
                  {b.estimated ? <Tag>{t('payments.portal.estimated')}</Tag> : null}
                </Space>
                <span>¥ {formatYuan(b.totalFen)}</span>
              </Flex>
            ),
            children: (
              <Flex vertical gap={8}>
                <Typography.Text type="secondary">
                  {t('payments.portal.billMeta', { billNo: b.billNo, kwh: b.energyKwh, due: b.dueDate })}
                </Typography.Text>
                <BillLines bill={b} />
                {b.outstandingFen > 0 ? (
                  <Alert
                    type="warning"
                    message={t('payments.portal.owing', {
                      amount: formatYuan(b.outstandingFen),
                      lateFee: formatYuan(b.lateFeeFen),
                    })}
                    action={
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => payBills([b.id])}
                        loading={pay.isPending}
                      >
                        {t('payments.portal.payThis')}
                      </Button>
                    }
                  />
                ) : null}
              </Flex>
            ),
          }))}
        />
      </Card>
      <Card size="small" title={t('payments.portal.payments')}>
        <List
          size="small"
          loading={payments.isPending}
          dataSource={payments.data?.items ?? []}
          locale={{ emptyText: t('payments.portal.noPayments') }}
          renderItem={(p) => (
            <List.Item
              actions={
                p.receiptId
                  ? [
                      <a
                        key="r"
                        href={`/api/portal/billing/receipts/${p.receiptId}`}
                        target="_blank"
                        rel="noreferrer"
                      >
                        {t('payments.portal.receipt')}
                      </a>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={`¥ ${formatYuan(p.amountFen)} · ${t(`payments.channel.${p.channel}`)}`}
                description={formatDateTime(p.paidAt)}
              />
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
