import { useState, type Key } from 'react';
import { Button, Card, Space, Table, Typography } from 'antd';
import { FilterOutlined, UserAddOutlined } from '@ant-design/icons';
import type { UnassignedCustomer } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ClassTag, TierTag, VipTag } from '../../shared/CustomerTags';
import { ErrorResult } from '../../shared/ErrorResult';
import { PageTitle } from '../../shared/PageTitle';
import { usePageParams } from '../../shared/usePageParams';
import { OrgUnitSelect } from '../org/OrgUnitSelect';
import { BulkAssignModal, type BulkTarget } from './BulkAssignModal';
import { useUnassigned } from './useUnassigned';

/** 未分配客户: customers that must have an account manager (important, key, VIP, HV) but have none. */
export function UnassignedPage() {
  const { t } = useTranslation();
  const pp = usePageParams();
  const orgUnitId = pp.get('orgUnitId');
  const { data, isFetching, error, refetch } = useUnassigned({
    orgUnitId,
    page: pp.page,
    pageSize: pp.pageSize,
  });
  const [selected, setSelected] = useState<Key[]>([]);
  const [target, setTarget] = useState<BulkTarget | null>(null);

  return (
    <div>
      <PageTitle
        title={t('menu.unassigned')}
        sub={t('unassigned.subtitle')}
        extra={
          <>
            <Button
              icon={<FilterOutlined />}
              onClick={() =>
                setTarget({ kind: 'filter', orgUnitId: orgUnitId ? Number(orgUnitId) : undefined })
              }
              data-testid="bulk-by-filter"
            >
              {t('unassigned.assignByFilter')}
            </Button>
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              disabled={!selected.length}
              onClick={() => setTarget({ kind: 'selected', customerIds: selected.map(Number) })}
              data-testid="bulk-assign"
            >
              {t('unassigned.assignSelected', { count: selected.length })}
            </Button>
          </>
        }
      />
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <OrgUnitSelect
            allowClear
            placeholder={t('customer.orgUnit')}
            value={orgUnitId ? Number(orgUnitId) : undefined}
            onChange={(v) => pp.update({ orgUnitId: v })}
            style={{ width: 240 }}
            data-testid="filter-org"
          />
          {selected.length > 0 && (
            <Typography.Link onClick={() => setSelected([])}>
              {t('unassigned.clearSelection', { count: selected.length })}
            </Typography.Link>
          )}
        </Space>
        {error ? (
          <ErrorResult error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<UnassignedCustomer>
            rowKey="id"
            size="middle"
            loading={isFetching}
            dataSource={data?.items ?? []}
            pagination={pp.pagination(data?.total, data?.totalCapped)}
            rowSelection={{ selectedRowKeys: selected, onChange: setSelected, preserveSelectedRowKeys: true }}
            locale={{ emptyText: t('unassigned.empty') }}
            data-testid="unassigned-table"
            columns={[
              { title: t('customer.customerNo'), dataIndex: 'customerNo', width: 150 },
              {
                title: t('customer.name'),
                dataIndex: 'name',
                render: (v: string, r) => <Link to={`/customers/${r.id}`}>{v}</Link>,
              },
              {
                title: t('customer.customerClass'),
                dataIndex: 'customerClass',
                width: 110,
                render: (v: string) => <ClassTag value={v} />,
              },
              {
                title: t('customer.importanceTier'),
                dataIndex: 'importanceTier',
                width: 110,
                render: (v: string) => <TierTag value={v} />,
              },
              { title: 'VIP', dataIndex: 'vip', width: 80, render: (v: boolean) => <VipTag vip={v} /> },
              { title: t('customer.orgUnit'), dataIndex: 'orgUnitName', width: 180 },
              { title: t('customer.industryCode'), dataIndex: 'industryCode', width: 110 },
            ]}
          />
        )}
      </Card>
      <BulkAssignModal
        target={target}
        onClose={() => setTarget(null)}
        onDone={() => {
          setTarget(null);
          setSelected([]);
        }}
      />
    </div>
  );
}
