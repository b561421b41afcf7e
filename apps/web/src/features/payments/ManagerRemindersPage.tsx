// 客户经理催费清单: unpaid bills of the customers an account manager looks after, due within N days or
// overdue, so every month's charges are collected in full (颗粒归仓).
import { useState } from 'react';
import { Card, InputNumber, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorResult } from '../../shared/ErrorResult';
import { formatYuan } from './money';
import { useManagerReminders, type ManagerReminder } from './usePaymentsApi';

export function ManagerRemindersPage() {
  const { t } = useTranslation();
  const [days, setDays] = useState(7);
  const { data, error, isFetching, refetch } = useManagerReminders(days);
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageTitle
        title={t('payments.managers.title')}
        sub={t('payments.managers.sub')}
        extra={
          <InputNumber
            min={0}
            max={60}
            value={days}
            onChange={(v) => setDays(v ?? 7)}
            addonBefore={t('payments.managers.within')}
            addonAfter={t('payments.managers.days')}
          />
        }
      />
      <Card size="small">
        <Table<ManagerReminder>
          size="small"
          rowKey="billId"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 50 }}
          columns={[
            { title: t('payments.managers.customer'), dataIndex: 'customerName' },
            { title: t('payments.post.accountNo'), dataIndex: 'accountNo' },
            { title: t('payments.bill.period'), dataIndex: 'period' },
            { title: t('payments.bill.dueDate'), dataIndex: 'dueDate' },
            {
              title: t('payments.bill.outstanding'),
              align: 'right',
              render: (_, r) => formatYuan(r.outstandingFen),
            },
            {
              title: t('payments.managers.when'),
              render: (_, r) =>
                r.daysToDue < 0 ? (
                  <Tag color="red">{t('payments.bill.daysOverdue', { days: -r.daysToDue })}</Tag>
                ) : (
                  <Tag color={r.daysToDue <= 3 ? 'orange' : 'blue'}>
                    {t('payments.managers.dueIn', { days: r.daysToDue })}
                  </Tag>
                ),
            },
            { title: t('payments.managers.manager'), dataIndex: 'managerName' },
          ]}
        />
      </Card>
    </>
  );
}
