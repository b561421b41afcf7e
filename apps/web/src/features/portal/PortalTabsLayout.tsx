import { Button, Flex, Typography, theme } from 'antd';
import {
  FileTextOutlined,
  FormOutlined,
  HomeOutlined,
  LogoutOutlined,
  MessageOutlined,
  MoneyCollectOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { NavLink, Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { RequirePortalAuth } from './RequirePortalAuth';
import { usePortalLogout } from './usePortalLogout';
import { usePortalMe } from './usePortalMe';

function Tab({
  id,
  to,
  icon,
  label,
  end,
}: {
  id: string;
  to: string;
  icon: ReactNode;
  label: string;
  end?: boolean;
}) {
  const { token } = theme.useToken();
  return (
    <NavLink
      to={to}
      end={end}
      data-testid={`portal-tab-${id}`}
      style={({ isActive }) => ({
        flex: 1,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        gap: 2,
        padding: '6px 0',
        fontSize: 12,
        color: isActive ? token.colorPrimary : token.colorTextSecondary,
      })}
    >
      <span style={{ fontSize: 20 }}>{icon}</span>
      {label}
    </NavLink>
  );
}

function Greeting() {
  const { t } = useTranslation();
  const { data: me } = usePortalMe();
  const logout = usePortalLogout();
  if (!me) return null;
  return (
    <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
      <Typography.Text type="secondary" data-testid="portal-greeting">
        {t('portal.greeting', { name: me.customerName, accountNo: me.accountNo })}
      </Typography.Text>
      <Button
        size="small"
        type="text"
        icon={<LogoutOutlined />}
        loading={logout.isPending}
        onClick={() => logout.mutate()}
        data-testid="portal-logout"
      >
        {t('portal.logout')}
      </Button>
    </Flex>
  );
}

/** The logged-in part of the portal: a greeting with log-out and a tab bar at the bottom (thumb reach). */
export function PortalTabsLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <RequirePortalAuth>
      <Greeting />
      <Outlet />
      <nav
        style={{
          position: 'fixed',
          left: 0,
          right: 0,
          bottom: 0,
          zIndex: 10,
          background: token.colorBgContainer,
          borderTop: `1px solid ${token.colorBorderSecondary}`,
          paddingBottom: 'env(safe-area-inset-bottom)',
        }}
      >
        <Flex style={{ maxWidth: 720, margin: '0 auto' }}>
          <Tab id="home" to="/portal" end icon={<HomeOutlined />} label={t('portal.tab.home')} />
          <Tab
            id="billing"
            to="/portal/billing"
            icon={<MoneyCollectOutlined />}
            label={t('payments.portal.tab')}
          />
          <Tab id="new" to="/portal/new" icon={<FormOutlined />} label={t('portal.tab.new')} />
          <Tab
            id="requests"
            to="/portal/requests"
            icon={<FileTextOutlined />}
            label={t('portal.tab.requests')}
          />
          <Tab
            id="messages"
            to="/portal/messages"
            icon={<MessageOutlined />}
            label={t('portal.tab.messages')}
          />
        </Flex>
      </nav>
    </RequirePortalAuth>
  );
}
