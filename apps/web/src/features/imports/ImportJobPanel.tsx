import { Alert, Button, Card, Col, Progress, Result, Row, Space, Statistic, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportMode } from '../../api/types';
import { ErrorResult } from '../../shared/ErrorResult';
import { useNotifyError } from '../../shared/useNotifyError';
import { ImportErrorsTable } from './ImportErrorsTable';
import { ImportStatusTag } from './ImportStatusTag';
import { useCommitImport } from './useImportActions';
import { isRunning, useImportJob } from './useImportJob';

const STEP_OF: Record<string, number> = {
  validating: 1,
  validated: 2,
  importing: 3,
  done: 4,
  failed: 4,
  rejected: 2,
};

/** One import: validation progress → errors and the choice how to import → import progress → result. */
export function ImportJobPanel({ jobId }: { jobId: number }) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const { data: job, error, refetch } = useImportJob(jobId);
  const commit = useCommitImport(jobId);

  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  if (!job) return <Card loading />;

  const run = (mode: ImportMode) => commit.mutate(mode, { onError: notifyError });
  const failed = job.status === 'failed' || job.status === 'rejected';

  return (
    <Card
      title={
        <Space>
          {job.fileName}
          <ImportStatusTag status={job.status} />
        </Space>
      }
      data-testid="import-job"
      data-job-id={job.id}
    >
      <Steps
        size="small"
        current={STEP_OF[job.status] ?? 0}
        status={failed ? 'error' : job.status === 'done' ? 'finish' : 'process'}
        items={[
          { title: t('import.stepUpload') },
          { title: t('import.stepValidate') },
          { title: t('import.stepConfirm') },
          { title: t('import.stepImport') },
          { title: t('import.stepDone') },
        ]}
        style={{ marginBottom: 20 }}
      />
      <Progress
        percent={Math.round(Number(job.progress) || 0)}
        status={
          failed ? 'exception' : isRunning(job) ? 'active' : job.status === 'done' ? 'success' : 'normal'
        }
        data-testid="import-progress"
      />
      <Row gutter={16} style={{ margin: '16px 0' }}>
        <Col span={6}>
          <Statistic title={t('import.totalRows')} value={job.totalRows} />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('import.validRows')}
            value={job.validRows}
            styles={{ content: { color: '#389e0d' } }}
          />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('import.errorRows')}
            value={job.errorRows}
            styles={{ content: { color: job.errorRows ? '#cf1322' : undefined } }}
          />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('import.importedRows')}
            value={job.importedRows}
            data-testid="import-imported"
          />
        </Col>
      </Row>
      {job.message && (
        <Alert type={failed ? 'error' : 'info'} showIcon title={job.message} style={{ marginBottom: 16 }} />
      )}

      {job.status === 'validated' && (
        <Space style={{ marginBottom: 16 }} wrap>
          <Button
            type="primary"
            loading={commit.isPending}
            onClick={() => run('all_or_nothing')}
            data-testid="import-commit-all"
          >
            {t('import.commitAll')}
          </Button>
          <Button
            loading={commit.isPending}
            disabled={job.validRows === 0}
            onClick={() => run('valid_rows')}
            data-testid="import-commit-valid"
          >
            {t('import.commitValid')}
          </Button>
        </Space>
      )}

      {job.status === 'done' && (
        <Result
          status="success"
          title={t('import.doneTitle')}
          subTitle={t('import.doneSub', { count: job.importedRows })}
          data-testid="import-done"
        />
      )}

      {job.errorRows > 0 && !isRunning(job) && <ImportErrorsTable jobId={job.id} errorRows={job.errorRows} />}
    </Card>
  );
}
