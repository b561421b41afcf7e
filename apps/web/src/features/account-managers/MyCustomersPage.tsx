import { useEffect, useState, type HTMLAttributes } from 'react';
import { Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { MyCustomer } from '../../api/types';
import { ClassTag, TierTag, VipTag } from '../../shared/CustomerTags';
import { ErrorResult } from '../../shared/ErrorResult';
import { formatDate, formatDateTime } from '../../shared/format';
import { PageTitle } from '../../shared/PageTitle';
import { usePageParams } from '../../shared/usePageParams';
import { MySummaryCards } from './MySummaryCards';
import { useMyCustomers } from './useMyCustomers';

/** 我的客户: the manager's summary and the customers they look after. */
export function MyCustomersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pp = usePageParams();
  const q = pp.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const { data, isFetching, error, refetch } = useMyCustomers({
    q: q || undefined,
    page: pp.page,
    pageSize: pp.pageSize,
  });

  return (
    <div>
      <PageTitle title={t('menu.myCustomers')} sub={t('my.subtitle')} />
      <MySummaryCards />
      <Card style={{ marginTop: 16 }}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('my.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => pp.update({ q: v.trim() || undefined })}
            style={{ width: 320 }}
            data-testid="my-search"
          />
        </Space>
        {error ? (
          <ErrorResult error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<MyCustomer>
            rowKey="id"
            size="middle"
            loading={isFetching}
            dataSource={data?.items ?? []}
            pagination={pp.pagination(data?.total)}
            locale={{ emptyText: t('my.empty') }}
            onRow={(r) =>
              ({
                onClick: () => navigate(`/customers/${r.id}`),
                className: 'gc-clickable-row',
                'data-testid': 'my-customer-row',
              }) as HTMLAttributes<HTMLElement>
            }
            data-testid="my-customers"
            columns={[
              { title: t('customer.customerNo'), dataIndex: 'customerNo', width: 150 },
              {
                title: t('customer.name'),
                dataIndex: 'name',
                render: (v: string) => <Typography.Link>{v}</Typography.Link>,
              },
              {
                title: t('customer.customerClass'),
                dataIndex: 'customerClass',
                width: 110,
                render: (v?: string) => (v ? <ClassTag value={v} /> : null),
              },
              {
                title: t('customer.importanceTier'),
                dataIndex: 'importanceTier',
                width: 110,
                render: (v?: string) => (v ? <TierTag value={v} /> : null),
              },
              { title: 'VIP', dataIndex: 'vip', width: 80, render: (v?: boolean) => <VipTag vip={v} /> },
              {
                title: t('my.nextVisitDue'),
                dataIndex: 'nextVisitDue',
                width: 160,
                render: (v: string | null | undefined, r) => (
                  <Space size={4}>
                    {formatDate(v) || '—'}
                    {r.overdue ? <Tag color="red">{t('visit.overdue')}</Tag> : null}
                  </Space>
                ),
              },
              {
                title: t('my.lastVisit'),
                dataIndex: 'lastVisitAt',
                width: 160,
                render: (v?: string | null) => formatDateTime(v) || t('my.neverVisited'),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
