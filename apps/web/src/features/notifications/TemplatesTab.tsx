import { useState } from 'react';
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS, type NotificationTemplate } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../shared/ErrorResult';
import { formatDateTime } from '../../shared/format';
import { eventLabelKey } from './notificationLabels';
import { TemplateEditModal } from './TemplateEditModal';
import { useTemplates } from './useTemplates';

/** Every event's templates per channel and language (latest version), each editable. */
export function TemplatesTab() {
  const { t } = useTranslation();
  const [event, setEvent] = useState<string>();
  const [channel, setChannel] = useState<string>();
  const { data, isFetching, error, refetch } = useTemplates({ event, channel });
  const [editing, setEditing] = useState<NotificationTemplate | null>(null);

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('notifications.columns.event')}
          style={{ width: 180 }}
          value={event}
          onChange={setEvent}
          options={NOTIFICATION_EVENTS.map((e) => ({ value: e, label: t(eventLabelKey(e)) }))}
        />
        <Select
          allowClear
          placeholder={t('notifications.columns.channel')}
          style={{ width: 120 }}
          value={channel}
          onChange={setChannel}
          options={NOTIFICATION_CHANNELS.map((c) => ({ value: c, label: t(`notifications.channel.${c}`) }))}
        />
      </Space>
      {error ? (
        <ErrorResult error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<NotificationTemplate>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          data-testid="templates-table"
          columns={[
            {
              title: t('notifications.columns.event'),
              dataIndex: 'event',
              width: 140,
              render: (e: string) => t(eventLabelKey(e)),
            },
            {
              title: t('notifications.columns.channel'),
              dataIndex: 'channel',
              width: 80,
              render: (c: string) => t(`notifications.channel.${c}`),
            },
            {
              title: t('notifications.template.language'),
              dataIndex: 'language',
              width: 80,
              render: (l: string) => <Tag>{l}</Tag>,
            },
            {
              title: t('notifications.template.body'),
              dataIndex: 'body',
              render: (body: string, r) => (
                <Typography.Text ellipsis={{ tooltip: body }} style={{ maxWidth: 420 }}>
                  {r.subject ? <b>{r.subject} </b> : null}
                  {body}
                </Typography.Text>
              ),
            },
            {
              title: t('notifications.template.version'),
              dataIndex: 'version',
              width: 70,
              render: (v: number) => `v${v}`,
            },
            {
              title: t('notifications.template.effectiveFrom'),
              dataIndex: 'effectiveFrom',
              width: 140,
              render: formatDateTime,
            },
            { title: t('notifications.template.updatedBy'), dataIndex: 'updatedByName', width: 100 },
            {
              title: t('common.actions'),
              width: 90,
              render: (_: unknown, r) => (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(r)}
                  data-testid="template-edit"
                >
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <TemplateEditModal template={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
