import { useState } from 'react';
import { Button, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { applyServerErrors } from '../../shared/formErrors';
import { formatDateTime } from '../../shared/format';
import { ErrorResult } from '../../shared/ErrorResult';
import { PageTitle } from '../../shared/PageTitle';
import { useNotifyError } from '../../shared/useNotifyError';
import { usePermissions } from '../auth/usePermissions';
import type { TariffVersionSummary } from './types';
import { useCreateTariffDraft, useTariffVersions } from './useTariffs';

const STATUS_COLOUR: Record<string, string> = { draft: 'orange', active: 'green', retired: 'default' };

function NewDraftModal({ versions, onClose }: { versions: TariffVersionSummary[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{
    basedOnId?: number;
    code: string;
    name: string;
    effectiveFrom: Dayjs;
    note?: string;
  }>();
  const create = useCreateTariffDraft();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  return (
    <Modal
      open
      title={t('billing.tariffs.newDraft')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        data-testid="tariff-draft-form"
        onFinish={(v) =>
          create.mutate(
            { ...v, effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD') },
            {
              onSuccess: (d) => navigate(`/billing/tariffs/${d.id}`),
              onError: (e) => {
                if (
                  isApiError(e) &&
                  (e.status === 400 || e.status === 409) &&
                  applyServerErrors(form, e.details).length === 0
                )
                  return;
                notifyError(e);
              },
            },
          )
        }
      >
        <Form.Item name="basedOnId" label={t('billing.tariffs.copyFrom')}>
          <Select
            allowClear
            placeholder={t('billing.tariffs.copyCurrent')}
            options={versions.map((v) => ({ value: v.id, label: `${v.code} · ${v.name}` }))}
          />
        </Form.Item>
        <Form.Item name="code" label={t('billing.tariffs.code')} rules={[{ required: true, max: 40 }]}>
          <Input placeholder="JX-2027-01" />
        </Form.Item>
        <Form.Item name="name" label={t('billing.tariffs.name')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="effectiveFrom"
          label={t('billing.tariffs.effectiveFrom')}
          rules={[{ required: true }]}
        >
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 电价目录: versions by effective date; the one in force today is marked. */
export function TariffsPage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const list = useTariffVersions();
  const [creating, setCreating] = useState(false);
  if (list.error) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <div>
      <PageTitle
        title={t('billing.tariffs.title')}
        sub={t('billing.tariffs.sub')}
        extra={
          can('tariff:admin') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="tariff-new"
            >
              {t('billing.tariffs.newDraft')}
            </Button>
          ) : null
        }
      />
      <Table<TariffVersionSummary>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={false}
        columns={[
          {
            title: t('billing.tariffs.code'),
            dataIndex: 'code',
            render: (v: string, r) => <Link to={`/billing/tariffs/${r.id}`}>{v}</Link>,
          },
          { title: t('billing.tariffs.name'), dataIndex: 'name' },
          { title: t('billing.tariffs.effectiveFrom'), dataIndex: 'effectiveFrom' },
          {
            title: t('billing.tariffs.status'),
            dataIndex: 'status',
            render: (v: string, r) => (
              <>
                <Tag color={STATUS_COLOUR[v]}>{t(`billing.tariffs.statusName.${v}`)}</Tag>
                {r.inForce ? <Tag color="blue">{t('billing.tariffs.inForce')}</Tag> : null}
              </>
            ),
          },
          { title: t('billing.tariffs.createdBy'), dataIndex: 'createdByName' },
          {
            title: t('billing.tariffs.activatedAt'),
            dataIndex: 'activatedAt',
            render: (v: string | null) => formatDateTime(v),
          },
        ]}
      />
      {creating ? (
        <NewDraftModal versions={list.data?.items ?? []} onClose={() => setCreating(false)} />
      ) : null}
    </div>
  );
}
