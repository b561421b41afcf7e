import { useRef } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Progress, Radio, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey } from '../../api/client';
import { applyServerErrors } from '../../shared/formErrors';
import { formatDateTime } from '../../shared/format';
import { PageTitle } from '../../shared/PageTitle';
import { usePageParams } from '../../shared/usePageParams';
import { useNotifyError } from '../../shared/useNotifyError';
import { usePermissions } from '../auth/usePermissions';
import { OrgUnitSelect } from '../org/OrgUnitSelect';
import { BillRunProgress } from './BillRunProgress';
import { formatYuan } from './money';
import type { BillRun } from './types';
import { useBillRuns, useStartBillRun, type BillRunInput } from './useBillRuns';

interface Values {
  period: Dayjs;
  settlement: 1 | 2;
  scope: 'org' | 'book';
  orgUnitId?: number;
  readingBook?: string;
  dueDays?: number;
}

/** 电费发行: start a run for an org unit or a reading book, watch it, and the run history. */
export function BillRunsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const pp = usePageParams(10);
  const { can } = usePermissions();
  const [form] = Form.useForm<Values>();
  const scope = Form.useWatch('scope', form) ?? 'org';
  const start = useStartBillRun();
  const runs = useBillRuns(pp.page, pp.pageSize);
  const key = useRef(newIdempotencyKey());
  const current = Number(pp.get('run')) || undefined;

  const submit = (v: Values) => {
    const body: BillRunInput = {
      period: v.period.format('YYYY-MM'),
      settlement: v.settlement,
      dueDays: v.dueDays,
    };
    if (v.scope === 'org') body.orgUnitId = v.orgUnitId;
    else body.readingBook = v.readingBook?.trim();
    start.mutate(
      { body, idempotencyKey: key.current },
      {
        onSuccess: (run) => {
          key.current = newIdempotencyKey();
          void message.success(t('billing.runs.started'));
          pp.update({ run: run.id });
        },
        onError: (e) => {
          key.current = newIdempotencyKey();
          if (isApiError(e) && e.status === 400 && applyServerErrors(form, e.details).length === 0) return;
          notifyError(e);
        },
      },
    );
  };

  return (
    <div>
      <PageTitle title={t('billing.runs.title')} sub={t('billing.runs.sub')} />
      {can('billing:run') ? (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Form<Values>
            form={form}
            layout="inline"
            initialValues={{ period: dayjs().subtract(1, 'month'), settlement: 1, scope: 'org', dueDays: 15 }}
            onFinish={submit}
            data-testid="run-form"
          >
            <Form.Item name="period" label={t('billing.runs.period')} rules={[{ required: true }]}>
              <DatePicker picker="month" allowClear={false} />
            </Form.Item>
            <Form.Item name="settlement" label={t('billing.runs.settlement')}>
              <Radio.Group
                options={[
                  { value: 1, label: t('billing.runs.settlement1') },
                  { value: 2, label: t('billing.runs.settlement2') },
                ]}
              />
            </Form.Item>
            <Form.Item name="scope" label={t('billing.runs.scope')}>
              <Radio.Group
                options={[
                  { value: 'org', label: t('billing.runs.byOrg') },
                  { value: 'book', label: t('billing.runs.byBook') },
                ]}
              />
            </Form.Item>
            {scope === 'org' ? (
              <Form.Item name="orgUnitId" rules={[{ required: true, message: t('billing.runs.byOrg') }]}>
                <OrgUnitSelect
                  style={{ width: 220 }}
                  placeholder={t('billing.runs.byOrg')}
                  data-testid="run-org"
                />
              </Form.Item>
            ) : (
              <Form.Item name="readingBook" rules={[{ required: true, message: t('billing.runs.book') }]}>
                <Input style={{ width: 180 }} placeholder={t('billing.runs.book')} />
              </Form.Item>
            )}
            <Form.Item
              name="dueDays"
              label={t('billing.runs.dueDays')}
              tooltip={t('billing.runs.dueDaysHelp')}
            >
              <InputNumber min={0} max={90} style={{ width: 80 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={start.isPending} data-testid="run-start">
              {t('billing.runs.start')}
            </Button>
          </Form>
        </Card>
      ) : null}
      {current ? <BillRunProgress runId={current} /> : null}
      <Card size="small" title={t('billing.runs.history')}>
        <Table<BillRun>
          rowKey="id"
          size="small"
          loading={runs.isLoading}
          dataSource={runs.data?.items}
          pagination={pp.pagination(runs.data?.total)}
          onRow={(r) => ({
            onClick: () => pp.update({ run: r.id, page: pp.page }),
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: '#', dataIndex: 'id' },
            {
              title: t('billing.runs.period'),
              dataIndex: 'period',
              render: (v: string, r) => `${v} / ${r.settlement}`,
            },
            {
              title: t('billing.runs.scope'),
              key: 'scope',
              render: (_: unknown, r) => r.orgUnitName ?? r.readingBook,
            },
            {
              title: t('billing.runs.status'),
              dataIndex: 'status',
              render: (v: string) => t(`billing.runs.statusName.${v}`),
            },
            {
              title: t('billing.runs.progress'),
              dataIndex: 'progress',
              render: (v: number, r) => (
                <Progress
                  size="small"
                  percent={Math.round(v * 1000) / 10}
                  status={r.status === 'failed' ? 'exception' : undefined}
                  style={{ width: 120 }}
                />
              ),
            },
            { title: t('billing.runs.billed'), dataIndex: 'billedAccounts', align: 'right' },
            { title: t('billing.runs.noReadings'), dataIndex: 'skippedNoReadings', align: 'right' },
            {
              title: t('billing.runs.amount'),
              dataIndex: 'totalFen',
              align: 'right',
              render: (v: number) => formatYuan(v),
            },
            { title: t('billing.runs.startedBy'), dataIndex: 'startedByName' },
            {
              title: t('billing.runs.createdAt'),
              dataIndex: 'createdAt',
              render: (v: string) => formatDateTime(v),
            },
          ]}
        />
      </Card>
    </div>
  );
}
