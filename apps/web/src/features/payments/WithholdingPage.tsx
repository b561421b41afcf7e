// 银行代扣: make a batch for a bank, download its file, upload the bank's result file; a refused file
// lists its bad rows (nothing posted), an accepted one lists the failed debits.
import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Table, Tag, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { WithholdingBatch, WithholdingImportResult } from '@gridcare/contracts';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorResult } from '../../shared/ErrorResult';
import { formatDateTime } from '../../shared/format';
import { usePageParams } from '../../shared/usePageParams';
import { useNotifyError } from '../../shared/useNotifyError';
import { formatYuan } from './money';
import { useCreateBatch, useImportResult, useWithholdingBatches } from './usePaymentsApi';

function ImportOutcome({ result }: { result: WithholdingImportResult }) {
  const { t } = useTranslation();
  if (!result.accepted)
    return (
      <Alert
        type="error"
        showIcon
        message={t('payments.withholding.refused', { count: result.errors.length })}
        description={
          <Table
            size="small"
            rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
            pagination={false}
            dataSource={result.errors}
            data-testid="withholding-errors"
            columns={[
              { title: t('payments.withholding.row'), dataIndex: 'row', render: (r: number) => r || '—' },
              { title: t('payments.withholding.column'), dataIndex: 'column' },
              { title: t('payments.withholding.problem'), dataIndex: 'message' },
            ]}
          />
        }
      />
    );
  return (
    <Alert
      type={result.failed.length ? 'warning' : 'success'}
      showIcon
      message={t('payments.withholding.accepted', { posted: result.posted, failed: result.failed.length })}
      description={
        result.failed.length ? (
          <Table
            size="small"
            rowKey="lineNo"
            pagination={false}
            dataSource={result.failed}
            columns={[
              { title: t('payments.withholding.line'), dataIndex: 'lineNo' },
              { title: t('payments.post.accountNo'), dataIndex: 'accountNo' },
              { title: t('payments.withholding.reason'), dataIndex: 'reason' },
            ]}
          />
        ) : null
      }
    />
  );
}

export function WithholdingPage() {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const p = usePageParams();
  const [bankCode, setBankCode] = useState('ICBC');
  const [outcome, setOutcome] = useState<WithholdingImportResult | null>(null);
  const { data, error, isFetching, refetch } = useWithholdingBatches({ page: p.page, pageSize: p.pageSize });
  const create = useCreateBatch();
  const upload = useImportResult();
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageTitle
        title={t('payments.withholding.title')}
        sub={t('payments.withholding.sub')}
        extra={
          <Flex gap={8}>
            <Input
              value={bankCode}
              onChange={(e) => setBankCode(e.target.value.toUpperCase())}
              style={{ width: 120 }}
              addonBefore={t('payments.withholding.bank')}
            />
            <Button
              type="primary"
              loading={create.isPending}
              onClick={() => create.mutateAsync({ bankCode }).catch(notifyError)}
            >
              {t('payments.withholding.create')}
            </Button>
          </Flex>
        }
      />
      {outcome ? (
        <div style={{ marginBottom: 12 }}>
          <ImportOutcome result={outcome} />
        </div>
      ) : null}
      <Card size="small">
        <Table<WithholdingBatch>
          size="small"
          rowKey="id"
          loading={isFetching || upload.isPending}
          dataSource={data?.items ?? []}
          pagination={p.pagination(data?.total)}
          columns={[
            { title: t('payments.withholding.batchNo'), dataIndex: 'batchNo' },
            { title: t('payments.withholding.bank'), dataIndex: 'bankCode' },
            { title: t('payments.withholding.createdAt'), render: (_, b) => formatDateTime(b.createdAt) },
            { title: t('payments.withholding.lines'), dataIndex: 'lineCount', align: 'right' },
            { title: t('payments.list.amount'), align: 'right', render: (_, b) => formatYuan(b.totalFen) },
            {
              title: t('payments.withholding.status'),
              render: (_, b) =>
                b.status === 'exported' ? (
                  <Tag color="processing">{t('payments.withholding.exported')}</Tag>
                ) : (
                  <Tag color="success">
                    {t('payments.withholding.imported', { ok: b.succeededCount, failed: b.failedCount })}
                  </Tag>
                ),
            },
            {
              title: '',
              render: (_, b) => (
                <Flex gap={8}>
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    href={`/api/payments/withholding/batches/${b.id}/file`}
                  >
                    {t('payments.withholding.file')}
                  </Button>
                  <Upload
                    accept=".csv,text/csv"
                    showUploadList={false}
                    beforeUpload={(file) => {
                      upload.mutateAsync({ batchId: b.id, file }).then(setOutcome).catch(notifyError);
                      return false;
                    }}
                  >
                    <Button size="small" icon={<UploadOutlined />}>
                      {t('payments.withholding.result')}
                    </Button>
                  </Upload>
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
