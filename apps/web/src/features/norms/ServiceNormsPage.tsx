import { useEffect, useState } from 'react';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { NORM_CATEGORIES, type ServiceNorm } from '@gridcare/contracts';
import { WORK_ORDER_TYPES } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../shared/ErrorResult';
import { PageTitle } from '../../shared/PageTitle';
import { useEnumLabel } from '../../shared/useEnumLabel';
import { useNotifyError } from '../../shared/useNotifyError';
import { usePageParams } from '../../shared/usePageParams';
import { usePermissions } from '../auth/usePermissions';
import { NormFormModal, type NormModalState } from './NormFormModal';
import { NormStandard } from './NormStandard';
import { useNormLabels } from './useNormLabels';
import { useRetireServiceNorm } from './useRetireServiceNorm';
import { useServiceNorms } from './useServiceNorms';

const STATUSES = ['active', 'inactive', 'all'] as const;

/** 服务规范: the service centre's work-process manual — nine categories of norms with scripts and limits. */
export function ServiceNormsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useEnumLabel();
  const labels = useNormLabels();
  const notifyError = useNotifyError();
  const { can } = usePermissions();
  const isAdmin = can('config:admin');
  const pp = usePageParams(50);
  const q = pp.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const status = (STATUSES as readonly string[]).includes(pp.get('status') ?? '')
    ? (pp.get('status') as (typeof STATUSES)[number])
    : 'active';
  const { data, isFetching, error, refetch } = useServiceNorms({
    category: pp.get('category'),
    type: pp.get('type'),
    q: q || undefined,
    status,
    page: pp.page,
    pageSize: pp.pageSize,
  });
  const retire = useRetireServiceNorm();
  const [modal, setModal] = useState<NormModalState>(null);

  return (
    <div>
      <PageTitle
        title={t('norms.pageTitle')}
        sub={t('norms.subtitle')}
        extra={
          isAdmin ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setModal({ mode: 'create' })}
              data-testid="norm-create"
            >
              {t('norms.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('norms.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => pp.update({ q: v.trim() || undefined })}
            style={{ width: 280 }}
            data-testid="norm-search"
          />
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('norms.categoryLabel')}
            value={pp.get('category')}
            onChange={(v) => pp.update({ category: v })}
            options={NORM_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
            data-testid="norm-filter-category"
          />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('norms.appliesTo')}
            value={pp.get('type')}
            onChange={(v) => pp.update({ type: v })}
            options={WORK_ORDER_TYPES.map((v) => ({ value: v, label: labels.type(v) }))}
            data-testid="norm-filter-type"
          />
          {isAdmin && (
            <Select
              style={{ width: 120 }}
              value={status}
              onChange={(v) => pp.update({ status: v === 'active' ? undefined : v })}
              options={STATUSES.map((s) => ({ value: s, label: t(`norms.status.${s}`) }))}
              data-testid="norm-filter-status"
            />
          )}
        </Space>
        {error ? (
          <ErrorResult error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<ServiceNorm>
            rowKey="id"
            size="middle"
            loading={isFetching}
            dataSource={data?.items ?? []}
            pagination={pp.pagination(data?.total)}
            expandable={{
              expandedRowRender: (n) => <NormStandard text={n.standard} />,
              expandRowByClick: true,
            }}
            data-testid="norms-table"
            columns={[
              { title: t('norms.code'), dataIndex: 'code', width: 90 },
              {
                title: t('norms.categoryLabel'),
                dataIndex: 'category',
                width: 150,
                render: (v: string) => labels.category(v),
              },
              {
                title: t('norms.title'),
                dataIndex: 'title',
                render: (v: string, n) => (
                  <Space size={4}>
                    <Typography.Text strong>{v}</Typography.Text>
                    {!n.active && <Tag>{t('norms.status.inactive')}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('norms.responsibleRole'),
                dataIndex: 'responsibleRole',
                width: 110,
                render: (v: string) => label('role', v),
              },
              { title: t('norms.timeLimit'), dataIndex: 'timeLimitText', width: 220 },
              {
                title: t('norms.appliesTo'),
                dataIndex: 'appliesToTypes',
                width: 200,
                render: (types: string[]) => (
                  <Space size={[4, 4]} wrap>
                    {types.map((v) => (
                      <Tag key={v}>{labels.type(v)}</Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: t('norms.assisting'),
                dataIndex: 'assistingDepartments',
                width: 160,
                render: (ds: string[]) => ds.map((d) => label('deptKind', d)).join('、'),
              },
              ...(isAdmin
                ? [
                    {
                      title: t('common.actions'),
                      width: 110,
                      render: (_: unknown, n: ServiceNorm) => (
                        <Space size={0} onClick={(e) => e.stopPropagation()}>
                          <Button
                            type="link"
                            size="small"
                            icon={<EditOutlined />}
                            onClick={() => setModal({ mode: 'edit', norm: n })}
                            aria-label={t('common.edit')}
                            data-testid="norm-edit"
                          />
                          {n.active && (
                            <Popconfirm
                              title={t('norms.retireConfirm', { code: n.code })}
                              onConfirm={() =>
                                retire.mutate(n, {
                                  onSuccess: () => void message.success(t('norms.retired')),
                                  onError: notifyError,
                                })
                              }
                            >
                              <Button
                                type="link"
                                size="small"
                                danger
                                icon={<DeleteOutlined />}
                                aria-label={t('norms.retire')}
                                data-testid="norm-retire"
                              />
                            </Popconfirm>
                          )}
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <NormFormModal state={modal} onClose={() => setModal(null)} />
    </div>
  );
}
