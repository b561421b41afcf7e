import { useEffect } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { Logo } from '../../shared/Logo';
import { useLogin } from './useLogin';

const DEMO_USERS = ['admin', 'supervisor', 'agent', 'manager'];
const DEMO_PASSWORD = 'GridCare@2026';

function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();

  useEffect(() => {
    document.title = t('login.documentTitle');
  }, [t]);

  const onFinish = (values: { username: string; password: string }) => {
    login.mutate(values, { onSuccess: () => navigate(safeNext(params.get('next')), { replace: true }) });
  };

  const fillDemo = (username: string) => form.setFieldsValue({ username, password: DEMO_PASSWORD });

  return (
    <Flex
      vertical
      style={{
        minHeight: '100vh',
        background: 'linear-gradient(135deg, #0b3aa8 0%, #1664ff 55%, #4d8dff 100%)',
      }}
    >
      <Flex justify="space-between" align="center" style={{ padding: '16px 32px' }}>
        <Logo light />
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} align="center" justify="center" style={{ padding: 16 }}>
        <Card style={{ width: 400, boxShadow: '0 12px 40px rgba(0,0,0,.18)' }}>
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {login.error && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="login-error"
              title={isApiError(login.error) ? login.error.message : t('common.unexpectedError')}
            />
          )}
          <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={login.isPending}
              data-testid="login-submit"
            >
              {t('login.submit')}
            </Button>
          </Form>
          <Alert
            style={{ marginTop: 20 }}
            type="info"
            title={t('login.demoTitle')}
            description={
              <div>
                <div>
                  {DEMO_USERS.map((u) => (
                    <Button
                      key={u}
                      size="small"
                      type="link"
                      style={{ paddingInline: 4 }}
                      onClick={() => fillDemo(u)}
                      data-testid={`demo-${u}`}
                    >
                      {u}
                    </Button>
                  ))}
                </div>
                <Typography.Text type="secondary">
                  {t('login.demoPassword')} <Typography.Text code>{DEMO_PASSWORD}</Typography.Text>
                </Typography.Text>
              </div>
            }
          />
          <Typography.Paragraph style={{ margin: '12px 0 0', textAlign: 'center', fontSize: 12 }}>
            <Link to="/portal" data-testid="portal-entry">
              {t('portal.staffEntry')}
            </Link>
          </Typography.Paragraph>
        </Card>
      </Flex>
      <Typography.Text style={{ textAlign: 'center', color: 'rgba(255,255,255,.75)', padding: 16 }}>
        {t('app.footer')}
      </Typography.Text>
    </Flex>
  );
}
