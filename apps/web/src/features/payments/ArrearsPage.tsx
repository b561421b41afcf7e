// 欠费清单: accounts in arrears in the caller's scope, by ageing bucket, with the late fee to date.
import { Button, Card, Col, Flex, Input, Row as AntRow, Statistic, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ArrearsRow } from '@gridcare/contracts';
import { withQuery } from '../../api/client';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorResult } from '../../shared/ErrorResult';
import { usePageParams } from '../../shared/usePageParams';
import { formatYuan } from './money';
import { useArrears } from './usePaymentsApi';

const BUCKET_COLOUR: Record<string, string> = {
  not_due: 'default',
  d1_30: 'gold',
  d31_90: 'orange',
  d91_180: 'volcano',
  d181_365: 'red',
  over_365: 'magenta',
};

export function ArrearsPage() {
  const { t } = useTranslation();
  const p = usePageParams();
  const filters = { q: p.get('q'), bucket: p.get('bucket') };
  const { data, error, isFetching, refetch } = useArrears({ page: p.page, pageSize: p.pageSize, ...filters });
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageTitle
        title={t('payments.arrears.title')}
        sub={data ? t('payments.arrears.asOf', { date: data.asOf }) : undefined}
        extra={
          <Button icon={<DownloadOutlined />} href={withQuery('/api/payments/arrears.xlsx', filters)}>
            {t('payments.export')}
          </Button>
        }
      />
      <AntRow gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {(data?.buckets ?? []).map((b) => (
          <Col key={b.bucket} xs={12} md={4}>
            <Card
              size="small"
              hoverable
              onClick={() => p.update({ bucket: p.get('bucket') === b.bucket ? undefined : b.bucket })}
              style={p.get('bucket') === b.bucket ? { borderColor: '#1677ff' } : undefined}
              data-testid={`bucket-${b.bucket}`}
            >
              <Statistic
                title={t(`payments.bucket.${b.bucket}`)}
                value={b.accounts}
                suffix={t('payments.arrears.accounts')}
              />
              <div style={{ color: '#888' }}>¥ {formatYuan(b.principalFen)}</div>
            </Card>
          </Col>
        ))}
      </AntRow>
      <Card size="small">
        <Flex style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            defaultValue={p.get('q')}
            placeholder={t('payments.post.accountNo')}
            style={{ width: 280 }}
            onSearch={(q) => p.update({ q })}
          />
        </Flex>
        <Table<ArrearsRow>
          size="small"
          rowKey="accountId"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={p.pagination(data?.total)}
          columns={[
            { title: t('payments.list.account'), render: (_, r) => `${r.accountNo} ${r.customerName}` },
            { title: t('payments.arrears.unit'), dataIndex: 'orgUnitName' },
            { title: t('payments.arrears.bills'), dataIndex: 'bills', align: 'right' },
            {
              title: t('payments.bill.outstanding'),
              align: 'right',
              render: (_, r) => formatYuan(r.principalFen),
            },
            { title: t('payments.bill.lateFee'), align: 'right', render: (_, r) => formatYuan(r.lateFeeFen) },
            { title: t('payments.arrears.oldestDue'), dataIndex: 'oldestDueDate' },
            { title: t('payments.bill.overdue'), align: 'right', render: (_, r) => r.daysOverdue },
            {
              title: t('payments.arrears.bucket'),
              render: (_, r) => <Tag color={BUCKET_COLOUR[r.bucket]}>{t(`payments.bucket.${r.bucket}`)}</Tag>,
            },
          ]}
        />
      </Card>
    </>
  );
}
