import { useEffect, useState, type HTMLAttributes } from 'react';
import { Button, Card, Empty, Input, Space, Table } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { CustomerSummary } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { toQueryString } from '../../api/client';
import { ErrorResult } from '../../shared/ErrorResult';
import { PageTitle } from '../../shared/PageTitle';
import { usePageParams } from '../../shared/usePageParams';
import { usePermissions } from '../auth/usePermissions';
import { CustomerFilters } from './CustomerFilters';
import { useCustomerColumns } from './useCustomerColumns';
import { useCustomerSearch } from './useCustomerSearch';

const FILTER_KEYS = ['customerClass', 'importanceTier', 'vip', 'orgUnitId'] as const;

export function CustomerSearchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const pp = usePageParams();
  const q = pp.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  // Filters apply to browsing; a typed search looks across everything the user may see.
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, q ? undefined : pp.get(k)]));
  const query = { q: q || undefined, ...filters, page: pp.page, pageSize: pp.pageSize };
  const { data, isFetching, error, refetch } = useCustomerSearch(query);
  const columns = useCustomerColumns({ matchedBy: !!q });
  const exportHref = `/api/customers/export.xlsx?${toQueryString({ q: q || undefined, ...filters })}`;

  return (
    <div>
      <PageTitle
        title={t('search.title')}
        sub={t('search.subtitle')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={exportHref} download data-testid="export-button">
              {t('search.export')}
            </Button>
            {can('customer:write') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/customers/new')}
                data-testid="new-customer"
              >
                {t('menu.newCustomer')}
              </Button>
            )}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Input.Search
            size="large"
            allowClear
            enterButton={t('search.button')}
            placeholder={t('search.placeholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => pp.update({ q: v.trim() || undefined })}
            data-testid="search-input"
            autoFocus
          />
          {!q && (
            <CustomerFilters
              values={Object.fromEntries(FILTER_KEYS.map((k) => [k, pp.get(k)]))}
              onChange={(c) => pp.update(c)}
            />
          )}
        </Space>
      </Card>
      <Card>
        {error ? (
          <ErrorResult error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<CustomerSummary>
            rowKey="id"
            size="middle"
            loading={isFetching}
            columns={columns}
            dataSource={data?.items ?? []}
            pagination={pp.pagination(data?.total, data?.totalCapped)}
            onRow={(r) =>
              ({
                onClick: () => navigate(`/customers/${r.id}`),
                className: 'gc-clickable-row',
                'data-testid': 'customer-row',
                'data-customer-id': r.id,
              }) as HTMLAttributes<HTMLElement>
            }
            locale={{ emptyText: <Empty description={q ? t('search.noMatch', { q }) : t('search.empty')} /> }}
            scroll={{ x: 1000 }}
            data-testid="customer-table"
          />
        )}
      </Card>
    </div>
  );
}
