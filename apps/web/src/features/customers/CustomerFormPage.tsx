import { useEffect, useRef } from 'react';
import { Alert, Button, Card, Flex, Form, Skeleton, Space } from 'antd';
import { ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorResult } from '../../shared/ErrorResult';
import { PageTitle } from '../../shared/PageTitle';
import { AccountsSection } from './AccountsSection';
import { BasicInfoSection } from './BasicInfoSection';
import { ContactsSection } from './ContactsSection';
import { DuplicateModal } from './DuplicateModal';
import { MetersSection, TransformersSection } from './EquipmentSections';
import { PremisesSection } from './PremisesSection';
import { EMPTY_CUSTOMER, basicValuesOf, type CustomerFormValues } from './customerFormValues';
import { useCustomerFormSubmit } from './useCustomerFormSubmit';
import { useCustomerOverview } from './useCustomerOverview';

/** 新建客户 (/customers/new) and 编辑客户 (/customers/:id/edit, basic information with optimistic locking). */
export function CustomerFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const idParam = useParams().id;
  const editId = idParam ? Number(idParam) : 0;
  const isEdit = editId > 0;
  const [form] = Form.useForm<CustomerFormValues>();
  const overview = useCustomerOverview(editId);
  const original = isEdit ? overview.data?.customer : undefined;
  const s = useCustomerFormSubmit(form, original);

  // Fill the form when a version is first loaded (or reloaded after a conflict), never on a mere refetch.
  const loadedVersion = useRef<number | null>(null);
  useEffect(() => {
    if (original && loadedVersion.current !== original.version) {
      loadedVersion.current = original.version;
      form.resetFields();
      form.setFieldsValue(basicValuesOf(original));
    }
  }, [original, form]);

  const reload = async () => {
    loadedVersion.current = null;
    s.clearConflict();
    await overview.refetch();
  };

  if (isEdit && overview.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (isEdit && overview.error)
    return <ErrorResult error={overview.error} onRetry={() => void overview.refetch()} />;

  return (
    <div>
      <PageTitle
        title={isEdit ? t('form.editTitle', { name: original?.name ?? '' }) : t('form.createTitle')}
        sub={isEdit ? t('form.editHint') : t('form.createHint')}
      />
      {s.conflict && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="version-conflict"
          title={t('form.conflict')}
          description={s.conflict}
          action={
            <Button icon={<ReloadOutlined />} onClick={() => void reload()} data-testid="conflict-reload">
              {t('common.reload')}
            </Button>
          }
        />
      )}
      <Form<CustomerFormValues>
        form={form}
        layout="vertical"
        initialValues={isEdit ? undefined : EMPTY_CUSTOMER}
        onFinish={(v) => s.submit(v)}
        onFinishFailed={({ errorFields }) =>
          errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center' })
        }
        onValuesChange={(changed: CustomerFormValues) => {
          if (changed.kind && !form.isFieldTouched('certType')) {
            form.setFieldsValue({ certType: changed.kind === 'person' ? 'resident_id' : 'uscc' });
          }
        }}
        scrollToFirstError
        data-testid="customer-form"
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <BasicInfoSection certMasked={!!original?.piiMasked} />
          {!isEdit && (
            <>
              <ContactsSection />
              <PremisesSection />
              <AccountsSection />
              <MetersSection />
              <TransformersSection />
            </>
          )}
        </Space>
        <Card size="small" style={{ position: 'sticky', bottom: 0, marginTop: 16, zIndex: 5 }}>
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => navigate(-1)} data-testid="customer-cancel">
              {t('common.cancel')}
            </Button>
            <Button
              type="primary"
              htmlType="submit"
              icon={<SaveOutlined />}
              loading={s.saving}
              data-testid="customer-submit"
            >
              {t('common.save')}
            </Button>
          </Flex>
        </Card>
      </Form>
      <DuplicateModal
        open={!!s.duplicate}
        duplicates={s.duplicate?.duplicates ?? []}
        message={s.duplicate?.message ?? ''}
        saving={s.saving}
        onCancel={s.closeDuplicate}
        onConfirm={(reason) => s.confirmDuplicate(reason)}
      />
    </div>
  );
}
