import { App, Button, Card, Form, Input, Radio, Select } from 'antd';
import { RETURN_VISIT_METHODS } from '@gridcare/contracts';
import { RETURN_VISIT_OUTCOMES } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { applyServerErrors } from '../../shared/formErrors';
import { useNotifyError } from '../../shared/useNotifyError';
import type { ReturnVisitCreate, WorkOrder } from './types';
import { useRecordReturnVisit } from './useRecordReturnVisit';
import { useWorkOrderLabel, useWorkOrderOptions } from './useWorkOrderLabel';

type Values = Omit<ReturnVisitCreate, 'version'>;

/**
 * 回访 after the reply: 满意 / 基本满意 close the order, 不满意 reopens and escalates it, 联系不上 is retried on
 * another day (up to 3 attempts).
 */
export function ReturnVisitForm({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useWorkOrderLabel();
  const options = useWorkOrderOptions();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const record = useRecordReturnVisit(order.id);

  const submit = (v: Values) =>
    record.mutate(
      { outcome: v.outcome, method: v.method, note: v.note?.trim() || null, version: order.version },
      {
        onSuccess: (o) => {
          void message.success(
            t('wo.visit.recorded', {
              outcome: label('outcome', v.outcome),
              status: label('status', o.status),
            }),
          );
          form.resetFields();
        },
        onError: (e) => {
          if (isApiError(e) && e.status === 409) return void message.error(e.message);
          const unmatched = isApiError(e) ? applyServerErrors(form, e.details) : [];
          if (!isApiError(e) || !e.details.length || unmatched.length) notifyError(e);
        },
      },
    );

  return (
    <Card
      title={t('wo.visit.title', { attempt: order.returnVisits.length + 1 })}
      size="small"
      data-testid="wo-visit-card"
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ method: 'phone' }}>
        <Form.Item name="outcome" label={t('wo.visit.outcome')} rules={[{ required: true }]}>
          <Radio.Group data-testid="wo-visit-outcome">
            {RETURN_VISIT_OUTCOMES.map((o) => (
              <Radio key={o} value={o}>
                <span data-testid={`wo-visit-outcome-${o}`}>{label('outcome', o)}</span>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="method" label={t('wo.visit.method')} rules={[{ required: true }]}>
          <Select options={options('method', RETURN_VISIT_METHODS)} data-testid="wo-visit-method" />
        </Form.Item>
        <Form.Item name="note" label={t('wo.visit.note')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} data-testid="wo-visit-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="wo-visit-submit">
          {t('wo.visit.submit')}
        </Button>
      </Form>
    </Card>
  );
}
