import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { MobileOutlined, SafetyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { PortalAccountNo, PortalLoginBody } from '@gridcare/contracts';
import { isApiError } from '../../api/client';
import { useLanguage } from '../../i18n/useLanguage';
import { zodRule } from '../../shared/zodRule';
import { DemoHint } from './DemoHint';
import { useCountdown } from './useCountdown';
import { usePortalLogin } from './usePortalLogin';
import { useRequestLoginCode } from './useRequestLoginCode';

interface Values {
  accountNo: string;
  code: string;
}

function safeNext(next: string | null): string {
  return next && next.startsWith('/portal') && !next.startsWith('/portal/login') ? next : '/portal';
}

/** 户号 → 获取验证码 (60 s before another) → 验证码 → 登录. */
export function PortalLoginPage() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const [form] = Form.useForm<Values>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const countdown = useCountdown();
  const requestCode = useRequestLoginCode();
  const login = usePortalLogin();
  const [sentTo, setSentTo] = useState<string | null>(null);

  useEffect(() => {
    document.title = t('portal.login.documentTitle');
  }, [t]);

  const getCode = async () => {
    const { accountNo } = await form.validateFields(['accountNo']);
    requestCode.mutate(accountNo.trim(), {
      onSuccess: (r) => {
        setSentTo(accountNo.trim());
        countdown.start(r.resendAfterSeconds);
      },
      onError: (e) => {
        const wait = isApiError(e) ? Number(e.body.retryAfterSeconds) : NaN;
        if (Number.isFinite(wait) && wait > 0) countdown.start(wait);
      },
    });
  };

  const submit = (v: Values) =>
    login.mutate(
      { accountNo: v.accountNo.trim(), code: v.code.trim() },
      { onSuccess: () => navigate(safeNext(params.get('next')), { replace: true }) },
    );

  const error = login.error ?? requestCode.error;
  return (
    <Card style={{ maxWidth: 440, margin: '16px auto' }} data-testid="portal-login">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('portal.login.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('portal.login.subtitle')}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="portal-login-error"
          title={
            isApiError(error)
              ? [error.message, ...error.details.map((d) => d.message)]
                  .filter((m, i, all) => all.indexOf(m) === i)
                  .join('：')
              : t('common.unexpectedError')
          }
        />
      )}
      <Form<Values> form={form} layout="vertical" size="large" requiredMark={false} onFinish={submit}>
        <Form.Item
          name="accountNo"
          label={t('portal.login.accountNo')}
          extra={t('portal.login.accountNoHint')}
          rules={[
            { required: true, message: t('portal.login.accountNoRequired') },
            zodRule(PortalAccountNo, lang),
          ]}
        >
          <Input
            prefix={<MobileOutlined />}
            inputMode="numeric"
            autoComplete="username"
            maxLength={30}
            data-testid="portal-account-no"
          />
        </Form.Item>
        <Form.Item label={t('portal.login.code')} required>
          <Space.Compact block>
            <Form.Item
              name="code"
              noStyle
              rules={[
                { required: true, message: t('portal.login.codeRequired') },
                zodRule(PortalLoginBody.shape.code, lang),
              ]}
            >
              <Input
                prefix={<SafetyOutlined />}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                data-testid="portal-code"
              />
            </Form.Item>
            <Button
              onClick={() => void getCode()}
              disabled={countdown.left > 0}
              loading={requestCode.isPending}
              data-testid="portal-get-code"
              style={{ minWidth: 120 }}
            >
              {countdown.left > 0
                ? t('portal.login.resendIn', { seconds: countdown.left })
                : t('portal.login.getCode')}
            </Button>
          </Space.Compact>
        </Form.Item>
        {sentTo && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="portal-code-sent"
            title={t('portal.login.codeSent', { accountNo: sentTo })}
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={login.isPending}
          data-testid="portal-login-submit"
        >
          {t('portal.login.submit')}
        </Button>
      </Form>
      <DemoHint />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
        <Link to="/login">{t('portal.login.staffLink')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
