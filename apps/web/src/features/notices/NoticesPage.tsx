import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../shared/PageTitle';
import { usePageParams } from '../../shared/usePageParams';
import { usePermissions } from '../auth/usePermissions';
import { CurrentNoticesTab } from './CurrentNoticesTab';
import { ManageNoticesTab } from './ManageNoticesTab';

/** 内部信息: notices from the departments — agents read the current ones, publishers keep them. */
export function NoticesPage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const pp = usePageParams();
  const canPublish = can('notice:publish');
  const tab = canPublish && pp.get('tab') === 'manage' ? 'manage' : 'current';

  return (
    <div>
      <PageTitle title={t('notices.pageTitle')} sub={t('notices.subtitle')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            pp.update({
              tab: key === 'manage' ? key : undefined,
              q: undefined,
              kind: undefined,
              status: undefined,
            })
          }
          items={[
            {
              key: 'current',
              label: t('notices.tabCurrent'),
              children: tab === 'current' ? <CurrentNoticesTab pp={pp} /> : null,
            },
            ...(canPublish
              ? [
                  {
                    key: 'manage',
                    label: t('notices.tabManage'),
                    children: tab === 'manage' ? <ManageNoticesTab pp={pp} /> : null,
                  },
                ]
              : []),
          ]}
          data-testid="notices-tabs"
        />
      </Card>
    </div>
  );
}
