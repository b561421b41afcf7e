import { App, Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import { AREA_CLASSES, DEPARTMENT_KINDS, IMPORTANCE_TIERS, WORK_ORDER_TYPES } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { applyServerErrors } from '../../shared/formErrors';
import { buttonTestId } from '../../shared/testId';
import { useEnumOptions } from '../../shared/useEnumLabel';
import { useNotifyError } from '../../shared/useNotifyError';
import { OrgUnitSelect } from '../org/OrgUnitSelect';
import { ALL_SUB_CATEGORIES } from './subCategories';
import type { RoutingRuleBody, RoutingRuleView } from './types';
import { useSaveRoutingRule } from './useSaveRoutingRule';
import { useWorkOrderOptions } from './useWorkOrderLabel';

export type RoutingRuleModalState = { rule?: RoutingRuleView } | null;

const EMPTY: RoutingRuleBody = { priority: 100, toServicePointOffice: false, active: true };

/** New or edited routing rule: the conditions (type, sub-category, unit, area, tier) and the target. */
export function RoutingRuleModal({ state, onClose }: { state: RoutingRuleModalState; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const enumOptions = useEnumOptions();
  const options = useWorkOrderOptions();
  const [form] = Form.useForm<RoutingRuleBody>();
  const save = useSaveRoutingRule();
  const rule = state?.rule;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    const body: RoutingRuleBody = {
      ...v,
      type: v.type ?? null,
      subCategory: v.subCategory?.trim() || null,
      orgUnitId: v.orgUnitId ?? null,
      areaClass: v.areaClass ?? null,
      customerTier: v.customerTier ?? null,
      targetDepartment: v.targetDepartment ?? null,
      note: v.note?.trim() || null,
    };
    save.mutate(
      { id: rule?.id, version: rule?.version, body },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => {
          const unmatched = isApiError(e) ? applyServerErrors(form, e.details) : [];
          if (!isApiError(e) || !e.details.length || unmatched.length) notifyError(e);
        },
      },
    );
  };

  return (
    <Modal
      open={!!state}
      title={rule ? t('wo.routing.editTitle') : t('wo.routing.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={680}
      okButtonProps={buttonTestId('routing-submit')}
    >
      <Form<RoutingRuleBody>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={rule ? { ...rule } : EMPTY}
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="priority" label={t('wo.routing.priority')} rules={[{ required: true }]}>
              <InputNumber
                min={0}
                max={1000}
                precision={0}
                style={{ width: '100%' }}
                data-testid="routing-priority"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="type" label={t('wo.col.type')}>
              <Select
                allowClear
                placeholder={t('wo.routing.any')}
                options={options('type', WORK_ORDER_TYPES)}
                data-testid="routing-type"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="subCategory" label={t('wo.form.subCategory')}>
              <Select
                allowClear
                placeholder={t('wo.routing.any')}
                options={options('subCategory', ALL_SUB_CATEGORIES)}
                data-testid="routing-subcategory"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="orgUnitId" label={t('wo.routing.orgUnit')}>
              <OrgUnitSelect allowClear placeholder={t('wo.routing.any')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="areaClass" label={t('premise.areaClass')}>
              <Select
                allowClear
                placeholder={t('wo.routing.any')}
                options={enumOptions('areaClass', AREA_CLASSES)}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="customerTier" label={t('customer.importanceTier')}>
              <Select
                allowClear
                placeholder={t('wo.routing.any')}
                options={enumOptions('importanceTier', IMPORTANCE_TIERS)}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="targetDepartment" label={t('wo.routing.targetDepartment')}>
              <Select
                allowClear
                options={enumOptions('deptKind', DEPARTMENT_KINDS)}
                data-testid="routing-target"
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="toServicePointOffice" label={t('wo.routing.toOffice')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="active" label={t('wo.routing.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('wo.routing.note')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
