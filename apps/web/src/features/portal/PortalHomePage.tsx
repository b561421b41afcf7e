import { useEffect } from 'react';
import { Button, Card, Flex, Space, Typography } from 'antd';
import { CustomerServiceOutlined, FormOutlined, ToolOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { AccountsCard } from './AccountsCard';
import { ManagerCardView } from './ManagerCardView';
import { MessageList } from './MessageList';
import { RequestList } from './RequestList';
import { usePortalMe } from './usePortalMe';
import { usePortalMessages } from './usePortalMessages';
import { usePortalRequests } from './usePortalRequests';

const QUICK = [
  { type: 'fault_repair', icon: <ToolOutlined />, key: 'repair' },
  { type: 'consultation', icon: <CustomerServiceOutlined />, key: 'consult' },
  { type: 'complaint', icon: <WarningOutlined />, key: 'complain' },
  { type: '', icon: <FormOutlined />, key: 'other' },
] as const;

/** 首页: what I can do, my accounts, my account manager, my latest requests and messages. */
export function PortalHomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = usePortalMe();
  const requests = usePortalRequests(1, 5);
  const messages = usePortalMessages(1, 5);

  useEffect(() => {
    document.title = t('portal.home.documentTitle');
  }, [t]);

  if (!me) return null;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="portal-home">
      <Card size="small">
        <Flex wrap gap={8}>
          {QUICK.map((q) => (
            <Button
              key={q.key}
              size="large"
              icon={q.icon}
              style={{ flex: '1 1 140px' }}
              type={q.key === 'repair' ? 'primary' : 'default'}
              onClick={() => navigate(q.type ? `/portal/new?type=${q.type}` : '/portal/new')}
              data-testid={`portal-action-${q.key}`}
            >
              {t(`portal.home.${q.key}`)}
            </Button>
          ))}
        </Flex>
      </Card>
      <AccountsCard me={me} />
      {me.manager && <ManagerCardView card={me.manager} />}
      <Card
        size="small"
        title={t('portal.home.recentRequests')}
        extra={<Link to="/portal/requests">{t('portal.home.all')}</Link>}
      >
        <RequestList items={requests.data?.items ?? []} loading={requests.isPending} />
      </Card>
      <Card
        size="small"
        title={t('portal.home.messages')}
        extra={<Link to="/portal/messages">{t('portal.home.all')}</Link>}
      >
        <MessageList items={messages.data?.items ?? []} loading={messages.isPending} />
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('portal.home.hotline')}
      </Typography.Text>
    </Space>
  );
}
