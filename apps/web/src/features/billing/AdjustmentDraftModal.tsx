import { useRef } from 'react';
import { App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { TARIFF_CATEGORY_LIST } from '@gridcare/domain';
import { isApiError, newIdempotencyKey } from '../../api/client';
import { applyServerErrors } from '../../shared/formErrors';
import { useNotifyError } from '../../shared/useNotifyError';
import { yuanToFen } from './money';
import type { BillDetail } from './types';
import { useDraftAdjustment, type AdjustmentInput } from './useAdjustments';

const REASONS = ['meter_error', 'wrong_reading', 'wrong_tariff', 'wrong_archive', 'other'];

interface Values {
  reason: string;
  reasonText: string;
  mode: 'recompute' | 'manual';
  totalKwh?: number;
  meterErrorPercent?: number;
  tariffCategory?: string;
  manualAmount?: string;
  manualDescription?: string;
}

/** 起草退补: recompute the bill with corrected data, or add a manual amount; goes to approval. */
export function AdjustmentDraftModal({ bill, onClose }: { bill: BillDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const draft = useDraftAdjustment();
  const key = useRef(newIdempotencyKey());
  const mode = Form.useWatch('mode', form) ?? 'recompute';

  const submit = (v: Values) => {
    const body: AdjustmentInput = {
      billId: bill.id,
      reason: v.reason,
      reasonText: v.reasonText,
      mode: v.mode,
    };
    if (v.mode === 'recompute') {
      const corrections: Record<string, unknown> = {};
      if (v.totalKwh !== undefined && v.totalKwh !== null) corrections.energy = { totalKwh: v.totalKwh };
      if (v.meterErrorPercent) corrections.meterErrorPercent = v.meterErrorPercent;
      if (v.tariffCategory) corrections.tariffCategory = v.tariffCategory;
      body.corrections = corrections;
    } else {
      const fen = yuanToFen(v.manualAmount ?? '');
      if (fen === null) {
        form.setFields([{ name: 'manualAmount', errors: [t('billing.adjustments.manualAmount')] }]);
        return;
      }
      body.manualAmountFen = fen;
      body.manualDescription = v.manualDescription;
    }
    draft.mutate(
      { body, idempotencyKey: key.current },
      {
        onSuccess: () => {
          void message.success(t('billing.adjustments.drafted'));
          onClose();
        },
        onError: (e) => {
          key.current = newIdempotencyKey();
          if (isApiError(e) && e.status === 400) {
            const left = applyServerErrors(
              form,
              e.details.map((d) => ({
                ...d,
                path: d.path
                  .replace('body.corrections.energy.totalKwh', 'totalKwh')
                  .replace('body.corrections.meterErrorPercent', 'meterErrorPercent')
                  .replace('body.manualAmountFen', 'manualAmount'),
              })),
            );
            if (left.length) notifyError(e);
          } else notifyError(e);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={`${t('billing.adjustments.draftTitle')} · ${bill.billNo}`}
      okText={t('billing.adjustments.submit')}
      confirmLoading={draft.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ mode: 'recompute', reason: 'wrong_reading' }}
        onFinish={submit}
        data-testid="adjustment-form"
      >
        <Form.Item name="reason" label={t('billing.adjustments.reason')} rules={[{ required: true }]}>
          <Select
            options={REASONS.map((r) => ({ value: r, label: t(`billing.adjustments.reasons.${r}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="reasonText"
          label={t('billing.adjustments.reasonText')}
          rules={[{ required: true, max: 500 }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="mode" label={t('billing.adjustments.mode')}>
          <Radio.Group
            options={[
              { value: 'recompute', label: t('billing.adjustments.modeRecompute') },
              { value: 'manual', label: t('billing.adjustments.modeManual') },
            ]}
          />
        </Form.Item>
        {mode === 'recompute' ? (
          <>
            <Form.Item name="totalKwh" label={t('billing.adjustments.correctedTotal')}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} placeholder={bill.energyKwh} />
            </Form.Item>
            <Form.Item
              name="meterErrorPercent"
              label={t('billing.adjustments.meterError')}
              extra={t('billing.adjustments.meterErrorHelp')}
            >
              <InputNumber min={-50} max={50} precision={2} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="tariffCategory" label={t('billing.adjustments.correctedCategory')}>
              <Select
                allowClear
                options={TARIFF_CATEGORY_LIST.map((c) => ({ value: c, label: t(`billing.category.${c}`) }))}
              />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item
              name="manualAmount"
              label={t('billing.adjustments.manualAmount')}
              rules={[{ required: true }]}
            >
              <Input inputMode="decimal" />
            </Form.Item>
            <Form.Item
              name="manualDescription"
              label={t('billing.adjustments.manualDescription')}
              rules={[{ required: true, max: 200 }]}
            >
              <Input />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
