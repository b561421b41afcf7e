import { Alert, Button, Card, Descriptions, Progress, Table } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatYuan } from './money';
import type { BillRun } from './types';
import { isRunActive, useBillRun, useCancelBillRun, useResumeBillRun } from './useBillRuns';

/** The live progress of one run (polled every second while it runs) and its outcome. */
export function BillRunProgress({ runId }: { runId: number }) {
  const { t } = useTranslation();
  const run = useBillRun(runId);
  const cancel = useCancelBillRun();
  const resume = useResumeBillRun();
  const r: BillRun | undefined = run.data;
  if (!r) return null;
  const status = r.status === 'failed' ? 'exception' : r.status === 'completed' ? 'success' : 'active';
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={`#${r.id} · ${r.period} · ${r.orgUnitName ?? r.readingBook ?? ''}`}
      extra={
        isRunActive(r) ? (
          <Button size="small" danger loading={cancel.isPending} onClick={() => cancel.mutate(r.id)}>
            {t('billing.runs.cancel')}
          </Button>
        ) : r.status === 'failed' ? (
          <Button
            size="small"
            loading={resume.isPending}
            onClick={() => resume.mutate(r.id)}
            data-testid="run-resume"
          >
            {t('billing.runs.resume')}
          </Button>
        ) : null
      }
      data-testid="run-progress"
    >
      <Progress percent={Math.round(r.progress * 1000) / 10} status={status} data-testid="run-progress-bar" />
      <Descriptions size="small" column={{ xs: 2, md: 4 }}>
        <Descriptions.Item label={t('billing.runs.status')}>
          <span data-testid="run-status">{t(`billing.runs.statusName.${r.status}`)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('billing.runs.billed')}>
          <Link to={`/billing/bills?runId=${r.id}`}>{r.billedAccounts}</Link> / {r.totalAccounts ?? '…'}
        </Descriptions.Item>
        <Descriptions.Item label={t('billing.runs.amount')}>{formatYuan(r.totalFen)}</Descriptions.Item>
        <Descriptions.Item label={t('billing.runs.noReadings')}>{r.skippedNoReadings}</Descriptions.Item>
        <Descriptions.Item label={t('billing.runs.existing')}>{r.skippedExisting}</Descriptions.Item>
        <Descriptions.Item label={t('billing.runs.refused')}>{r.skippedErrors}</Descriptions.Item>
        <Descriptions.Item label={t('billing.runs.estimated')}>{r.estimatedReadings}</Descriptions.Item>
      </Descriptions>
      {r.error ? <Alert type="error" showIcon message={r.error} /> : null}
      {r.issues.length > 0 ? (
        <Table
          size="small"
          rowKey={(i) => `${i.accountId}-${i.code}`}
          pagination={false}
          title={() => t('billing.runs.issues')}
          dataSource={r.issues}
          columns={[
            { title: t('billing.bills.accountNo'), dataIndex: 'accountNo' },
            { title: t('billing.lines.rule'), dataIndex: 'message' },
          ]}
        />
      ) : null}
    </Card>
  );
}
