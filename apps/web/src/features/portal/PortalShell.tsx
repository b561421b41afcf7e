import { Suspense } from 'react';
import { Flex, Layout, Spin, Typography } from 'antd';
import { Link, Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { Logo } from '../../shared/Logo';

/** The customer-facing frame: brand and language only — no staff menu, sized for a phone first. */
export function PortalShell() {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f3f6fb' }} data-testid="portal-shell">
      <Layout.Header
        style={{
          background: 'linear-gradient(135deg, #0b3aa8 0%, #1664ff 70%)',
          height: 52,
          lineHeight: '52px',
          paddingInline: 12,
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Flex
          justify="space-between"
          align="center"
          style={{ height: '100%', maxWidth: 720, margin: '0 auto' }}
        >
          <Link to="/portal" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <Logo light collapsed />
            <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
              {t('portal.brand')}
            </Typography.Text>
          </Link>
          <LanguageSwitch />
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ width: '100%', maxWidth: 720, margin: '0 auto', padding: 12 }}>
        <Suspense
          fallback={
            <Flex style={{ minHeight: 240 }} align="center" justify="center">
              <Spin />
            </Flex>
          }
        >
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Typography.Text
        type="secondary"
        style={{ textAlign: 'center', padding: '8px 12px 80px', fontSize: 12 }}
      >
        {t('portal.footer')}
      </Typography.Text>
    </Layout>
  );
}
