import { useState } from 'react';
import { App, Button, Card, DatePicker, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { FormOutlined, ThunderboltOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { businessPeriod } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { VISIT_PLAN_STATUSES, type VisitPlan } from '../../api/types';
import { ErrorResult } from '../../shared/ErrorResult';
import { formatDate } from '../../shared/format';
import { PageTitle } from '../../shared/PageTitle';
import { useEnumLabel, useEnumOptions } from '../../shared/useEnumLabel';
import { usePageParams } from '../../shared/usePageParams';
import { useNotifyError } from '../../shared/useNotifyError';
import { usePermissions } from '../auth/usePermissions';
import { RecordVisitModal } from './RecordVisitModal';
import { useGeneratePlans } from './useGeneratePlans';
import { useVisitPlans } from './useVisitPlans';

const STATUS_COLOURS: Record<string, string> = {
  planned: 'processing',
  done: 'success',
  cancelled: 'default',
};

/** 走访计划: the month's visit plans, overdue ones flagged; supervisors generate the month's plans. */
export function VisitPlansPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const notifyError = useNotifyError();
  const { can } = usePermissions();
  const pp = usePageParams();
  const period = pp.get('period') ?? businessPeriod(new Date());
  const status = pp.get('status');
  const overdue = pp.get('overdue');
  const { data, isFetching, error, refetch } = useVisitPlans({
    period,
    status,
    overdue,
    page: pp.page,
    pageSize: pp.pageSize,
  });
  const generate = useGeneratePlans();
  const [visiting, setVisiting] = useState<VisitPlan | null>(null);

  const runGenerate = () =>
    generate.mutate(period, {
      onSuccess: (r) =>
        void message.success(
          typeof r?.created === 'number' ? t('plans.generatedN', { count: r.created }) : t('plans.generated'),
        ),
      onError: notifyError,
    });

  return (
    <div>
      <PageTitle
        title={t('menu.visitPlans')}
        sub={t('plans.subtitle')}
        extra={
          can('manager:assign') ? (
            <Button
              type="primary"
              icon={<ThunderboltOutlined />}
              loading={generate.isPending}
              onClick={runGenerate}
              data-testid="generate-plans"
            >
              {t('plans.generate', { period })}
            </Button>
          ) : null
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(period + '-01')}
            onChange={(d) => d && pp.update({ period: d.format('YYYY-MM') })}
            data-testid="plan-period"
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('plans.status')}
            value={status}
            onChange={(v) => pp.update({ status: v })}
            options={options('visitPlanStatus', VISIT_PLAN_STATUSES)}
            data-testid="plan-status"
          />
          <Space>
            <Switch
              checked={overdue === 'true'}
              onChange={(v) => pp.update({ overdue: v ? 'true' : undefined })}
              data-testid="plan-overdue"
            />
            <Typography.Text>{t('my.overdueOnly')}</Typography.Text>
          </Space>
        </Space>
        {error ? (
          <ErrorResult error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<VisitPlan>
            rowKey="id"
            size="middle"
            loading={isFetching}
            dataSource={data?.items ?? []}
            pagination={pp.pagination(data?.total)}
            locale={{ emptyText: t('plans.empty') }}
            data-testid="visit-plans"
            columns={[
              {
                title: t('plans.customer'),
                dataIndex: 'customerName',
                render: (v: string, r) => (
                  <Link to={`/customers/${r.customerId}`}>
                    {v}
                    {r.customerNo ? (
                      <Typography.Text type="secondary"> {r.customerNo}</Typography.Text>
                    ) : null}
                  </Link>
                ),
              },
              { title: t('plans.manager'), dataIndex: 'managerName', width: 120 },
              { title: t('plans.period'), dataIndex: 'period', width: 100 },
              { title: t('plans.dueDate'), dataIndex: 'dueDate', width: 120, render: formatDate },
              {
                title: t('plans.status'),
                dataIndex: 'status',
                width: 150,
                render: (v: string, r) => (
                  <Space size={4}>
                    <Tag color={STATUS_COLOURS[v]}>{label('visitPlanStatus', v)}</Tag>
                    {r.overdue ? (
                      <Tag color="red" data-testid="overdue-tag">
                        {t('visit.overdue')}
                      </Tag>
                    ) : null}
                  </Space>
                ),
              },
              {
                title: t('common.actions'),
                width: 120,
                render: (_: unknown, r) =>
                  r.status === 'planned' && can('manager:work') ? (
                    <Button
                      size="small"
                      icon={<FormOutlined />}
                      onClick={() => setVisiting(r)}
                      data-testid="plan-record-visit"
                    >
                      {t('visit.record')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
      {visiting && (
        <RecordVisitModal
          open
          customerId={visiting.customerId}
          customerName={visiting.customerName}
          planId={visiting.id}
          onClose={() => setVisiting(null)}
        />
      )}
    </div>
  );
}
