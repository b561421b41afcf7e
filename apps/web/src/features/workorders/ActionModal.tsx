import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { applyServerErrors } from '../../shared/formErrors';
import { buttonTestId } from '../../shared/testId';
import { useNotifyError } from '../../shared/useNotifyError';
import { OrgUnitSelect } from '../org/OrgUnitSelect';
import { ACTION_SPECS, type ActionField, type ModalAction } from './actionFields';
import { MergeTargetSelect } from './MergeTargetSelect';
import type { WorkOrder } from './types';
import { useWorkOrderAction } from './useWorkOrderAction';
import { useWorkOrderLabel } from './useWorkOrderLabel';

type Values = Partial<Record<ActionField, string | number>>;

const MAX: Record<ActionField, number> = {
  note: 2000,
  reason: 500,
  replyText: 4000,
  targetUnitId: 0,
  mergeIntoId: 0,
};

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const id = (v: unknown) => (typeof v === 'number' ? v : null);

/**
 * One lifecycle step in a small dialog asking only for what the step needs; it always sends the version
 * the order was read at. A 409 (someone else moved the order first) closes the dialog and reloads.
 */
export function ActionModal({
  order,
  action,
  onClose,
}: {
  order: WorkOrder;
  action: ModalAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useWorkOrderLabel();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const run = useWorkOrderAction(order.id);
  const spec = ACTION_SPECS[action];

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    run.mutate(
      {
        action,
        version: order.version,
        note: text(v.note),
        reason: text(v.reason),
        replyText: text(v.replyText),
        targetUnitId: id(v.targetUnitId),
        mergeIntoId: id(v.mergeIntoId),
      },
      {
        onSuccess: () => {
          void message.success(t('wo.action.done', { action: label('action', action) }));
          onClose();
        },
        onError: (e) => {
          if (isApiError(e) && e.status === 409) {
            void message.error(e.message);
            run.reset();
            onClose();
            return;
          }
          const unmatched = isApiError(e) ? applyServerErrors(form, e.details) : [];
          if (!isApiError(e) || !e.details.length || unmatched.length) notifyError(e);
        },
      },
    );
  };

  const field = (name: ActionField, required: boolean) => {
    const isText = name !== 'targetUnitId' && name !== 'mergeIntoId';
    const rules = isText ? [{ required, whitespace: true }, { max: MAX[name] }] : [{ required }];
    const props = { name, key: name, rules };
    switch (name) {
      case 'targetUnitId':
        return (
          <Form.Item
            {...props}
            label={t('wo.action.targetUnit')}
            extra={required ? undefined : t('wo.action.targetUnitDefault')}
          >
            <OrgUnitSelect allowClear data-testid="wo-action-target-unit" style={{ width: '100%' }} />
          </Form.Item>
        );
      case 'mergeIntoId':
        return (
          <Form.Item {...props} label={t('wo.action.mergeInto')}>
            <MergeTargetSelect excludeId={order.id} />
          </Form.Item>
        );
      case 'replyText':
        return (
          <Form.Item
            {...props}
            label={t(action === 'handle' ? 'wo.action.handleText' : 'wo.action.replyText')}
          >
            <Input.TextArea rows={4} data-testid="wo-action-reply-text" />
          </Form.Item>
        );
      case 'reason':
        return (
          <Form.Item
            {...props}
            label={t(`wo.action.reasonFor.${action}`, { defaultValue: t('wo.action.reason') })}
          >
            <Input.TextArea rows={2} data-testid="wo-action-reason" />
          </Form.Item>
        );
      default:
        return (
          <Form.Item {...props} label={t(action === 'reopen' ? 'wo.action.reopenReason' : 'wo.action.note')}>
            <Input.TextArea rows={2} data-testid="wo-action-note" />
          </Form.Item>
        );
    }
  };

  return (
    <Modal
      open
      title={t('wo.action.title', { action: label('action', action), caseNo: order.caseNo })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={label('action', action)}
      okButtonProps={{ ...buttonTestId('wo-action-submit'), danger: spec.look === 'danger' }}
      confirmLoading={run.isPending}
      destroyOnHidden
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={action === 'reply' && order.replyText ? { replyText: order.replyText } : undefined}
        data-testid={`wo-action-form-${action}`}
      >
        {spec.fields.map((f) => field(f.name, f.required))}
      </Form>
    </Modal>
  );
}
