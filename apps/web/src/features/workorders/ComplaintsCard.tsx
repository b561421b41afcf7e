import { Card, Col, Row, Statistic } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { percentOf } from './useReportColumns';
import type { WorkOrderReport } from './types';

/** 投诉同比: complaints in the period against the same period a year earlier (fewer is better). */
export function ComplaintsCard({ complaints }: { complaints: WorkOrderReport['complaints'] }) {
  const { t } = useTranslation();
  const change = complaints.change;
  const up = change !== null && change > 0;
  return (
    <Card title={t('wo.report.complaintsYoY')} size="small" data-testid="report-complaints">
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title={t('wo.report.current')} value={complaints.current} />
        </Col>
        <Col span={8}>
          <Statistic title={t('wo.report.previousYear')} value={complaints.previousYear} />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('wo.report.change')}
            value={change === null ? '—' : Math.abs(percentOf(change))}
            suffix={change === null ? undefined : '%'}
            prefix={change === null ? undefined : up ? <ArrowUpOutlined /> : <ArrowDownOutlined />}
            styles={{ content: { color: change === null ? undefined : up ? '#cf1322' : '#3f8600' } }}
          />
        </Col>
      </Row>
    </Card>
  );
}
