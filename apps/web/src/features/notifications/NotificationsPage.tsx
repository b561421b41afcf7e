import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../shared/PageTitle';
import { usePageParams } from '../../shared/usePageParams';
import { DeliveriesTab } from './DeliveriesTab';
import { TemplatesTab } from './TemplatesTab';

/** 消息中心: what was sent to whom and how it went, dead letters to retry, and the message templates. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const pp = usePageParams();
  const tab = pp.get('tab') ?? 'deliveries';
  return (
    <div>
      <PageTitle title={t('notifications.title')} sub={t('notifications.subtitle')} />
      <Card>
        <Tabs
          activeKey={tab}
          // A new tab starts with its own filters.
          onChange={(key) =>
            pp.update({ tab: key, status: null, channel: null, event: null, from: null, to: null, q: null })
          }
          destroyOnHidden
          items={[
            {
              key: 'deliveries',
              label: t('notifications.tabs.deliveries'),
              children: <DeliveriesTab pp={pp} deadOnly={false} />,
            },
            {
              key: 'dead',
              label: t('notifications.tabs.dead'),
              children: <DeliveriesTab pp={pp} deadOnly />,
            },
            { key: 'templates', label: t('notifications.tabs.templates'), children: <TemplatesTab /> },
          ]}
        />
      </Card>
    </div>
  );
}
