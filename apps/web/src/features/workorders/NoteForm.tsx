import { App, Button, Card, Checkbox, Form, Input, Radio, Space } from 'antd';
import { WORK_ORDER_MILESTONES } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { applyServerErrors } from '../../shared/formErrors';
import { useNotifyError } from '../../shared/useNotifyError';
import { useAddNote } from './useAddNote';
import { useWorkOrderLabel } from './useWorkOrderLabel';

type Milestone = (typeof WORK_ORDER_MILESTONES)[number];

interface Values {
  note: string;
  contactedCustomer: boolean;
  notifyCustomer: boolean;
  milestone?: Milestone | '';
}

/**
 * 进展记录: a progress note; "contacted the customer" stops the first-contact clock of a complaint, and on
 * a fault repair "arrived on site" / "power restored" stop the arrival and restoration clocks.
 */
export function NoteForm({ orderId, orderType }: { orderId: number; orderType: string }) {
  const { t } = useTranslation();
  const label = useWorkOrderLabel();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const add = useAddNote(orderId);

  const submit = (v: Values) =>
    add.mutate(
      {
        note: v.note.trim(),
        contactedCustomer: !!v.contactedCustomer,
        notifyCustomer: !!v.notifyCustomer,
        milestone: v.milestone || null,
      },
      {
        onSuccess: () => {
          void message.success(t('wo.note.added'));
          form.resetFields();
        },
        onError: (e) => {
          const unmatched = isApiError(e) ? applyServerErrors(form, e.details) : [];
          if (!isApiError(e) || !e.details.length || unmatched.length) notifyError(e);
        },
      },
    );

  return (
    <Card title={t('wo.note.title')} size="small" data-testid="wo-note-card">
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ contactedCustomer: false, notifyCustomer: false, milestone: '' }}
      >
        {orderType === 'fault_repair' ? (
          <Form.Item name="milestone" label={t('wo.note.milestone')}>
            <Radio.Group data-testid="wo-note-milestone">
              <Radio value="">{t('wo.note.noMilestone')}</Radio>
              {WORK_ORDER_MILESTONES.map((m) => (
                <Radio key={m} value={m}>
                  {label('event', m)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        ) : null}
        <Form.Item name="note" rules={[{ required: true, whitespace: true }, { max: 2000 }]}>
          <Input.TextArea rows={3} placeholder={t('wo.note.placeholder')} data-testid="wo-note-text" />
        </Form.Item>
        <Space wrap style={{ marginBottom: 8 }}>
          <Form.Item name="contactedCustomer" valuePropName="checked" noStyle>
            <Checkbox data-testid="wo-note-contacted">{t('wo.note.contactedCustomer')}</Checkbox>
          </Form.Item>
          <Form.Item name="notifyCustomer" valuePropName="checked" noStyle>
            <Checkbox data-testid="wo-note-notify">{t('wo.note.notifyCustomer')}</Checkbox>
          </Form.Item>
        </Space>
        <div>
          <Button htmlType="submit" loading={add.isPending} data-testid="wo-note-submit">
            {t('wo.note.submit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
