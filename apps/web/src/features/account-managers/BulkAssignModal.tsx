import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { CUSTOMER_CLASSES, IMPORTANCE_TIERS } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { applyServerErrors } from '../../shared/formErrors';
import { buttonTestId } from '../../shared/testId';
import { useEnumOptions } from '../../shared/useEnumLabel';
import { useNotifyError } from '../../shared/useNotifyError';
import { OrgUnitSelect } from '../org/OrgUnitSelect';
import { useBulkAssign } from './useBulkAssign';
import { useManagers } from './useManagers';

export type BulkTarget = { kind: 'selected'; customerIds: number[] } | { kind: 'filter'; orgUnitId?: number };

interface Values {
  managerId: number;
  reason: string;
  orgUnitId?: number;
  customerClass?: string;
  importanceTier?: string;
}

/** Assigns one manager to the selected customers, or to every unassigned customer matching a filter. */
export function BulkAssignModal({
  target,
  onClose,
  onDone,
}: {
  target: BulkTarget | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const options = useEnumOptions();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const filterOrg = Form.useWatch('orgUnitId', form) as number | undefined;
  const managers = useManagers({ orgUnitId: filterOrg, enabled: !!target });
  const bulk = useBulkAssign();
  if (!target) return null;
  const byFilter = target.kind === 'filter';

  const submit = async () => {
    const v = await form.validateFields();
    const body = byFilter
      ? {
          managerId: v.managerId,
          reason: v.reason.trim(),
          filter: {
            orgUnitId: v.orgUnitId,
            customerClass: v.customerClass,
            importanceTier: v.importanceTier,
            onlyUnassigned: true,
          },
        }
      : { managerId: v.managerId, reason: v.reason.trim(), customerIds: target.customerIds };
    bulk.mutate(body, {
      onSuccess: (r) => {
        const skipped = r.skippedIneligible ? t('manager.bulkSkipped', { count: r.skippedIneligible }) : '';
        void message.success(t('manager.bulkAssignedN', { count: r.assigned }) + skipped);
        onDone();
      },
      onError: (e) => {
        if (isApiError(e)) {
          const unmatched = applyServerErrors(form, e.details, (p) =>
            ['managerId', 'reason'].includes(String(p[0])),
          );
          if (unmatched.length) void message.error(unmatched.map((d) => d.message).join('；'));
          else notifyError(e);
        } else notifyError(e);
      },
    });
  };

  return (
    <Modal
      title={t('manager.bulkTitle')}
      open
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={bulk.isPending}
      destroyOnHidden
      okButtonProps={buttonTestId('bulk-submit')}
    >
      <Alert
        type="info"
        showIcon
        title={
          byFilter
            ? t('manager.bulkByFilterSummary')
            : t('manager.bulkSelectedSummary', { count: target.customerIds.length })
        }
        style={{ marginBottom: 16 }}
      />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={byFilter ? { orgUnitId: target.orgUnitId } : {}}
      >
        {byFilter && (
          <>
            <Form.Item name="orgUnitId" label={t('customer.orgUnit')}>
              <OrgUnitSelect allowClear data-testid="bulk-filter-org" />
            </Form.Item>
            <Form.Item name="customerClass" label={t('customer.customerClass')}>
              <Select
                allowClear
                options={options('customerClass', CUSTOMER_CLASSES)}
                data-testid="bulk-filter-class"
              />
            </Form.Item>
            <Form.Item name="importanceTier" label={t('customer.importanceTier')}>
              <Select
                allowClear
                options={options('importanceTier', IMPORTANCE_TIERS)}
                data-testid="bulk-filter-tier"
              />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="managerId"
          label={t('manager.manager')}
          rules={[{ required: true, message: t('manager.pickManager') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={managers.isPending}
            options={(managers.data ?? []).map((m) => ({
              value: m.userId,
              label: [
                m.name,
                m.orgUnits.map((o) => o.name).join('、'),
                t('manager.loadN', { count: m.customers }),
              ]
                .filter(Boolean)
                .join(' · '),
            }))}
            data-testid="bulk-manager"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('manager.reason')}
          rules={[{ required: true, whitespace: true, message: t('manager.reasonRequired') }, { max: 200 }]}
        >
          <Input.TextArea rows={2} data-testid="bulk-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
