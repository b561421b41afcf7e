import { useEffect, useRef } from 'react';
import { App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  PORTAL_REQUEST_TYPES,
  PORTAL_SUBCATEGORIES,
  PortalRequestCreate,
  type PortalRequestType,
} from '@gridcare/contracts';
import { isApiError, newIdempotencyKey } from '../../api/client';
import { useLanguage } from '../../i18n/useLanguage';
import { applyServerErrors, zodIssuesToDetails } from '../../shared/formErrors';
import { useNotifyError } from '../../shared/useNotifyError';
import { usePortalLabel } from './usePortalLabel';
import { usePortalMe } from './usePortalMe';
import { useSubmitPortalRequest } from './useSubmitPortalRequest';

interface Values {
  type: PortalRequestType;
  subCategory?: string;
  accountNo?: string;
  title?: string;
  description?: string;
  contactPhone?: string;
}

const blankToNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);
const isType = (v: string | null): v is PortalRequestType =>
  (PORTAL_REQUEST_TYPES as readonly string[]).includes(v ?? '');

/** 我要报修 / 咨询 / 投诉 …: one form for every kind of request, filed as a work order. */
export function PortalRequestFormPage() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const label = usePortalLabel();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: me } = usePortalMe();
  const [form] = Form.useForm<Values>();
  const submit = useSubmitPortalRequest();
  // One key per submission, kept while the same values are retried after a network failure.
  const key = useRef<string | null>(null);
  const initialType = params.get('type');
  const type = Form.useWatch('type', form) as PortalRequestType | undefined;
  const subCategories = type ? PORTAL_SUBCATEGORIES[type] : undefined;

  useEffect(() => {
    document.title = t('portal.form.documentTitle');
  }, [t]);

  const onFinish = (v: Values) => {
    const body = {
      type: v.type,
      subCategory: subCategories ? blankToNull(v.subCategory) : null,
      accountNo: blankToNull(v.accountNo),
      title: v.title?.trim() ?? '',
      description: v.description?.trim() ?? '',
      contactPhone: blankToNull(v.contactPhone),
    };
    const checked = PortalRequestCreate.safeParse(body);
    if (!checked.success) {
      applyServerErrors(form, zodIssuesToDetails(checked.error.issues, lang));
      return;
    }
    key.current ??= newIdempotencyKey();
    submit.mutate(
      { body, idempotencyKey: key.current },
      {
        onSuccess: (r) => {
          key.current = null;
          void message.success(t('portal.form.submitted', { caseNo: r.caseNo }));
          navigate(`/portal/requests/${r.caseNo}`);
        },
        onError: (e) => {
          if (isApiError(e) && e.status !== 0) key.current = null;
          const unmatched = isApiError(e) ? applyServerErrors(form, e.details) : [];
          if (!isApiError(e) || !e.details.length || unmatched.length) notifyError(e);
        },
      },
    );
  };

  if (!me) return null;
  return (
    <Card title={t('portal.form.title')} data-testid="portal-request-form">
      <Typography.Paragraph type="secondary">{t('portal.form.subtitle')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        onFinish={onFinish}
        initialValues={{ type: isType(initialType) ? initialType : 'consultation', accountNo: me.accountNo }}
        onValuesChange={(changed: Partial<Values>) => {
          if ('type' in changed) form.setFieldValue('subCategory', undefined);
        }}
      >
        <Form.Item name="type" label={t('portal.form.type')} rules={[{ required: true }]}>
          <Select
            data-testid="portal-request-type"
            options={PORTAL_REQUEST_TYPES.map((v) => ({ value: v, label: label('type', v) }))}
          />
        </Form.Item>
        {subCategories && (
          <Form.Item
            name="subCategory"
            label={t('portal.form.subCategory')}
            rules={[{ required: type === 'complaint', message: t('portal.form.subCategoryRequired') }]}
          >
            <Select
              allowClear={type !== 'complaint'}
              placeholder={t('portal.form.subCategoryPick')}
              data-testid="portal-request-subcategory"
              options={subCategories.map((v) => ({ value: v, label: label('subCategory', v) }))}
            />
          </Form.Item>
        )}
        {me.accounts.length > 1 && (
          <Form.Item name="accountNo" label={t('portal.form.account')}>
            <Select
              data-testid="portal-request-account"
              options={me.accounts.map((a) => ({ value: a.accountNo, label: a.accountNo }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label={t('portal.form.titleField')}
          rules={[
            { required: true, whitespace: true, message: t('portal.form.titleRequired') },
            { max: 100 },
          ]}
        >
          <Input
            placeholder={t('portal.form.titlePlaceholder')}
            maxLength={100}
            data-testid="portal-request-title"
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('portal.form.description')}
          rules={[
            { required: true, whitespace: true, message: t('portal.form.descriptionRequired') },
            { max: 4000 },
          ]}
        >
          <Input.TextArea
            rows={5}
            maxLength={4000}
            showCount
            placeholder={t('portal.form.descriptionPlaceholder')}
            data-testid="portal-request-description"
          />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('portal.form.contactPhone')}
          extra={t('portal.form.contactPhoneHint', { phone: me.maskedPhone ?? '—' })}
        >
          <Input inputMode="tel" maxLength={20} data-testid="portal-request-phone" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={submit.isPending}
          data-testid="portal-request-submit"
        >
          {t('portal.form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
