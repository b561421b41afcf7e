import { useRef } from 'react';
import { App, Button, Card, Space, Table, Typography, Upload } from 'antd';
import { FileExcelOutlined, FileTextOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/client';
import type { ImportJob } from '../../api/types';
import { formatDateTime } from '../../shared/format';
import { PageTitle } from '../../shared/PageTitle';
import { usePageParams } from '../../shared/usePageParams';
import { useNotifyError } from '../../shared/useNotifyError';
import { ImportJobPanel } from './ImportJobPanel';
import { ImportStatusTag } from './ImportStatusTag';
import { useUploadImport } from './useImportActions';
import { useImportHistory } from './useImportHistory';

const MAX_MB = 50;

/** 批量导入: templates, upload, validation with progress, the errors, then import all or only the valid rows. */
export function ImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const pp = usePageParams(10);
  const jobId = Number(pp.get('job')) || undefined;
  const upload = useUploadImport();
  const history = useImportHistory(pp.page, pp.pageSize);
  // One key per chosen file, so a retried upload of the same file does not start a second job.
  const keys = useRef(new WeakMap<File, string>());

  const send = (file: File) => {
    let key = keys.current.get(file);
    if (!key) keys.current.set(file, (key = newIdempotencyKey()));
    upload.mutate(
      { file, idempotencyKey: key },
      {
        onSuccess: (job) => {
          void message.success(t('import.uploaded'));
          pp.update({ job: job.id });
        },
        onError: notifyError,
      },
    );
  };

  return (
    <div>
      <PageTitle
        title={t('import.title')}
        sub={t('import.subtitle')}
        extra={
          <>
            <Button
              icon={<FileExcelOutlined />}
              href="/api/imports/template.xlsx"
              download
              data-testid="template-xlsx"
            >
              {t('import.templateXlsx')}
            </Button>
            <Button
              icon={<FileTextOutlined />}
              href="/api/imports/template.csv"
              download
              data-testid="template-csv"
            >
              {t('import.templateCsv')}
            </Button>
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={upload.isPending}
            beforeUpload={(file) => {
              if (!/\.(xlsx|csv)$/i.test(file.name)) {
                void message.error(t('import.badType'));
                return Upload.LIST_IGNORE;
              }
              if (file.size > MAX_MB * 1024 * 1024) {
                void message.error(t('import.tooLarge', { mb: MAX_MB }));
                return Upload.LIST_IGNORE;
              }
              send(file);
              return false;
            }}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{upload.isPending ? t('import.uploading') : t('import.drop')}</p>
            <p className="ant-upload-hint">{t('import.hint', { mb: MAX_MB })}</p>
          </Upload.Dragger>
        </Card>

        {jobId && <ImportJobPanel jobId={jobId} />}

        <Card title={t('import.history')}>
          <Table<ImportJob>
            rowKey="id"
            size="small"
            loading={history.isFetching}
            dataSource={history.data?.items ?? []}
            pagination={pp.pagination(history.data?.total)}
            data-testid="import-history"
            rowClassName={(r) => (r.id === jobId ? 'ant-table-row-selected' : '')}
            columns={[
              { title: t('import.file'), dataIndex: 'fileName', ellipsis: true },
              {
                title: t('import.status'),
                dataIndex: 'status',
                width: 120,
                render: (v: string) => <ImportStatusTag status={v} />,
              },
              { title: t('import.totalRows'), dataIndex: 'totalRows', width: 90 },
              { title: t('import.errorRows'), dataIndex: 'errorRows', width: 90 },
              { title: t('import.importedRows'), dataIndex: 'importedRows', width: 100 },
              { title: t('import.createdAt'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
              {
                title: '',
                width: 80,
                render: (_: unknown, r) => (
                  <Typography.Link
                    onClick={() => pp.update({ job: r.id, page: pp.page })}
                    data-testid="import-open"
                  >
                    {t('common.view')}
                  </Typography.Link>
                ),
              },
            ]}
          />
        </Card>
      </Space>
    </div>
  );
}
