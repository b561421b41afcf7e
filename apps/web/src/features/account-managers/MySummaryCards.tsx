import { lazy, Suspense } from 'react';
import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import { CalendarOutlined, CheckCircleOutlined, ContactsOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { asPercent } from '../../shared/format';
import { useMySummary } from './useMySummary';

const CompletionGauge = lazy(() => import('./CompletionGauge'));

/** Customers, visits planned / done this month, overdue, and the completion-rate gauge. */
export function MySummaryCards() {
  const { t } = useTranslation();
  const { data, isPending, error } = useMySummary();
  if (error) return null;
  if (isPending || !data) return <Skeleton active />;
  const pct = asPercent(data.visitCompletionRate);
  return (
    <Row gutter={[16, 16]} data-testid="my-summary">
      <Col xs={12} lg={5}>
        <Card style={{ height: '100%' }}>
          <Statistic title={t('my.customers')} value={data.customers} prefix={<ContactsOutlined />} />
        </Card>
      </Col>
      <Col xs={12} lg={5}>
        <Card style={{ height: '100%' }}>
          <Statistic
            title={t('my.plannedThisMonth')}
            value={data.plannedThisMonth}
            prefix={<CalendarOutlined />}
          />
        </Card>
      </Col>
      <Col xs={12} lg={5}>
        <Card style={{ height: '100%' }}>
          <Statistic
            title={t('my.doneThisMonth')}
            value={data.doneThisMonth}
            prefix={<CheckCircleOutlined />}
            styles={{ content: { color: '#389e0d' } }}
          />
        </Card>
      </Col>
      <Col xs={12} lg={5}>
        <Card style={{ height: '100%' }}>
          <Statistic
            title={t('my.overdue')}
            value={data.overdue}
            prefix={<WarningOutlined />}
            styles={{ content: { color: data.overdue ? '#cf1322' : undefined } }}
            data-testid="my-overdue"
          />
        </Card>
      </Col>
      <Col xs={24} lg={4}>
        <Card style={{ height: '100%' }} styles={{ body: { padding: 4 } }}>
          <Suspense fallback={<Skeleton.Node active style={{ height: 120 }} />}>
            <CompletionGauge percent={pct} label={t('my.completionRate')} />
          </Suspense>
        </Card>
      </Col>
    </Row>
  );
}
