import { useState } from 'react';
import { App, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, RedoOutlined } from '@ant-design/icons';
import type { NotificationDelivery } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { toQueryString } from '../../api/client';
import { ErrorResult } from '../../shared/ErrorResult';
import { formatDateTime } from '../../shared/format';
import type { PageParams } from '../../shared/usePageParams';
import { useNotifyError } from '../../shared/useNotifyError';
import { DeliveryFilters } from './DeliveryFilters';
import { DeliveryStatusTag } from './DeliveryStatusTag';
import { eventLabelKey } from './notificationLabels';
import { useDeliveries } from './useDeliveries';
import { useRetryDeliveries } from './useRetryDeliveries';

const RETRYABLE = new Set(['dead', 'failed']);
/** Dead or failed, and not a message past its validity (a login code is never resent late). */
const canRetry = (d: NotificationDelivery) =>
  RETRYABLE.has(d.status) && !(d.expiresAt && new Date(d.expiresAt).getTime() <= Date.now());

/** The outbox as a table (all deliveries, or only the dead letters), with retry and Excel export. */
export function DeliveriesTab({ pp, deadOnly }: { pp: PageParams; deadOnly: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const filters = {
    status: deadOnly ? undefined : pp.get('status'),
    channel: pp.get('channel'),
    event: pp.get('event'),
    from: pp.get('from'),
    to: pp.get('to'),
    q: pp.get('q'),
  };
  const { data, isFetching, error, refetch } = useDeliveries(
    { ...filters, page: pp.page, pageSize: pp.pageSize },
    deadOnly,
  );
  const retry = useRetryDeliveries();
  const [selected, setSelected] = useState<number[]>([]);

  const doRetry = (ids: number[]) =>
    retry.mutate(ids, {
      onSuccess: (r) => {
        void message.success(t('notifications.retried', { count: r.retried }));
        if (r.skipped.length) void message.warning(t('notifications.skipped', { count: r.skipped.length }));
        setSelected([]);
      },
      onError: notifyError,
    });

  const exportHref = `/api/notifications/deliveries/export?${toQueryString({
    ...filters,
    status: deadOnly ? 'dead' : filters.status,
  })}`;

  return (
    <div>
      <DeliveryFilters pp={pp} showStatus={!deadOnly} />
      <Space style={{ marginBottom: 12, marginInlineStart: 8 }}>
        <Button
          icon={<RedoOutlined />}
          disabled={!selected.length}
          loading={retry.isPending}
          onClick={() => doRetry(selected)}
          data-testid="retry-selected"
        >
          {t('notifications.retrySelected', { count: selected.length })}
        </Button>
        <Button icon={<DownloadOutlined />} href={exportHref} download data-testid="deliveries-export">
          {t('notifications.export')}
        </Button>
      </Space>
      {error ? (
        <ErrorResult error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<NotificationDelivery>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={pp.pagination(data?.total)}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as number[]),
            getCheckboxProps: (r) => ({ disabled: !canRetry(r) }),
          }}
          data-testid={deadOnly ? 'dead-letters-table' : 'deliveries-table'}
          scroll={{ x: 1560 }}
          columns={[
            {
              title: t('notifications.columns.createdAt'),
              dataIndex: 'createdAt',
              width: 140,
              render: formatDateTime,
            },
            {
              title: t('notifications.columns.event'),
              dataIndex: 'event',
              width: 130,
              render: (e: string, r) => (
                <Space size={4}>
                  {t(eventLabelKey(e))}
                  {r.safetyCritical ? <Tag color="red">{t('notifications.safetyCritical')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t('notifications.columns.channel'),
              dataIndex: 'channel',
              width: 80,
              render: (c: string) => t(`notifications.channel.${c}`),
            },
            { title: t('notifications.columns.recipient'), dataIndex: 'recipientAddress', width: 170 },
            {
              title: t('notifications.columns.content'),
              dataIndex: 'body',
              width: 300,
              render: (body: string, r) => (
                <Tooltip title={<span style={{ whiteSpace: 'pre-wrap' }}>{body}</span>}>
                  <Typography.Text ellipsis style={{ maxWidth: 290 }}>
                    {r.subject ? <b>{r.subject} </b> : null}
                    {body}
                  </Typography.Text>
                </Tooltip>
              ),
            },
            {
              title: t('notifications.columns.status'),
              width: 150,
              render: (_: unknown, r) => <DeliveryStatusTag d={r} />,
            },
            {
              title: t('notifications.columns.attempts'),
              width: 70,
              render: (_: unknown, r) => `${r.attempts}/${r.maxAttempts}`,
            },
            {
              title: t('notifications.columns.sentAt'),
              dataIndex: 'sentAt',
              width: 140,
              render: formatDateTime,
            },
            {
              title: t('notifications.columns.lastError'),
              dataIndex: 'lastError',
              width: 180,
              render: (e: string | null) => (
                <Typography.Text type="danger" ellipsis={{ tooltip: e }} style={{ maxWidth: 170 }}>
                  {e}
                </Typography.Text>
              ),
            },
            {
              title: t('common.actions'),
              width: 90,
              fixed: 'right',
              render: (_: unknown, r) =>
                canRetry(r) ? (
                  <Button size="small" onClick={() => doRetry([r.id])} data-testid="delivery-retry">
                    {t('notifications.retry')}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
    </div>
  );
}
