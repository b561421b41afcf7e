import { Timeline, Typography } from 'antd';
import type { PortalRequestEvent } from '@gridcare/contracts';
import { formatDateTime } from '../../shared/format';
import { usePortalLabel } from './usePortalLabel';

const COLOURS: Partial<Record<PortalRequestEvent['kind'], string>> = {
  replied: 'green',
  completed: 'green',
  reopened: 'orange',
  waiting_customer: 'orange',
};

/** 办理进度: the steps the customer may see, each by the service centre. */
export function RequestEvents({ events }: { events: PortalRequestEvent[] }) {
  const label = usePortalLabel();
  const newestFirst = [...events].reverse();
  return (
    <Timeline
      data-testid="portal-request-events"
      items={newestFirst.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: COLOURS[e.kind] ?? 'blue',
        content: (
          <div data-testid="portal-request-event" data-kind={e.kind}>
            <Typography.Text strong>{label('event', e.kind)}</Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(e.at)} · {e.actorName}
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
  );
}
