import { Card, Col, Input, Row, Space, Statistic, Typography } from 'antd';
import {
  CloudUploadOutlined,
  PlusCircleOutlined,
  SearchOutlined,
  TeamOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { usePermissions } from '../auth/usePermissions';
import { MySummaryCards } from '../account-managers/MySummaryCards';
import { useSupervisorCounts } from './useSupervisorCounts';

function greetingKey(): string {
  const h = dayjs().hour();
  return h < 11 ? 'home.morning' : h < 13 ? 'home.noon' : h < 18 ? 'home.afternoon' : 'home.evening';
}

/** 工作台: welcome, quick search, and the numbers that matter to this user's roles. */
export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me, can, hasRole } = usePermissions();
  const supervisor = can('manager:assign');
  const counts = useSupervisorCounts(supervisor);

  const shortcuts = [
    { to: '/customers', icon: <SearchOutlined />, label: t('menu.customers'), show: can('customer:read') },
    {
      to: '/customers/new',
      icon: <PlusCircleOutlined />,
      label: t('menu.newCustomer'),
      show: can('customer:write'),
    },
    { to: '/imports', icon: <CloudUploadOutlined />, label: t('menu.imports'), show: can('customer:import') },
    { to: '/managers/unassigned', icon: <TeamOutlined />, label: t('menu.unassigned'), show: supervisor },
  ].filter((s) => s.show);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card style={{ background: 'linear-gradient(120deg, #e8f0ff 0%, #ffffff 70%)' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="welcome">
          {t(greetingKey())}，{me?.displayName}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.motto')}</Typography.Paragraph>
        {can('customer:read') && (
          <Input.Search
            size="large"
            enterButton={t('search.button')}
            placeholder={t('search.placeholder')}
            onSearch={(v) =>
              navigate(v.trim() ? `/customers?q=${encodeURIComponent(v.trim())}` : '/customers')
            }
            style={{ maxWidth: 720 }}
            data-testid="home-search"
          />
        )}
      </Card>

      {supervisor && (
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12}>
            <Link to="/managers/unassigned" data-testid="home-unassigned">
              <Card hoverable>
                <Statistic
                  title={t('home.unassignedRequired')}
                  value={counts.data?.unassigned ?? '—'}
                  prefix={<TeamOutlined />}
                  loading={counts.isPending}
                  styles={{ content: { color: counts.data?.unassigned ? '#d46b08' : undefined } }}
                />
              </Card>
            </Link>
          </Col>
          <Col xs={24} md={12}>
            <Link to="/visit-plans?overdue=true" data-testid="home-overdue">
              <Card hoverable>
                <Statistic
                  title={t('home.overdueVisits')}
                  value={counts.data?.overdueVisits ?? '—'}
                  prefix={<WarningOutlined />}
                  loading={counts.isPending}
                  styles={{ content: { color: counts.data?.overdueVisits ? '#cf1322' : undefined } }}
                />
              </Card>
            </Link>
          </Col>
        </Row>
      )}

      {hasRole('account_manager') && (
        <div>
          <Typography.Title level={5}>{t('home.myMonth')}</Typography.Title>
          <MySummaryCards />
        </div>
      )}

      {shortcuts.length > 0 && (
        <Card title={t('home.shortcuts')} size="small">
          <Row gutter={[16, 16]}>
            {shortcuts.map((s) => (
              <Col xs={12} md={6} key={s.to}>
                <Link to={s.to}>
                  <Card hoverable size="small" style={{ textAlign: 'center' }}>
                    <div style={{ fontSize: 24 }}>{s.icon}</div>
                    <div>{s.label}</div>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </Card>
      )}
    </Space>
  );
}
