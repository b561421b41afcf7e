// 欠费停电: cases from the written notice (3–7 days ahead) to the reconnection within 24 h of payment.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Modal, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AccountDue, DisconnectionCase } from '@gridcare/contracts';
import { api, withQuery } from '../../api/client';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorResult } from '../../shared/ErrorResult';
import { formatDateTime } from '../../shared/format';
import { usePageParams } from '../../shared/usePageParams';
import { useNotifyError } from '../../shared/useNotifyError';
import { formatYuan } from './money';
import { useCreateDisconnection, useDisconnectionAction, useDisconnections } from './usePaymentsApi';

const COLOUR: Record<DisconnectionCase['status'], string> = {
  created: 'default',
  notice_sent: 'processing',
  reminded: 'warning',
  disconnected: 'error',
  reconnect_pending: 'orange',
  reconnected: 'success',
  cancelled: 'default',
};

function CreateCaseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const create = useCreateDisconnection();
  const [form] = Form.useForm<{ accountNo: string; plannedAt: Dayjs; note?: string }>();
  const submit = async (v: { accountNo: string; plannedAt: Dayjs; note?: string }) => {
    try {
      const due = await api<AccountDue>(
        withQuery('/api/payments/accounts/due', { accountNo: v.accountNo.trim() }),
      );
      await create.mutateAsync({
        accountId: due.accountId,
        plannedAt: v.plannedAt.toISOString(),
        note: v.note || undefined,
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
      title={t('payments.disconnection.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ plannedAt: dayjs().add(4, 'day').hour(9).minute(0).second(0) }}
      >
        <Form.Item name="accountNo" label={t('payments.post.accountNo')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="plannedAt"
          label={t('payments.disconnection.plannedAt')}
          extra={t('payments.disconnection.window')}
          rules={[{ required: true }]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="note" label={t('payments.disconnection.note')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DisconnectionsPage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const notifyError = useNotifyError();
  const p = usePageParams();
  const [open, setOpen] = useState(false);
  const { data, error, isFetching, refetch } = useDisconnections({
    page: p.page,
    pageSize: p.pageSize,
    status: p.get('status'),
  });
  const act = useDisconnectionAction();
  const run = (c: DisconnectionCase, action: 'disconnect' | 'reconnect' | 'cancel') =>
    modal.confirm({
      title: t(`payments.disconnection.confirm.${action}`, { account: c.accountNo }),
      onOk: () => act.mutateAsync({ id: c.id, action, version: c.version }).catch(notifyError),
    });
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageTitle
        title={t('payments.disconnection.title')}
        sub={t('payments.disconnection.sub')}
        extra={
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('payments.disconnection.create')}
          </Button>
        }
      />
      <Card size="small">
        <Table<DisconnectionCase>
          size="small"
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={p.pagination(data?.total)}
          columns={[
            { title: t('payments.disconnection.caseNo'), dataIndex: 'caseNo' },
            { title: t('payments.list.account'), render: (_, c) => `${c.accountNo} ${c.customerName}` },
            {
              title: t('payments.disconnection.arrears'),
              align: 'right',
              render: (_, c) => formatYuan(c.arrearsFen),
            },
            {
              title: t('payments.disconnection.status'),
              render: (_, c) => (
                <Tag color={COLOUR[c.status]}>{t(`payments.disconnection.statuses.${c.status}`)}</Tag>
              ),
            },
            {
              title: t('payments.disconnection.noticeSentAt'),
              render: (_, c) => formatDateTime(c.noticeSentAt),
            },
            { title: t('payments.disconnection.plannedAt'), render: (_, c) => formatDateTime(c.plannedAt) },
            {
              title: t('payments.disconnection.reconnectDueAt'),
              render: (_, c) => formatDateTime(c.reconnectDueAt),
            },
            {
              title: '',
              render: (_, c) => (
                <Space>
                  {c.status === 'reminded' ? (
                    <Button size="small" danger onClick={() => run(c, 'disconnect')}>
                      {t('payments.disconnection.disconnect')}
                    </Button>
                  ) : null}
                  {c.status === 'reconnect_pending' ? (
                    <Button size="small" type="primary" onClick={() => run(c, 'reconnect')}>
                      {t('payments.disconnection.reconnect')}
                    </Button>
                  ) : null}
                  {['created', 'notice_sent', 'reminded'].includes(c.status) ? (
                    <Button size="small" onClick={() => run(c, 'cancel')}>
                      {t('payments.disconnection.cancel')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CreateCaseModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}
