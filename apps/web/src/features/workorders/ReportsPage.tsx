import { lazy, Suspense } from 'react';
import { Button, Card, Col, DatePicker, Row, Segmented, Skeleton, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { REPORT_GROUPS } from '@gridcare/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../api/client';
import { ErrorResult } from '../../shared/ErrorResult';
import { PageTitle } from '../../shared/PageTitle';
import { usePageParams } from '../../shared/usePageParams';
import { ComplaintsCard } from './ComplaintsCard';
import { RequirePermission } from './RequirePermission';
import type { ReportGroup, WorkOrderReportRow } from './types';
import { pct, percentOf, score, useReportColumns } from './useReportColumns';
import { useWorkOrderReport } from './useWorkOrderReport';
import { useWorkOrderOptions } from './useWorkOrderLabel';

const BarChart = lazy(() => import('./BarChart'));
const isGroup = (v: string | undefined): v is ReportGroup =>
  !!v && (REPORT_GROUPS as readonly string[]).includes(v);

/** 工单报表: a period's orders per type, channel, unit or month with SLA, visits, satisfaction and FCR. */
export function ReportsPage() {
  return (
    <RequirePermission permission="report:read">
      <Reports />
    </RequirePermission>
  );
}

function Reports() {
  const { t } = useTranslation();
  const options = useWorkOrderOptions();
  const pp = usePageParams();
  const from = pp.get('from') ?? dayjs().startOf('month').format('YYYY-MM-DD');
  const to = pp.get('to') ?? dayjs().format('YYYY-MM-DD');
  const groupParam = pp.get('groupBy');
  const groupBy: ReportGroup = isGroup(groupParam) ? groupParam : 'type';
  const params = { from, to, groupBy };
  const { data, isFetching, error, refetch } = useWorkOrderReport(params);
  const { columns, rowLabel } = useReportColumns(groupBy);
  const exportHref = withQuery('/api/workorders/reports/export.xlsx', params);
  const rows = data?.rows ?? [];

  return (
    <div>
      <PageTitle
        title={t('wo.menu.reports')}
        sub={t('wo.report.subtitle')}
        extra={
          <Button icon={<DownloadOutlined />} href={exportHref} download data-testid="report-export">
            {t('wo.desk.export')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(from), dayjs(to)]}
            onChange={(r) =>
              r?.[0] && r[1] && pp.update({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })
            }
            presets={[
              { label: t('wo.report.thisMonth'), value: [dayjs().startOf('month'), dayjs()] },
              {
                label: t('wo.report.lastMonth'),
                value: [
                  dayjs().subtract(1, 'month').startOf('month'),
                  dayjs().subtract(1, 'month').endOf('month'),
                ],
              },
              { label: t('wo.report.thisYear'), value: [dayjs().startOf('year'), dayjs()] },
            ]}
            data-testid="report-period"
          />
          <Segmented
            value={groupBy}
            onChange={(v) => pp.update({ groupBy: v as string })}
            options={options('reportGroup', REPORT_GROUPS)}
            data-testid="report-group"
          />
        </Space>
      </Card>
      {error ? (
        <ErrorResult error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card size="small" title={t('wo.report.chart')}>
              <Suspense fallback={<Skeleton active />}>
                <BarChart
                  categories={rows.map(rowLabel)}
                  series={[
                    {
                      key: 'orders',
                      name: t('wo.report.orders'),
                      data: rows.map((r) => r.orders),
                      colour: '#1664ff',
                    },
                    {
                      key: 'breaches',
                      name: t('wo.report.breaches'),
                      data: rows.map((r) => r.breaches),
                      colour: '#ff4d4f',
                    },
                    {
                      key: 'sla',
                      name: t('wo.report.slaCompliance'),
                      data: rows.map((r) => (r.slaCompliance === null ? null : percentOf(r.slaCompliance))),
                      colour: '#52c41a',
                      percent: true,
                    },
                  ]}
                />
              </Suspense>
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <ComplaintsCard complaints={data.complaints} />
          </Col>
          <Col span={24}>
            <Card size="small">
              <Table<WorkOrderReportRow>
                rowKey="key"
                size="middle"
                loading={isFetching}
                pagination={false}
                columns={columns}
                dataSource={rows}
                scroll={{ x: 900 }}
                data-testid="report-table"
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <Typography.Text strong>{t('wo.board.total')}</Typography.Text>
                    </Table.Summary.Cell>
                    {[
                      data.total.orders,
                      data.total.closed,
                      pct(data.total.slaCompliance),
                      data.total.breaches,
                      pct(data.total.returnVisitRate),
                      score(data.total.satisfaction),
                      pct(data.total.firstContactResolution),
                    ].map((v, i) => (
                      <Table.Summary.Cell key={i} index={i + 1} align="right">
                        <Typography.Text strong>{v}</Typography.Text>
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                )}
              />
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}
