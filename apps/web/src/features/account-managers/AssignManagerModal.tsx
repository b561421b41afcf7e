import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { applyServerErrors } from '../../shared/formErrors';
import { buttonTestId } from '../../shared/testId';
import { useNotifyError } from '../../shared/useNotifyError';
import { useAssignManager } from './useAssignManager';
import { useManagers } from './useManagers';

interface Values {
  managerId: number;
  reason: string;
}

/** Picks an account manager for one customer; the change and its reason land in the timeline. */
export function AssignManagerModal({
  customerId,
  orgUnitId,
  currentManagerId,
  open,
  onClose,
}: {
  customerId: number;
  /** The customer's unit: only managers whose scope covers it are offered. */
  orgUnitId: number;
  currentManagerId?: number | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const managers = useManagers({ orgUnitId, enabled: open });
  const assign = useAssignManager(customerId);

  const submit = async () => {
    const values = await form.validateFields();
    assign.mutate(values, {
      onSuccess: () => {
        void message.success(t('manager.assigned'));
        form.resetFields();
        onClose();
      },
      onError: (e) => {
        if (isApiError(e) && e.details.length) applyServerErrors(form, e.details);
        notifyError(e);
      },
    });
  };

  return (
    <Modal
      title={t('manager.assignTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.confirm')}
      confirmLoading={assign.isPending}
      destroyOnHidden
      okButtonProps={buttonTestId('assign-submit')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ managerId: currentManagerId ?? undefined }}
        preserve={false}
      >
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
              label: [m.name, m.title, m.orgUnits.map((o) => o.name).join('、')].filter(Boolean).join(' · '),
            }))}
            notFoundContent={t('manager.noManagers')}
            data-testid="assign-manager-select"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('manager.reason')}
          rules={[{ required: true, whitespace: true, message: t('manager.reasonRequired') }, { max: 200 }]}
        >
          <Input.TextArea rows={3} data-testid="assign-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
