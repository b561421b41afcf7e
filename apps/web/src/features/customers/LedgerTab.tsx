import { useState } from 'react';
import { App, Button, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LedgerEntryInput } from '@gridcare/contracts';
import { isApiError } from '../../api/client';
import { useLanguage } from '../../i18n/useLanguage';
import { zodRule } from '../../shared/zodRule';
import { LEDGER_CATEGORIES, type LedgerCategory } from '../../api/types';
import { applyServerErrors } from '../../shared/formErrors';
import { formatDateTime } from '../../shared/format';
import { useEnumLabel, useEnumOptions } from '../../shared/useEnumLabel';
import { buttonTestId } from '../../shared/testId';
import { useNotifyError } from '../../shared/useNotifyError';
import { useAddLedgerEntry } from './useAddLedgerEntry';
import { useLedger } from './useLedger';

interface Values {
  category: LedgerCategory;
  title: string;
  content: string;
}

/** 客户台账: production situation, key people, equipment, demand outlook, promises. */
export function LedgerTab({ customerId, canWrite }: { customerId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { lang } = useLanguage();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const notifyError = useNotifyError();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { data, isFetching } = useLedger(customerId, page);
  const add = useAddLedgerEntry(customerId);

  const submit = async () => {
    const values = await form.validateFields();
    add.mutate(values, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        setOpen(false);
        setPage(1);
      },
      onError: (e) => {
        if (isApiError(e)) applyServerErrors(form, e.details);
        notifyError(e);
      },
    });
  };

  return (
    <div>
      {canWrite && (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setOpen(true)}
          style={{ marginBottom: 12 }}
          data-testid="ledger-add"
        >
          {t('ledger.add')}
        </Button>
      )}
      <List
        loading={isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('ledger.empty') }}
        pagination={
          data && data.total > data.pageSize
            ? { current: page, pageSize: data.pageSize, total: data.total, onChange: setPage, size: 'small' }
            : false
        }
        renderItem={(e) => (
          <List.Item key={e.id} data-testid="ledger-entry">
            <List.Item.Meta
              title={
                <Space>
                  <Tag color="blue">{label('ledgerCategory', e.category)}</Tag>
                  {e.title}
                </Space>
              }
              description={
                <>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                    {e.content}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(e.recordedAt)} {e.recordedByName ?? ''}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      <Modal
        title={t('ledger.add')}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        confirmLoading={add.isPending}
        destroyOnHidden
        okText={t('common.save')}
        okButtonProps={buttonTestId('ledger-submit')}
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ category: 'production' }}>
          <Form.Item name="category" label={t('ledger.category')} rules={[{ required: true }]}>
            <Select options={options('ledgerCategory', LEDGER_CATEGORIES)} data-testid="ledger-category" />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('ledger.title')}
            rules={[{ required: true, whitespace: true }, zodRule(LedgerEntryInput.shape.title, lang)]}
          >
            <Input maxLength={100} data-testid="ledger-title" />
          </Form.Item>
          <Form.Item
            name="content"
            label={t('ledger.content')}
            rules={[{ required: true, whitespace: true }, zodRule(LedgerEntryInput.shape.content, lang)]}
          >
            <Input.TextArea rows={5} maxLength={5000} showCount data-testid="ledger-content" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
