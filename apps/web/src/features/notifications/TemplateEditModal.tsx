import { useEffect, useState } from 'react';
import { Alert, App, Card, Col, Form, Input, Modal, Row, Space, Tag, Typography } from 'antd';
import { NOTIFICATION_EVENT_CATALOGUE, type NotificationTemplate } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { applyServerErrors } from '../../shared/formErrors';
import { useNotifyError } from '../../shared/useNotifyError';
import { eventLabelKey } from './notificationLabels';
import { useSaveTemplate } from './useSaveTemplate';
import { useTemplatePreview } from './useTemplatePreview';

interface Values {
  subject?: string;
  body: string;
  smsTemplateCode?: string;
}

/** Preview waits until typing pauses. */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/** Edits a template: a new version takes effect on save. Variables can be clicked in; preview on the right. */
export function TemplateEditModal({
  template,
  onClose,
}: {
  template: NotificationTemplate | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const save = useSaveTemplate();
  const subject = Form.useWatch('subject', form);
  const body = Form.useWatch('body', form) ?? '';
  const debounced = useDebounced({ subject, body }, 400);
  const preview = useTemplatePreview(
    template
      ? {
          event: template.event,
          channel: template.channel,
          subject: debounced.subject || null,
          body: debounced.body,
        }
      : null,
  );

  useEffect(() => {
    if (template)
      form.setFieldsValue({
        subject: template.subject ?? undefined,
        body: template.body,
        smsTemplateCode: template.smsTemplateCode ?? undefined,
      });
  }, [template, form]);

  if (!template) return null;
  const variables = NOTIFICATION_EVENT_CATALOGUE[template.event].variables;
  const isSms = template.channel === 'sms';

  const insert = (name: string) =>
    form.setFieldValue('body', `${form.getFieldValue('body') ?? ''}{{${name}}}`);

  const submit = async () => {
    const v = await form.validateFields();
    save.mutate(
      {
        id: template.id,
        body: {
          subject: isSms ? null : (v.subject ?? null),
          body: v.body,
          smsTemplateCode: isSms ? (v.smsTemplateCode ?? null) : null,
          version: template.version,
        },
      },
      {
        onSuccess: (saved) => {
          void message.success(t('notifications.template.saved', { version: saved.version }));
          onClose();
        },
        onError: (e) => {
          if (isApiError(e) && e.details.length) applyServerErrors(form, e.details);
          notifyError(e);
        },
      },
    );
  };

  const previewError =
    preview.error && isApiError(preview.error)
      ? preview.error.details.map((d) => d.message).join('；')
      : null;

  return (
    <Modal
      open
      width={960}
      title={`${t('notifications.template.edit')} · ${t(eventLabelKey(template.event))} · ${t(`notifications.channel.${template.channel}`)} · ${template.language} · v${template.version}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Row gutter={16}>
        <Col span={14}>
          <Form form={form} layout="vertical" data-testid="template-form">
            {!isSms && (
              <Form.Item
                name="subject"
                label={t('notifications.template.subject')}
                rules={[{ required: true }]}
              >
                <Input maxLength={200} />
              </Form.Item>
            )}
            <Form.Item name="body" label={t('notifications.template.body')} rules={[{ required: true }]}>
              <Input.TextArea rows={isSms ? 4 : 9} maxLength={2000} showCount data-testid="template-body" />
            </Form.Item>
            {isSms && (
              <Form.Item
                name="smsTemplateCode"
                label={t('notifications.template.smsCode')}
                extra={t('notifications.template.smsCodeHelp')}
                rules={[{ required: true }]}
              >
                <Input maxLength={50} />
              </Form.Item>
            )}
          </Form>
          <Typography.Text type="secondary">{t('notifications.template.variables')}</Typography.Text>
          <div style={{ marginTop: 6 }}>
            <Space size={[4, 4]} wrap>
              {variables.map((v) => (
                <Tag key={v} color="blue" style={{ cursor: 'pointer' }} onClick={() => insert(v)}>
                  {`{{${v}}}`}
                </Tag>
              ))}
            </Space>
          </div>
        </Col>
        <Col span={10}>
          <Card size="small" title={t('notifications.template.preview')} data-testid="template-preview">
            {previewError ? (
              <Alert type="error" title={previewError} />
            ) : (
              <>
                {preview.data?.subject ? (
                  <Typography.Paragraph strong>{preview.data.subject}</Typography.Paragraph>
                ) : null}
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                  {preview.data?.body}
                </Typography.Paragraph>
                {preview.data?.smsLength != null ? (
                  <Typography.Text type="secondary">
                    {t('notifications.template.smsLength', {
                      length: preview.data.smsLength,
                      segments: preview.data.smsSegments,
                    })}
                  </Typography.Text>
                ) : null}
              </>
            )}
          </Card>
        </Col>
      </Row>
    </Modal>
  );
}
