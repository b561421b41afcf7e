import { useState } from 'react';
import { Button, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportErrorRow } from '../../api/types';
import { useImportErrors } from './useImportErrors';

/** Row-level problems found while validating, with the downloadable error report. */
export function ImportErrorsTable({ jobId, errorRows }: { jobId: number; errorRows: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const { data, isFetching } = useImportErrors(jobId, page, pageSize, errorRows > 0);
  return (
    <div>
      <Typography.Title
        level={5}
        style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}
      >
        <span>{t('import.errorsTitle', { count: errorRows })}</span>
        <Button
          icon={<DownloadOutlined />}
          href={`/api/imports/${jobId}/errors.xlsx`}
          download
          data-testid="import-error-report"
        >
          {t('import.downloadErrors')}
        </Button>
      </Typography.Title>
      <Table<ImportErrorRow>
        rowKey={(r) => `${r.rowNo}-${r.field}-${r.message}`}
        size="small"
        loading={isFetching}
        dataSource={data?.items ?? []}
        data-testid="import-errors"
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          onChange: (p, ps) => {
            setPage(ps !== pageSize ? 1 : p);
            setPageSize(ps);
          },
        }}
        columns={[
          { title: t('import.rowNo'), dataIndex: 'rowNo', width: 90 },
          { title: t('import.field'), dataIndex: 'field', width: 180 },
          { title: t('import.value'), dataIndex: 'value', width: 200, ellipsis: true },
          { title: t('import.message'), dataIndex: 'message' },
        ]}
      />
    </div>
  );
}
