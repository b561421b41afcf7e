import { Button, Card, DatePicker, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { TARIFF_CATEGORY_LIST } from '@gridcare/domain';
import { withQuery } from '../../api/client';
import { ErrorResult } from '../../shared/ErrorResult';
import { PageTitle } from '../../shared/PageTitle';
import { usePageParams } from '../../shared/usePageParams';
import { BillStatusTag } from './BillStatusTag';
import { formatYuan } from './money';
import type { BillSummary } from './types';
import { useBills } from './useBills';

const STATUSES = ['issued', 'partially_paid', 'paid', 'superseded', 'cancelled'];

/** 电费账单: filters in the URL, server paging, Excel export of the same filters. */
export function BillsPage() {
  const { t } = useTranslation();
  const pp = usePageParams();
  const filters = {
    period: pp.get('period'),
    status: pp.get('status'),
    unpaid: pp.get('unpaid'),
    accountNo: pp.get('accountNo'),
    billNo: pp.get('billNo'),
    tariffCategory: pp.get('tariffCategory'),
    runId: pp.get('runId'),
    customerId: pp.get('customerId'),
  };
  const bills = useBills({ ...filters, page: pp.page, pageSize: pp.pageSize });
  if (bills.error) return <ErrorResult error={bills.error} onRetry={() => void bills.refetch()} />;
  return (
    <div>
      <PageTitle
        title={t('billing.bills.title')}
        sub={t('billing.bills.sub')}
        extra={
          <Button
            icon={<FileExcelOutlined />}
            href={withQuery('/api/billing/bills.xlsx', filters)}
            download
            data-testid="bills-export"
          >
            {t('billing.bills.export')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <DatePicker
            picker="month"
            placeholder={t('billing.bills.period')}
            value={filters.period ? dayjs(filters.period + '-01') : null}
            onChange={(d) => pp.update({ period: d ? d.format('YYYY-MM') : undefined })}
            data-testid="bills-period"
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('billing.bills.status')}
            value={filters.status}
            onChange={(v) => pp.update({ status: v })}
            options={STATUSES.map((s) => ({ value: s, label: t(`billing.status.${s}`) }))}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('billing.bills.category')}
            value={filters.tariffCategory}
            onChange={(v) => pp.update({ tariffCategory: v })}
            options={TARIFF_CATEGORY_LIST.map((c) => ({ value: c, label: t(`billing.category.${c}`) }))}
          />
          <Input.Search
            allowClear
            style={{ width: 200 }}
            placeholder={t('billing.bills.accountNo')}
            defaultValue={filters.accountNo}
            onSearch={(v) => pp.update({ accountNo: v.trim() })}
            data-testid="bills-account"
          />
          <Input.Search
            allowClear
            style={{ width: 240 }}
            placeholder={t('billing.bills.billNo')}
            defaultValue={filters.billNo}
            onSearch={(v) => pp.update({ billNo: v.trim() })}
          />
          <Space>
            <Switch
              checked={filters.unpaid === 'true'}
              onChange={(on) => pp.update({ unpaid: on ? 'true' : undefined })}
            />
            {t('billing.bills.unpaidOnly')}
          </Space>
        </Space>
      </Card>
      <Table<BillSummary>
        rowKey="id"
        size="small"
        loading={bills.isLoading}
        dataSource={bills.data?.items}
        pagination={pp.pagination(bills.data?.total, bills.data?.totalCapped)}
        data-testid="bills-table"
        columns={[
          {
            title: t('billing.bills.billNo'),
            dataIndex: 'billNo',
            render: (v: string, r) => (
              <Space size={4}>
                <Link to={`/billing/bills/${r.id}`}>{v}</Link>
                {r.kind === 'rebill' ? <Tag color="purple">{t('billing.bills.rebill')}</Tag> : null}
                {r.estimated ? <Tag>{t('billing.bills.estimated')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('billing.bills.period'),
            dataIndex: 'period',
            render: (v: string, r) => (r.settlement === 2 ? `${v} ${t('billing.bills.interim')}` : v),
          },
          { title: t('billing.bills.accountNo'), dataIndex: 'accountNo' },
          {
            title: t('billing.bills.customer'),
            dataIndex: 'customerName',
            render: (v: string, r) => <Link to={`/customers/${r.customerId}`}>{v}</Link>,
          },
          {
            title: t('billing.bills.category'),
            dataIndex: 'tariffCategory',
            render: (v: string) => t(`billing.category.${v}`),
          },
          { title: t('billing.bills.energy'), dataIndex: 'energyKwh', align: 'right' },
          {
            title: t('billing.bills.total'),
            dataIndex: 'totalFen',
            align: 'right',
            render: (v: number) => formatYuan(v),
          },
          {
            title: t('billing.bills.paid'),
            dataIndex: 'paidFen',
            align: 'right',
            render: (v: number) => formatYuan(v),
          },
          {
            title: t('billing.bills.status'),
            dataIndex: 'status',
            render: (v: string) => <BillStatusTag status={v} />,
          },
          { title: t('billing.bills.dueDate'), dataIndex: 'dueDate' },
        ]}
      />
    </div>
  );
}
