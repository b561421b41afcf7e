import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Progress, Radio, Space, Table, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReadingBatch, ReadingBatchError } from '@gridcare/contracts';
import { newIdempotencyKey } from '../../api/client';
import { PageTitle } from '../../shared/PageTitle';
import { useNotifyError } from '../../shared/useNotifyError';
import { useBatchErrors } from './useBatchErrors';
import { useUploadReadings } from './useUploadReadings';

/** 抄表数据导入: upload a CSV (register readings or 15-minute intervals); all or nothing, with a report. */
export function ReadingImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [kind, setKind] = useState<'register' | 'interval'>('register');
  const [batch, setBatch] = useState<ReadingBatch | null>(null);
  const { upload, percent } = useUploadReadings();
  const keys = useRef(new WeakMap<File, string>());

  const send = (file: File) => {
    let key = keys.current.get(file);
    if (!key) keys.current.set(file, (key = newIdempotencyKey()));
    upload(kind, file, key).then(setBatch, notifyError);
  };

  return (
    <div>
      <PageTitle title={t('metering.upload.title')} sub={t('metering.upload.sub')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} style={{ marginBottom: 12 }}>
            <Radio.Button value="register">{t('metering.upload.kindRegister')}</Radio.Button>
            <Radio.Button value="interval">{t('metering.upload.kindInterval')}</Radio.Button>
          </Radio.Group>
          <Upload.Dragger
            accept=".csv"
            multiple={false}
            showUploadList={false}
            disabled={percent !== null}
            beforeUpload={(file) => {
              if (!/\.csv$/i.test(file.name)) {
                void message.error(t('metering.upload.badType'));
                return Upload.LIST_IGNORE;
              }
              setBatch(null);
              send(file);
              return false;
            }}
            data-testid="reading-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {percent !== null ? t('metering.upload.uploading', { percent }) : t('metering.upload.drop')}
            </p>
            <p className="ant-upload-hint">
              {kind === 'register' ? t('metering.upload.hintRegister') : t('metering.upload.hintInterval')}
            </p>
          </Upload.Dragger>
          {percent !== null && <Progress percent={percent} status="active" />}
        </Card>
        {batch && <BatchResult batch={batch} />}
      </Space>
    </div>
  );
}

function BatchResult({ batch }: { batch: ReadingBatch }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const rejected = batch.status === 'rejected';
  const errors = useBatchErrors(rejected ? batch.id : undefined, page, 20);
  return (
    <Card data-testid="reading-batch">
      {rejected ? (
        <Alert type="error" showIcon message={t('metering.upload.rejected', { errors: batch.errorRows })} />
      ) : (
        <Alert
          type="success"
          showIcon
          message={t('metering.upload.completed', {
            total: batch.totalRows,
            valid: batch.validRows,
            exception: batch.exceptionRows,
          })}
        />
      )}
      {rejected && (
        <>
          <Space style={{ margin: '12px 0' }}>
            <Button
              icon={<DownloadOutlined />}
              href={`/api/metering/batches/${batch.id}/errors.csv`}
              download
            >
              {t('metering.upload.download')}
            </Button>
          </Space>
          <Table<ReadingBatchError>
            rowKey={(r) => `${r.lineNo}-${r.field}-${r.code}`}
            size="small"
            loading={errors.isFetching}
            dataSource={errors.data?.items ?? []}
            data-testid="reading-batch-errors"
            pagination={{ current: page, pageSize: 20, total: errors.data?.total ?? 0, onChange: setPage }}
            columns={[
              { title: t('metering.upload.line'), dataIndex: 'lineNo', width: 80 },
              { title: t('metering.upload.field'), dataIndex: 'field', width: 160 },
              { title: t('metering.upload.value'), dataIndex: 'value', width: 200, ellipsis: true },
              { title: t('metering.upload.message'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Card>
  );
}
