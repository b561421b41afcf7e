import { useRef } from 'react';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey } from '../../api/client';
import { applyServerErrors } from '../../shared/formErrors';
import { buttonTestId } from '../../shared/testId';
import { useNotifyError } from '../../shared/useNotifyError';
import { useRecordVisit } from './useRecordVisit';

interface Values {
  visitedAt: Dayjs;
  contactsMet: string;
  findings: string;
  needs?: string;
  followUps?: string;
}

/** 记录走访: date and time, who was met, findings, needs and follow-up actions. */
export function RecordVisitModal({
  customerId,
  customerName,
  planId,
  open,
  onClose,
}: {
  customerId: number;
  customerName?: string;
  planId?: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const record = useRecordVisit();
  // One key per attempt: a retry after a network error must not record the visit twice.
  const attemptKey = useRef<string | null>(null);

  const close = () => {
    attemptKey.current = null;
    onClose();
  };

  const submit = async () => {
    const v = await form.validateFields();
    attemptKey.current ??= newIdempotencyKey();
    record.mutate(
      {
        customerId,
        planId,
        visitedAt: v.visitedAt.toISOString(),
        contactsMet: v.contactsMet.trim(),
        findings: v.findings.trim(),
        needs: v.needs?.trim() || null,
        followUps: v.followUps?.trim() || null,
        idempotencyKey: attemptKey.current,
      },
      {
        onSuccess: () => {
          void message.success(t('visit.recorded'));
          form.resetFields();
          close();
        },
        onError: (e) => {
          if (isApiError(e) && e.status !== 0) attemptKey.current = null;
          if (isApiError(e) && e.details.length) applyServerErrors(form, e.details);
          notifyError(e);
        },
      },
    );
  };

  return (
    <Modal
      title={customerName ? t('visit.titleFor', { name: customerName }) : t('visit.title')}
      open={open}
      onCancel={close}
      onOk={() => void submit()}
      okText={t('common.save')}
      confirmLoading={record.isPending}
      destroyOnHidden
      width={640}
      okButtonProps={buttonTestId('visit-submit')}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ visitedAt: dayjs() }}>
        <Form.Item name="visitedAt" label={t('visit.visitedAt')} rules={[{ required: true }]}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
            style={{ width: '100%' }}
            data-testid="visit-at"
          />
        </Form.Item>
        <Form.Item
          name="contactsMet"
          label={t('visit.contactsMet')}
          rules={[{ required: true, whitespace: true }, { max: 500 }]}
        >
          <Input placeholder={t('visit.contactsMetHint')} data-testid="visit-contacts" />
        </Form.Item>
        <Form.Item
          name="findings"
          label={t('visit.findings')}
          rules={[{ required: true, whitespace: true }, { max: 5000 }]}
        >
          <Input.TextArea rows={3} data-testid="visit-findings" />
        </Form.Item>
        <Form.Item name="needs" label={t('visit.needs')} rules={[{ max: 5000 }]}>
          <Input.TextArea rows={2} data-testid="visit-needs" />
        </Form.Item>
        <Form.Item name="followUps" label={t('visit.followUps')} rules={[{ max: 5000 }]}>
          <Input.TextArea rows={2} data-testid="visit-followups" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
