import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../shared/ErrorResult';
import { PageTitle } from '../../shared/PageTitle';
import { useEnumLabel } from '../../shared/useEnumLabel';
import { useNotifyError } from '../../shared/useNotifyError';
import { RequirePermission } from './RequirePermission';
import { RoutingRuleModal, type RoutingRuleModalState } from './RoutingRuleModal';
import type { RoutingRuleView } from './types';
import { useDeleteRoutingRule } from './useDeleteRoutingRule';
import { useRoutingRules } from './useRoutingRules';
import { useWorkOrderLabel } from './useWorkOrderLabel';

/** 派单规则: which department or unit receives which orders; the most specific matching rule wins. */
export function RoutingRulesPage() {
  return (
    <RequirePermission permission="config:admin">
      <RoutingRules />
    </RequirePermission>
  );
}

function RoutingRules() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useWorkOrderLabel();
  const enumLabel = useEnumLabel();
  const notifyError = useNotifyError();
  const { data, isFetching, error, refetch } = useRoutingRules();
  const remove = useDeleteRoutingRule();
  const [modal, setModal] = useState<RoutingRuleModalState>(null);
  const any = <Typography.Text type="secondary">{t('wo.routing.any')}</Typography.Text>;

  return (
    <div>
      <PageTitle
        title={t('wo.menu.routing')}
        sub={t('wo.routing.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setModal({})}
            data-testid="routing-create"
          >
            {t('wo.routing.create')}
          </Button>
        }
      />
      <Card>
        {error ? (
          <ErrorResult error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<RoutingRuleView>
            rowKey="id"
            size="middle"
            loading={isFetching}
            dataSource={data ?? []}
            pagination={false}
            scroll={{ x: 1420 }}
            data-testid="routing-table"
            columns={[
              {
                title: t('wo.routing.priority'),
                dataIndex: 'priority',
                width: 80,
                sorter: (a, b) => a.priority - b.priority,
              },
              {
                title: t('wo.col.type'),
                dataIndex: 'type',
                width: 110,
                render: (v: string | null) => (v ? label('type', v) : any),
              },
              {
                title: t('wo.form.subCategory'),
                dataIndex: 'subCategory',
                width: 130,
                render: (v: string | null) => (v ? label('subCategory', v) : any),
              },
              {
                title: t('wo.routing.orgUnit'),
                dataIndex: 'orgUnitName',
                width: 160,
                render: (v: string | null) => v ?? any,
              },
              {
                title: t('premise.areaClass'),
                dataIndex: 'areaClass',
                width: 100,
                render: (v: string | null) => (v ? enumLabel('areaClass', v) : any),
              },
              {
                title: t('customer.importanceTier'),
                dataIndex: 'customerTier',
                width: 110,
                render: (v: string | null) => (v ? enumLabel('importanceTier', v) : any),
              },
              {
                title: t('wo.routing.target'),
                key: 'target',
                width: 200,
                render: (_: unknown, r) => (
                  <Space size={4} wrap>
                    {r.toServicePointOffice ? <Tag color="blue">{t('wo.routing.toOffice')}</Tag> : null}
                    {r.targetDepartment ? (
                      <Tag color="geekblue">{enumLabel('deptKind', r.targetDepartment)}</Tag>
                    ) : null}
                  </Space>
                ),
              },
              {
                title: t('wo.routing.active'),
                dataIndex: 'active',
                width: 80,
                render: (v: boolean) =>
                  v ? <Tag color="success">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>,
              },
              { title: t('wo.routing.note'), dataIndex: 'note', width: 220, ellipsis: true },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 150,
                fixed: 'right',
                render: (_: unknown, r) => (
                  <Space size={0}>
                    <Button
                      type="link"
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setModal({ rule: r })}
                      data-testid="routing-edit"
                    >
                      {t('common.edit')}
                    </Button>
                    <Popconfirm
                      title={t('wo.routing.removeConfirm')}
                      onConfirm={() =>
                        remove.mutate(r.id, {
                          onSuccess: () => void message.success(t('wo.routing.removed')),
                          onError: notifyError,
                        })
                      }
                    >
                      <Button
                        type="link"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        data-testid="routing-remove"
                      >
                        {t('common.remove')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <RoutingRuleModal key={modal?.rule?.id ?? 'new'} state={modal} onClose={() => setModal(null)} />
    </div>
  );
}
