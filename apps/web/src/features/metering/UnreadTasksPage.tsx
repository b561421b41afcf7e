import { App, Button, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { UnreadTask } from '@gridcare/contracts';
import { PageTitle } from '../../shared/PageTitle';
import { usePageParams } from '../../shared/usePageParams';
import { useNotifyError } from '../../shared/useNotifyError';
import { useRunUnreadCheck, useUnreadTasks } from './useUnreadTasks';

/** 连续未抄户: accounts unread for 6 months, notified of termination, with the supervisor's task. */
export function UnreadTasksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const pp = usePageParams(20);
  const { data, isFetching } = useUnreadTasks(pp.page, pp.pageSize);
  const run = useRunUnreadCheck();
  return (
    <div>
      <PageTitle
        title={t('metering.unread.title')}
        sub={t('metering.unread.sub')}
        extra={
          <Button
            loading={run.isPending}
            onClick={() =>
              run.mutate(undefined, {
                onSuccess: (r) => void message.success(t('metering.unread.ran', { flagged: r.flagged })),
                onError: notifyError,
              })
            }
          >
            {t('metering.unread.run')}
          </Button>
        }
      />
      <Card>
        <Table<UnreadTask>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={pp.pagination(data?.total)}
          columns={[
            {
              title: t('metering.entry.account'),
              dataIndex: 'accountNo',
              render: (v: string, r) => <Link to={`/metering/accounts/${r.accountId}`}>{v}</Link>,
            },
            { title: t('metering.entry.customer'), dataIndex: 'customerName' },
            { title: t('metering.exceptions.book'), dataIndex: 'readingBook' },
            { title: t('metering.unread.lastActual'), dataIndex: 'lastActualPeriod' },
            { title: t('metering.unread.months'), dataIndex: 'unreadMonths', width: 100 },
            {
              title: t('metering.unread.notified'),
              dataIndex: 'notified',
              width: 90,
              render: (v: boolean) => (v ? t('metering.common.yes') : t('metering.common.no')),
            },
            { title: t('metering.unread.flaggedOn'), dataIndex: 'flaggedOn', width: 110 },
          ]}
        />
      </Card>
    </div>
  );
}
