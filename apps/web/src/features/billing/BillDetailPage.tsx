import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../shared/ErrorResult';
import { formatDateTime } from '../../shared/format';
import { PageTitle } from '../../shared/PageTitle';
import { usePermissions } from '../auth/usePermissions';
import { AdjustmentDraftModal } from './AdjustmentDraftModal';
import { AdjustmentsTable } from './AdjustmentsTable';
import { BillLinesTable } from './BillLinesTable';
import { BillStatusTag } from './BillStatusTag';
import { formatYuan } from './money';
import type { BillDetail } from './types';
import { useAdjustments } from './useAdjustments';
import { useBill } from './useBills';

/** The power-factor line in words: actual cosφ, the standard, the percentage added or credited. */
function PowerFactorNote({ bill }: { bill: BillDetail }) {
  const { t } = useTranslation();
  const line = bill.lines.find((l) => l.code === 'power_factor');
  if (!line) return null;
  const pct = Number(line.price) * 100;
  const percent = `${pct > 0 ? '+' : ''}${pct.toFixed(2).replace(/\.?0+$/, '')}%`;
  return (
    <Alert
      type={pct > 0 ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="pf-note"
      message={`${t('billing.detail.powerFactor')}：${t('billing.detail.pfExplain', {
        cos: String(line.detail?.cosPhi ?? bill.powerFactor ?? ''),
        standard: String(line.detail?.standard ?? ''),
        percent,
      })}`}
      description={line.rule}
    />
  );
}

export function BillDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const bill = useBill(id);
  const adjustments = useAdjustments({ billId: id, page: 1, pageSize: 50 });
  const { can } = usePermissions();
  const [drafting, setDrafting] = useState(false);
  if (bill.error) return <ErrorResult error={bill.error} onRetry={() => void bill.refetch()} />;
  if (!bill.data) return <Skeleton active />;
  const b = bill.data;
  const live = b.status !== 'superseded' && b.status !== 'cancelled';
  return (
    <div>
      <PageTitle
        title={t('billing.detail.title', { billNo: b.billNo })}
        sub={<BillStatusTag status={b.status} />}
        extra={
          live && can('billing:run') ? (
            <Button onClick={() => setDrafting(true)} data-testid="draft-adjustment">
              {t('billing.detail.adjust')}
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('billing.bills.customer')}>
            <Link to={`/customers/${b.customerId}`}>{b.customerName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('billing.bills.accountNo')}>{b.accountNo}</Descriptions.Item>
          <Descriptions.Item label={t('billing.bills.orgUnit')}>{b.orgUnitName}</Descriptions.Item>
          <Descriptions.Item label={t('billing.bills.period')}>
            {b.period}
            {b.settlement === 2 ? ` ${t('billing.bills.interim')}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('billing.detail.periodRange')}>
            {b.periodStart} ~ {b.periodEnd}
          </Descriptions.Item>
          <Descriptions.Item label={t('billing.bills.category')}>
            {t(`billing.category.${b.tariffCategory}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('billing.bills.energy')}>
            {b.energyKwh} {b.estimated ? <Tag>{t('billing.bills.estimated')}</Tag> : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('billing.bills.total')}>
            <strong data-testid="bill-total">{formatYuan(b.totalFen)}</strong>
          </Descriptions.Item>
          <Descriptions.Item label={t('billing.bills.paid')}>{formatYuan(b.paidFen)}</Descriptions.Item>
          <Descriptions.Item label={t('billing.bills.dueDate')}>{b.dueDate}</Descriptions.Item>
          <Descriptions.Item label={t('billing.detail.issuedAt')}>
            {formatDateTime(b.issuedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('billing.detail.tariff')}>
            {b.tariffVersion ? (
              <Link to={`/billing/tariffs/${b.tariffVersion.id}`}>
                {b.tariffVersion.code} · {b.tariffVersion.name}
              </Link>
            ) : null}
          </Descriptions.Item>
          {b.supersedesId ? (
            <Descriptions.Item label={t('billing.detail.supersedes')}>
              <Link to={`/billing/bills/${b.supersedesId}`}>#{b.supersedesId}</Link>
            </Descriptions.Item>
          ) : null}
          {b.supersededById ? (
            <Descriptions.Item label={t('billing.detail.supersededBy')}>
              <Link to={`/billing/bills/${b.supersededById}`}>#{b.supersededById}</Link>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={t('billing.detail.explain')}
        extra={t('billing.detail.explainSub')}
        style={{ marginBottom: 12 }}
      >
        <PowerFactorNote bill={b} />
        <BillLinesTable
          lines={b.lines}
          formulas={b.explanation.map((e) => e.formula)}
          totalFen={b.totalFen}
          testId="bill-lines"
        />
      </Card>
      <Card size="small" title={t('billing.detail.readings')} style={{ marginBottom: 12 }}>
        {b.readings.length === 0 ? (
          t('billing.detail.noReadings')
        ) : (
          <Table
            size="small"
            rowKey={(r) => `${r.meterId}-${r.register}`}
            pagination={false}
            dataSource={b.readings}
            columns={[
              {
                title: t('billing.detail.register'),
                dataIndex: 'register',
                render: (v: string) => t(`billing.register.${v}`),
              },
              { title: 'No.', dataIndex: 'meterAssetNo' },
              { title: t('billing.detail.readOn'), dataIndex: 'readOn' },
              { title: t('billing.detail.previous'), dataIndex: 'previousValue', align: 'right' },
              { title: t('billing.detail.value'), dataIndex: 'value', align: 'right' },
              { title: t('billing.detail.multiplier'), dataIndex: 'multiplier', align: 'right' },
              { title: t('billing.detail.consumption'), dataIndex: 'consumption', align: 'right' },
              {
                title: t('billing.detail.source'),
                dataIndex: 'source',
                render: (v: string, r) =>
                  r.status === 'estimated' ? <Tag>{t('billing.bills.estimated')}</Tag> : v,
              },
            ]}
          />
        )}
      </Card>
      {adjustments.data && adjustments.data.items.length > 0 ? (
        <Card size="small" title={t('billing.detail.adjustments')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <AdjustmentsTable items={adjustments.data.items} />
          </Space>
        </Card>
      ) : null}
      {drafting ? <AdjustmentDraftModal bill={b} onClose={() => setDrafting(false)} /> : null}
    </div>
  );
}
