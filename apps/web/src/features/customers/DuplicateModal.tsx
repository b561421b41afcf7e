import { Alert, Form, Input, List, Modal, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DuplicateMatch } from '../../api/types';
import { buttonTestId } from '../../shared/testId';
import { useEnumLabel } from '../../shared/useEnumLabel';

/** The server found likely duplicates: show them, and save anyway only with a reason (archive quality). */
export function DuplicateModal({
  open,
  duplicates,
  message,
  saving,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  duplicates: DuplicateMatch[];
  message: string;
  saving: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={t('form.duplicateTitle')}
      onCancel={onCancel}
      onOk={() => void form.validateFields().then((v) => onConfirm(v.reason.trim()))}
      okText={t('form.saveAnyway')}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={buttonTestId('duplicate-confirm')}
      width={620}
    >
      <Alert type="warning" showIcon title={message} style={{ marginBottom: 12 }} />
      <List
        size="small"
        bordered
        dataSource={duplicates}
        data-testid="duplicate-list"
        renderItem={(d) => (
          <List.Item key={d.id} extra={<Tag color="orange">{label('duplicateReason', d.reason)}</Tag>}>
            <Link to={`/customers/${d.id}`} target="_blank" rel="noreferrer">
              {d.customerNo} {d.name}
            </Link>
          </List.Item>
        )}
      />
      <Form form={form} layout="vertical" style={{ marginTop: 16 }} preserve={false}>
        <Form.Item
          name="reason"
          label={t('form.duplicateReason')}
          rules={[{ required: true, whitespace: true }, { max: 500 }]}
        >
          <Input.TextArea rows={3} data-testid="duplicate-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
