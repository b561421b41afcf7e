// 柜台收费: find the account, see its unpaid bills with the late fee to date, post the payment, print the
// receipt. Allocation is the server's (oldest bill first, late fee before principal, rest to prepaid).
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Radio, Result, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpenBillView, Payment } from '@gridcare/contracts';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorResult } from '../../shared/ErrorResult';
import { useNotifyError } from '../../shared/useNotifyError';
import { RequirePermission } from '../workorders/RequirePermission';
import { formatYuan, newCounterReference, parseYuan } from './money';
import { useAccountDue, usePostPayment } from './usePaymentsApi';

function BillsTable({ bills }: { bills: OpenBillView[] }) {
  const { t } = useTranslation();
  return (
    <Table<OpenBillView>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={bills}
      data-testid="due-bills"
      columns={[
        { title: t('payments.bill.period'), dataIndex: 'period' },
        { title: t('payments.bill.billNo'), dataIndex: 'billNo' },
        { title: t('payments.bill.dueDate'), dataIndex: 'dueDate' },
        { title: t('payments.bill.total'), align: 'right', render: (_, b) => formatYuan(b.totalFen) },
        {
          title: t('payments.bill.outstanding'),
          align: 'right',
          render: (_, b) => formatYuan(b.outstandingFen),
        },
        {
          title: t('payments.bill.lateFee'),
          align: 'right',
          render: (_, b) =>
            b.lateFeeFen ? <span title={b.lateFeeRule}>{formatYuan(b.lateFeeFen)}</span> : '—',
        },
        {
          title: t('payments.bill.overdue'),
          render: (_, b) =>
            b.daysOverdue > 0 ? (
              <Tag color="red">{t('payments.bill.daysOverdue', { days: b.daysOverdue })}</Tag>
            ) : (
              <Tag>{t('payments.bill.notDue')}</Tag>
            ),
        },
      ]}
    />
  );
}

function Posted({ payment, onNext }: { payment: Payment; onNext: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      title={t('payments.post.done', { amount: formatYuan(payment.amountFen) })}
      subTitle={t('payments.post.doneSub', {
        principal: formatYuan(payment.principalFen),
        lateFee: formatYuan(payment.lateFeeFen),
        prepaid: formatYuan(payment.prepaidFen),
        receiptNo: payment.receiptNo,
      })}
      extra={[
        <Button
          key="print"
          type="primary"
          href={`/api/payments/${payment.id}/receipt`}
          target="_blank"
          data-testid="print-receipt"
        >
          {t('payments.post.print')}
        </Button>,
        <Button key="next" onClick={onNext}>
          {t('payments.post.next')}
        </Button>,
      ]}
    />
  );
}

export function PaymentPostPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [accountNo, setAccountNo] = useState<string>();
  const [posted, setPosted] = useState<Payment | null>(null);
  const [form] = Form.useForm<{
    amount: string;
    reference: string;
    channel: 'counter' | 'manager';
    payerName?: string;
  }>();
  const due = useAccountDue(accountNo);
  const post = usePostPayment();

  const submit = async (v: {
    amount: string;
    reference: string;
    channel: 'counter' | 'manager';
    payerName?: string;
  }) => {
    const amountFen = parseYuan(v.amount);
    if (!due.data || amountFen === null || amountFen <= 0) return;
    try {
      const p = await post.mutateAsync({
        accountId: due.data.accountId,
        amountFen,
        reference: v.reference.trim(),
        channel: v.channel,
        payerName: v.payerName?.trim() || undefined,
      });
      setPosted(p);
      void message.success(t('payments.post.saved'));
    } catch (e) {
      notifyError(e);
    }
  };

  const reset = () => {
    setPosted(null);
    setAccountNo(undefined);
    form.resetFields();
  };

  return (
    <RequirePermission permission="payment:post">
      <PageTitle title={t('payments.post.title')} sub={t('payments.post.sub')} />
      {posted ? (
        <Posted payment={posted} onNext={reset} />
      ) : (
        <Flex vertical gap={16}>
          <Card size="small">
            <Input.Search
              placeholder={t('payments.post.accountNo')}
              enterButton={t('payments.post.find')}
              allowClear
              style={{ maxWidth: 420 }}
              onSearch={(v) => setAccountNo(v.trim() || undefined)}
              data-testid="account-search"
            />
          </Card>
          {due.error ? <ErrorResult error={due.error} /> : null}
          {due.data ? (
            <Card
              size="small"
              title={`${due.data.accountNo} ${due.data.customerName}`}
              loading={due.isFetching}
            >
              <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
                <Descriptions.Item label={t('payments.due.principal')}>
                  {formatYuan(due.data.principalFen)}
                </Descriptions.Item>
                <Descriptions.Item label={t('payments.due.lateFee')}>
                  {formatYuan(due.data.lateFeeFen)}
                </Descriptions.Item>
                <Descriptions.Item label={t('payments.due.total')}>
                  <strong data-testid="total-due">{formatYuan(due.data.totalDueFen)}</strong>
                </Descriptions.Item>
                <Descriptions.Item label={t('payments.due.prepaid')}>
                  {formatYuan(due.data.prepaidBalanceFen)}
                </Descriptions.Item>
              </Descriptions>
              {due.data.bills.length ? (
                <BillsTable bills={due.data.bills} />
              ) : (
                <Alert type="success" message={t('payments.due.none')} />
              )}
              <Form
                form={form}
                layout="inline"
                style={{ marginTop: 16 }}
                initialValues={{
                  reference: newCounterReference(),
                  channel: 'counter',
                  amount: (due.data.totalDueFen / 100).toFixed(2),
                }}
                onFinish={submit}
                key={due.data.accountId}
              >
                <Form.Item
                  name="amount"
                  label={t('payments.post.amount')}
                  rules={[
                    {
                      validator: (_, v: string) =>
                        (parseYuan(v ?? '') ?? 0) > 0
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('payments.post.amountInvalid'))),
                    },
                  ]}
                >
                  <Input suffix={t('payments.yuan')} style={{ width: 160 }} data-testid="pay-amount" />
                </Form.Item>
                <Form.Item
                  name="reference"
                  label={t('payments.post.reference')}
                  rules={[
                    {
                      required: true,
                      pattern: /^[0-9A-Za-z_.:-]{4,64}$/,
                      message: t('payments.post.referenceInvalid'),
                    },
                  ]}
                >
                  <Input style={{ width: 240 }} />
                </Form.Item>
                <Form.Item name="channel">
                  <Radio.Group
                    options={[
                      { value: 'counter', label: t('payments.channel.counter') },
                      { value: 'manager', label: t('payments.channel.manager') },
                    ]}
                  />
                </Form.Item>
                <Form.Item name="payerName" label={t('payments.post.payer')}>
                  <Input style={{ width: 140 }} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={post.isPending} data-testid="post-payment">
                  {t('payments.post.submit')}
                </Button>
              </Form>
            </Card>
          ) : null}
        </Flex>
      )}
    </RequirePermission>
  );
}
