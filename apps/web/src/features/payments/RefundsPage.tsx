// 退费: refund documents of prepaid money; a clerk requests, billing:approve decides.
import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Refund } from '@gridcare/contracts';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorResult } from '../../shared/ErrorResult';
import { formatDateTime } from '../../shared/format';
import { usePageParams } from '../../shared/usePageParams';
import { useNotifyError } from '../../shared/useNotifyError';
import { usePermissions } from '../auth/usePermissions';
import { api, withQuery } from '../../api/client';
import type { AccountDue } from '@gridcare/contracts';
import { formatYuan, parseYuan } from './money';
import { useDecideRefund, useRefunds, useRequestRefund } from './usePaymentsApi';

const STATUS_COLOUR = { requested: 'processing', approved: 'success', rejected: 'default' } as const;

function RequestRefundModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const request = useRequestRefund();
  const [form] = Form.useForm<{ accountNo: string; amount: string; reason: string }>();
  const submit = async (v: { accountNo: string; amount: string; reason: string }) => {
    try {
      const due = await api<AccountDue>(
        withQuery('/api/payments/accounts/due', { accountNo: v.accountNo.trim() }),
      );
      await request.mutateAsync({
        accountId: due.accountId,
        amountFen: parseYuan(v.amount) ?? 0,
        reason: v.reason,
      });
      form.resetFields();
      onClose();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Modal
      open={open}
      title={t('payments.refunds.request')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={request.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="accountNo" label={t('payments.post.accountNo')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
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
          <Input suffix={t('payments.yuan')} />
        </Form.Item>
        <Form.Item name="reason" label={t('payments.refunds.reason')} rules={[{ required: true, max: 200 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RefundsPage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const notifyError = useNotifyError();
  const { can } = usePermissions();
  const p = usePageParams();
  const [open, setOpen] = useState(false);
  const { data, error, isFetching, refetch } = useRefunds({
    page: p.page,
    pageSize: p.pageSize,
    status: p.get('status'),
  });
  const decide = useDecideRefund();
  const act = (r: Refund, approve: boolean) =>
    modal.confirm({
      title: approve
        ? t('payments.refunds.approveConfirm', { amount: formatYuan(r.amountFen) })
        : t('payments.refunds.rejectConfirm'),
      onOk: () => decide.mutateAsync({ id: r.id, approve, version: r.version }).catch(notifyError),
    });
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageTitle
        title={t('payments.refunds.title')}
        sub={t('payments.refunds.sub')}
        extra={
          can('payment:post') ? (
            <Button type="primary" onClick={() => setOpen(true)}>
              {t('payments.refunds.request')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Table<Refund>
          size="small"
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={p.pagination(data?.total)}
          columns={[
            { title: t('payments.refunds.no'), dataIndex: 'refundNo' },
            { title: t('payments.list.account'), render: (_, r) => `${r.accountNo} ${r.customerName}` },
            { title: t('payments.list.amount'), align: 'right', render: (_, r) => formatYuan(r.amountFen) },
            { title: t('payments.refunds.reason'), dataIndex: 'reason' },
            {
              title: t('payments.refunds.status'),
              render: (_, r) => (
                <Tag color={STATUS_COLOUR[r.status]}>{t(`payments.refunds.${r.status}`)}</Tag>
              ),
            },
            {
              title: t('payments.refunds.requestedBy'),
              render: (_, r) => `${r.requestedByName ?? ''} ${formatDateTime(r.createdAt)}`,
            },
            {
              title: t('payments.refunds.decidedBy'),
              render: (_, r) =>
                r.decidedAt ? `${r.decidedByName ?? ''} ${formatDateTime(r.decidedAt)}` : '',
            },
            {
              title: '',
              render: (_, r) =>
                r.status === 'requested' && can('billing:approve') ? (
                  <Space>
                    <Button size="small" type="primary" onClick={() => act(r, true)}>
                      {t('payments.refunds.approve')}
                    </Button>
                    <Button size="small" danger onClick={() => act(r, false)}>
                      {t('payments.refunds.reject')}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <RequestRefundModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}
