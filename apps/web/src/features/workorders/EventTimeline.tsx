import { Card, Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import type { WorkOrderEvent } from './types';
import { useWorkOrderLabel } from './useWorkOrderLabel';

const EVENT_COLOURS: Record<string, string> = {
  send_back: 'red',
  transfer: 'orange',
  pause: 'gray',
  reopen: 'red',
  merge: 'gray',
  merged_from: 'gray',
  close: 'green',
  reply: 'green',
  return_visit: 'green',
  return_visit_unreachable: 'orange',
  sla_warning: 'orange',
  sla_breach: 'red',
  notification_failed: 'red',
};

/** 处理过程: every step with time, actor, units and note; internal steps (hidden from the customer) marked. */
export function EventTimeline({ events }: { events: WorkOrderEvent[] }) {
  const { t } = useTranslation();
  const label = useWorkOrderLabel();
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  return (
    <Card title={t('wo.detail.events')} size="small" data-testid="wo-events">
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wo.detail.noEvents')} />
      ) : (
        <Timeline
          items={sorted.map((e) => ({
            key: e.id,
            color: EVENT_COLOURS[e.action] ?? 'blue',
            content: (
              <div data-testid="wo-event" data-action={e.action} data-internal={e.internal}>
                <Typography.Text strong>{label('event', e.action)}</Typography.Text>
                {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus ? (
                  <Typography.Text type="secondary">
                    {' '}
                    {label('status', e.fromStatus)} → {label('status', e.toStatus)}
                  </Typography.Text>
                ) : null}
                {e.internal ? (
                  <Tag style={{ marginInlineStart: 8 }} data-testid="wo-event-internal">
                    {t('wo.detail.internal')}
                  </Tag>
                ) : null}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(e.at)}
                    {e.actorName ? ` · ${e.actorName}` : ''}
                    {e.fromUnitName || e.toUnitName
                      ? ` · ${e.fromUnitName ?? '—'} → ${e.toUnitName ?? '—'}`
                      : ''}
                  </Typography.Text>
                </div>
                {e.note ? (
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {e.note}
                  </Typography.Paragraph>
                ) : null}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
