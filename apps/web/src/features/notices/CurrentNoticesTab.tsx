import { Table, Typography } from 'antd';
import type { Notice } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../shared/ErrorResult';
import { formatDateTime } from '../../shared/format';
import type { PageParams } from '../../shared/usePageParams';
import { NoticeDetail } from './NoticeDetail';
import { NoticeFilters } from './NoticeFilters';
import { NoticeKindTag } from './NoticeKindTag';
import { useNotices } from './useNotices';

/** The notices valid now and addressed to me, to answer customers' questions. */
export function CurrentNoticesTab({ pp }: { pp: PageParams }) {
  const { t } = useTranslation();
  const { data, isFetching, error, refetch } = useNotices('current', {
    q: pp.get('q'),
    kind: pp.get('kind'),
    page: pp.page,
    pageSize: pp.pageSize,
  });
  return (
    <>
      <NoticeFilters pp={pp} />
      {error ? (
        <ErrorResult error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<Notice>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={pp.pagination(data?.total)}
          locale={{ emptyText: t('notices.noneCurrent') }}
          expandable={{ expandedRowRender: (n) => <NoticeDetail notice={n} />, expandRowByClick: true }}
          data-testid="current-notices"
          columns={[
            {
              title: t('notices.kindLabel'),
              dataIndex: 'kind',
              width: 110,
              render: (k: string) => <NoticeKindTag kind={k} />,
            },
            {
              title: t('notices.title'),
              dataIndex: 'title',
              render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
            },
            { title: t('notices.publisher'), dataIndex: 'publisherOrgUnitName', width: 180 },
            { title: t('notices.validFrom'), dataIndex: 'validFrom', width: 150, render: formatDateTime },
            {
              title: t('notices.validTo'),
              dataIndex: 'validTo',
              width: 150,
              render: (v: string | null) => (v ? formatDateTime(v) : t('notices.openEnded')),
            },
          ]}
        />
      )}
    </>
  );
}
