import { useRef } from 'react';
import { App, Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import { NORM_CATEGORIES, ServiceNormInput, type NormTimeLimit, type ServiceNorm } from '@gridcare/contracts';
import { DEPARTMENT_KINDS, ROLES, TIME_LIMIT_UNITS, WORK_ORDER_TYPES } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey } from '../../api/client';
import { useLanguage } from '../../i18n/useLanguage';
import { applyServerErrors, zodIssuesToDetails } from '../../shared/formErrors';
import { buttonTestId } from '../../shared/testId';
import { useEnumOptions } from '../../shared/useEnumLabel';
import { useNotifyError } from '../../shared/useNotifyError';
import { zodRule } from '../../shared/zodRule';
import { useNormLabels } from './useNormLabels';
import { useSaveServiceNorm } from './useSaveServiceNorm';

interface Values {
  code: string;
  category: string;
  title: string;
  responsibleRole: string;
  standard: string;
  timeLimitText: string;
  limitAmount?: number | null;
  limitUnit?: NormTimeLimit['unit'] | null;
  assistingDepartments: string[];
  appliesToTypes: string[];
  subCategories: string[];
  active: boolean;
}

export type NormModalState = { mode: 'create' } | { mode: 'edit'; norm: ServiceNorm } | null;

/** Add a norm to the catalogue, or edit one (admins). */
export function NormFormModal({ state, onClose }: { state: NormModalState; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const options = useEnumOptions();
  const labels = useNormLabels();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const save = useSaveServiceNorm();
  // One key per attempt: a retry after a network error must not add the norm twice.
  const attemptKey = useRef<string | null>(null);
  if (!state) return null;
  const norm = state.mode === 'edit' ? state.norm : null;
  const initialValues: Values = norm
    ? {
        ...norm,
        limitAmount: norm.timeLimit?.amount ?? null,
        limitUnit: norm.timeLimit?.unit ?? null,
      }
    : {
        code: '',
        category: 'other',
        title: '',
        responsibleRole: 'cs_agent',
        standard: '',
        timeLimitText: '',
        assistingDepartments: [],
        appliesToTypes: [],
        subCategories: [],
        active: true,
      };

  const submit = async () => {
    const v = await form.validateFields();
    const { limitAmount, limitUnit, ...rest } = v;
    const body = {
      ...rest,
      timeLimit: limitAmount && limitUnit ? { amount: limitAmount, unit: limitUnit } : null,
    };
    const parsed = ServiceNormInput.safeParse(body);
    if (!parsed.success) {
      applyServerErrors(form, zodIssuesToDetails(parsed.error.issues, lang));
      return;
    }
    if (!norm) attemptKey.current ??= newIdempotencyKey();
    save.mutate(
      {
        id: norm?.id,
        body: norm ? { ...parsed.data, version: norm.version } : parsed.data,
        idempotencyKey: attemptKey.current ?? undefined,
      },
      {
        onSuccess: () => {
          attemptKey.current = null;
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => {
          if (isApiError(e) && e.status !== 0) attemptKey.current = null;
          if (isApiError(e)) applyServerErrors(form, e.details);
          notifyError(e);
        },
      },
    );
  };

  const limitRequired = (other: 'limitAmount' | 'limitUnit') => ({
    validator: async (_r: unknown, value: unknown) => {
      const peer = form.getFieldValue(other);
      if ((value == null || value === '') !== (peer == null || peer === ''))
        throw new Error(t('norms.limitPair'));
    },
  });

  return (
    <Modal
      open
      width={760}
      title={norm ? t('norms.editTitle', { code: norm.code }) : t('norms.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
      okButtonProps={buttonTestId('norm-submit')}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        key={norm ? `edit-${norm.id}-${norm.version}` : 'create'}
      >
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item
              name="code"
              label={t('norms.code')}
              rules={[{ required: true }, zodRule(ServiceNormInput.shape.code, lang)]}
            >
              <Input placeholder="FLT-08" data-testid="norm-code" />
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item
              name="title"
              label={t('norms.title')}
              rules={[{ required: true, whitespace: true }, { max: 100 }]}
            >
              <Input data-testid="norm-title" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="category" label={t('norms.categoryLabel')} rules={[{ required: true }]}>
              <Select
                options={NORM_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
                data-testid="norm-category"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="responsibleRole" label={t('norms.responsibleRole')} rules={[{ required: true }]}>
              <Select options={options('role', ROLES)} data-testid="norm-role" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="standard"
              label={t('norms.standard')}
              extra={t('norms.standardHint')}
              rules={[{ required: true, whitespace: true }, { max: 10_000 }]}
            >
              <Input.TextArea rows={7} data-testid="norm-standard-input" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="timeLimitText"
              label={t('norms.timeLimit')}
              rules={[{ required: true, whitespace: true }, { max: 200 }]}
            >
              <Input placeholder={t('norms.timeLimitPlaceholder')} data-testid="norm-limit-text" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item
              name="limitAmount"
              label={t('norms.clock')}
              dependencies={['limitUnit']}
              rules={[limitRequired('limitUnit')]}
            >
              <InputNumber
                min={1}
                max={100_000}
                precision={0}
                style={{ width: '100%' }}
                data-testid="norm-limit-amount"
              />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item
              name="limitUnit"
              label=" "
              dependencies={['limitAmount']}
              rules={[limitRequired('limitAmount')]}
            >
              <Select
                allowClear
                options={TIME_LIMIT_UNITS.map((u) => ({ value: u, label: t(`norms.unitName.${u}`) }))}
                data-testid="norm-limit-unit"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="appliesToTypes" label={t('norms.appliesTo')}>
              <Select
                mode="multiple"
                options={WORK_ORDER_TYPES.map((v) => ({ value: v, label: labels.type(v) }))}
                data-testid="norm-types"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="subCategories"
              label={t('norms.subCategories')}
              extra={t('norms.subCategoriesHint')}
            >
              <Select mode="tags" tokenSeparators={[',', ' ']} data-testid="norm-subs" />
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item name="assistingDepartments" label={t('norms.assisting')}>
              <Select
                mode="multiple"
                options={options('deptKind', DEPARTMENT_KINDS)}
                data-testid="norm-assisting"
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="active" label={t('norms.active')} valuePropName="checked">
              <Switch data-testid="norm-active" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
