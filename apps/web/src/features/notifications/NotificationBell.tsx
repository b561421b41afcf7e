import { useState } from 'react';
import { Badge, Button, Empty, Popover, Typography, theme } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { useInbox } from './useInbox';
import { useMarkRead } from './useMarkRead';
import { useUnreadCount } from './useUnreadCount';

/** The header bell: unread in-app messages (SLA warnings and the like), click one to mark it read. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const inbox = useInbox(open);
  const markRead = useMarkRead();
  const items = inbox.data?.items ?? [];

  const content = (
    <div style={{ width: 340 }} data-testid="inbox-list">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.inbox.empty')} />
      ) : (
        items.map((m) => (
          <div
            key={m.id}
            role="button"
            tabIndex={0}
            onClick={() => !m.readAt && markRead.mutate(m.id)}
            onKeyDown={(e) => e.key === 'Enter' && !m.readAt && markRead.mutate(m.id)}
            style={{
              padding: '8px 4px',
              borderBottom: `1px solid ${token.colorBorderSecondary}`,
              cursor: m.readAt ? 'default' : 'pointer',
              opacity: m.readAt ? 0.6 : 1,
            }}
            data-testid="inbox-item"
          >
            <Typography.Text strong={!m.readAt} ellipsis style={{ display: 'block' }}>
              {m.title}
            </Typography.Text>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
              {m.body}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(m.createdAt)}
            </Typography.Text>
          </div>
        ))
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={
        <span style={{ display: 'flex', justifyContent: 'space-between' }}>
          {t('notifications.inbox.title')}
          <Button
            size="small"
            type="link"
            disabled={!unread.data?.unread}
            onClick={() => markRead.mutate('all')}
          >
            {t('notifications.inbox.markAll')}
          </Button>
        </span>
      }
      content={content}
    >
      <Badge count={unread.data?.unread ?? 0} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('notifications.inbox.title')}
          data-testid="inbox-bell"
        />
      </Badge>
    </Popover>
  );
}
