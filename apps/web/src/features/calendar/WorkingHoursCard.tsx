import { useState } from 'react';
import { App, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { WorkingHoursUpdate, WorkingHoursWindow } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { ErrorResult } from '../../shared/ErrorResult';
import { zodIssuesToDetails } from '../../shared/formErrors';
import { useNotifyError } from '../../shared/useNotifyError';
import { zodRule } from '../../shared/zodRule';
import { useSaveWorkingHours } from './useSaveWorkingHours';
import { useWorkingHours } from './useWorkingHours';

interface Values {
  workingHours: { start: string; end: string }[];
}

/** The working-hours windows of a working day (they drive working-hour and same-day limits). */
export function WorkingHoursCard({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { data, error, refetch } = useWorkingHours();
  const save = useSaveWorkingHours();
  const [editing, setEditing] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();

  const submit = async () => {
    if (!data) return;
    const v = await form.validateFields();
    const body = {
      workingHours: v.workingHours.map((w) => ({ start: w.start.trim(), end: w.end.trim() })),
      version: data.version,
    };
    const parsed = WorkingHoursUpdate.safeParse(body);
    if (!parsed.success) {
      setFormError(zodIssuesToDetails(parsed.error.issues, lang)[0]?.message ?? null);
      return;
    }
    setFormError(null);
    save.mutate(parsed.data, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        setEditing(false);
      },
      onError: notifyError,
    });
  };

  return (
    <Card
      size="small"
      title={t('calendar.workingHours')}
      style={{ marginBottom: 16 }}
      extra={
        editable && data && !editing ? (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="cal-hours-edit"
          >
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      {error ? (
        <ErrorResult error={error} onRetry={() => void refetch()} />
      ) : !editing ? (
        <Space wrap data-testid="cal-hours">
          {data?.workingHours.map((w) => (
            <Tag key={w.start} color="blue">
              {w.start}–{w.end}
            </Tag>
          ))}
          <Typography.Text type="secondary">
            {t('calendar.timeZone', { zone: data?.timeZone ?? '' })}
          </Typography.Text>
        </Space>
      ) : (
        <Form form={form} layout="inline" initialValues={{ workingHours: data?.workingHours ?? [] }}>
          <Form.List name="workingHours">
            {(fields, { add, remove }) => (
              <Space direction="vertical">
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item
                      name={[f.name, 'start']}
                      rules={[zodRule(WorkingHoursWindow.shape.start, lang)]}
                    >
                      <Input placeholder="08:30" style={{ width: 90 }} data-testid="cal-hours-start" />
                    </Form.Item>
                    –
                    <Form.Item name={[f.name, 'end']} rules={[zodRule(WorkingHoursWindow.shape.end, lang)]}>
                      <Input placeholder="12:00" style={{ width: 90 }} data-testid="cal-hours-end" />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      disabled={fields.length <= 1}
                      onClick={() => remove(f.name)}
                      aria-label={t('common.remove')}
                    />
                  </Space>
                ))}
                {formError ? <Typography.Text type="danger">{formError}</Typography.Text> : null}
                <Space>
                  <Button
                    icon={<PlusOutlined />}
                    disabled={fields.length >= 4}
                    onClick={() => add({ start: '', end: '' })}
                  >
                    {t('calendar.addWindow')}
                  </Button>
                  <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
                  <Button
                    type="primary"
                    loading={save.isPending}
                    onClick={() => void submit()}
                    data-testid="cal-hours-save"
                  >
                    {t('common.save')}
                  </Button>
                </Space>
              </Space>
            )}
          </Form.List>
        </Form>
      )}
    </Card>
  );
}
