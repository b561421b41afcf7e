import { useRef } from 'react';
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { AREA_CLASSES, TIME_LIMIT_KINDS, TIME_LIMIT_UNITS, WORK_ORDER_TYPES } from '@gridcare/domain';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey } from '../../api/client';
import { applyServerErrors } from '../../shared/formErrors';
import { useEnumOptions } from '../../shared/useEnumLabel';
import { useNotifyError } from '../../shared/useNotifyError';
import { ALL_SUB_CATEGORIES } from './subCategories';
import type { TimeLimitRuleRow } from './types';
import { useCreateTimeLimitVersion } from './useCreateTimeLimitVersion';
import { useWorkOrderOptions } from './useWorkOrderLabel';

interface Values {
  note: string;
  effectiveFrom?: Dayjs | null;
  rules: TimeLimitRuleRow[];
}

/**
 * 新版本: a copy of the current table to edit; saved as a new version that applies to orders accepted from
 * its effective time on (orders already running keep the version they started with).
 */
export function TimeLimitVersionEditor({ base, onDone }: { base: TimeLimitRuleRow[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const options = useWorkOrderOptions();
  const enumOptions = useEnumOptions();
  const [form] = Form.useForm<Values>();
  const create = useCreateTimeLimitVersion();
  const attempt = useRef<string | null>(null);
  const anyOf = (field: string) => t('wo.limit.anyOf', { field });

  const submit = (v: Values) => {
    attempt.current ??= newIdempotencyKey();
    const rules = v.rules.map((r) => ({
      kind: r.kind,
      type: r.type ?? null,
      subCategory: r.subCategory ?? null,
      areaClass: r.areaClass ?? null,
      amount: r.amount,
      unit: r.unit,
    }));
    create.mutate(
      {
        body: { note: v.note.trim(), effectiveFrom: v.effectiveFrom?.toISOString(), rules },
        idempotencyKey: attempt.current,
      },
      {
        onSuccess: () => {
          attempt.current = null;
          void message.success(t('wo.limit.saved'));
          onDone();
        },
        onError: (e) => {
          if (!(isApiError(e) && e.code === 'network')) attempt.current = null;
          const unmatched = isApiError(e) ? applyServerErrors(form, e.details) : [];
          if (!isApiError(e) || !e.details.length || unmatched.length) notifyError(e);
        },
      },
    );
  };

  return (
    <Card title={t('wo.limit.newVersion')} data-testid="time-limit-editor">
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ rules: base }}>
        <Flex gap={16} wrap>
          <Form.Item
            name="note"
            label={t('wo.limit.note')}
            rules={[{ required: true, whitespace: true }, { max: 200 }]}
            style={{ flex: 1, minWidth: 280 }}
          >
            <Input placeholder={t('wo.limit.notePlaceholder')} data-testid="time-limit-note" />
          </Form.Item>
          <Form.Item
            name="effectiveFrom"
            label={t('wo.limit.effectiveFrom')}
            extra={t('wo.limit.effectiveHint')}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
        </Flex>
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space
                  key={f.key}
                  align="start"
                  wrap
                  style={{ display: 'flex' }}
                  data-testid="time-limit-row"
                >
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 130 }}
                      options={options('clockKind', TIME_LIMIT_KINDS)}
                      placeholder={t('wo.limit.kind')}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'type']}>
                    <Select
                      allowClear
                      style={{ width: 120 }}
                      options={options('type', WORK_ORDER_TYPES)}
                      placeholder={anyOf(t('wo.col.type'))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'subCategory']}>
                    <Select
                      allowClear
                      style={{ width: 140 }}
                      options={options('subCategory', ALL_SUB_CATEGORIES)}
                      placeholder={anyOf(t('wo.form.subCategory'))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'areaClass']}>
                    <Select
                      allowClear
                      style={{ width: 100 }}
                      options={enumOptions('areaClass', AREA_CLASSES)}
                      placeholder={anyOf(t('premise.areaClass'))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amount']} rules={[{ required: true }]}>
                    <InputNumber
                      min={1}
                      max={100000}
                      precision={0}
                      style={{ width: 90 }}
                      placeholder={t('wo.limit.amount')}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 140 }}
                      options={options('limitUnit', TIME_LIMIT_UNITS)}
                      placeholder={t('wo.limit.unit')}
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('common.remove')}
                  />
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ amount: 1, unit: 'working_days' })}
                style={{ marginBottom: 16 }}
              >
                {t('wo.limit.addRule')}
              </Button>
            </>
          )}
        </Form.List>
        <Flex gap={8} justify="flex-end">
          <Button onClick={onDone}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SaveOutlined />}
            loading={create.isPending}
            data-testid="time-limit-save"
          >
            {t('wo.limit.saveVersion')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
