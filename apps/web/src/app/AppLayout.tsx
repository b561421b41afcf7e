import { Suspense, useState } from 'react';
import { Avatar, Button, Flex, Layout, Menu, Space, Spin, Typography, theme } from 'antd';
import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/useMe';
import { useLogout } from '../features/auth/useLogout';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { LanguageSwitch } from '../shared/LanguageSwitch';
import { Logo } from '../shared/Logo';
import { useMenuItems } from './useMenuItems';
import { ScreenPopDrawer } from '../features/telephony/ScreenPopDrawer';

const { Header, Sider, Content } = Layout;

/** The menu entry a path belongs to: the longest route key that prefixes it. */
function selectedKey(pathname: string, keys: string[]): string {
  if (pathname === '/') return '/';
  if (pathname === '/customers/new') return '/customers/new';
  let best = '';
  for (const k of keys)
    if (k !== '/' && (pathname === k || pathname.startsWith(k + '/')) && k.length > best.length) best = k;
  return best || pathname;
}

export function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { data: me } = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const { items, routeKeys } = useMenuItems();
  const [collapsed, setCollapsed] = useState(false);
  const orgNames = [...new Set(me?.roles.map((r) => r.orgUnitName).filter(Boolean))];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <ScreenPopDrawer />
      <Sider
        width={220}
        collapsible
        collapsed={collapsed}
        trigger={null}
        theme="light"
        style={{
          borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
          position: 'sticky',
          top: 0,
          height: '100vh',
          overflow: 'auto',
        }}
      >
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            paddingInline: collapsed ? 24 : 16,
            cursor: 'pointer',
          }}
          onClick={() => navigate('/')}
        >
          <Logo collapsed={collapsed} />
        </div>
        <Menu
          mode="inline"
          items={items}
          selectedKeys={[selectedKey(location.pathname, routeKeys)]}
          defaultOpenKeys={['managers', 'admin']}
          onClick={({ key }) => {
            if (key.startsWith('/')) navigate(key);
          }}
          style={{ borderInlineEnd: 'none' }}
          data-testid="main-menu"
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            paddingInline: 16,
            height: 56,
            lineHeight: '56px',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Flex justify="space-between" align="center" style={{ height: '100%' }}>
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!collapsed)}
              aria-label={t('layout.toggleMenu')}
            />
            <Space size="middle">
              <NotificationBell />
              <LanguageSwitch />
              <Space data-testid="user-menu">
                <Avatar size="small" icon={<UserOutlined />} style={{ background: token.colorPrimary }} />
                <span style={{ lineHeight: 1.3, display: 'inline-flex', flexDirection: 'column' }}>
                  <Typography.Text strong data-testid="current-user">
                    {me?.displayName}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="current-org">
                    {orgNames.join(' / ')}
                  </Typography.Text>
                </span>
              </Space>
              <Button
                icon={<LogoutOutlined />}
                onClick={() => logout.mutate()}
                data-testid="logout-button"
                type="text"
              >
                {t('layout.logout')}
              </Button>
            </Space>
          </Flex>
        </Header>
        <Content style={{ padding: 20 }}>
          <Suspense
            fallback={
              <Flex justify="center" style={{ padding: 80 }}>
                <Spin />
              </Flex>
            }
          >
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
