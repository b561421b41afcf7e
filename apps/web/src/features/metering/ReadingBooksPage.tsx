import { Button, Card, Input, Table } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ReadingBook } from '@gridcare/contracts';
import { PageTitle } from '../../shared/PageTitle';
import { usePageParams } from '../../shared/usePageParams';
import { useReadingBooks } from './useReadingBooks';

/** 抄表段: the reading books in my scope, each opening its reading sheet. */
export function ReadingBooksPage() {
  const { t } = useTranslation();
  const pp = usePageParams(20);
  const q = pp.get('q');
  const { data, isFetching } = useReadingBooks({ page: pp.page, pageSize: pp.pageSize, q });
  return (
    <div>
      <PageTitle title={t('metering.books.title')} sub={t('metering.books.sub')} />
      <Card>
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t('metering.books.search')}
          style={{ maxWidth: 320, marginBottom: 12 }}
          onSearch={(v) => pp.update({ q: v })}
          data-testid="books-search"
        />
        <Table<ReadingBook>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={pp.pagination(data?.total)}
          data-testid="reading-books"
          columns={[
            { title: t('metering.books.code'), dataIndex: 'code' },
            { title: t('metering.books.name'), dataIndex: 'name' },
            { title: t('metering.books.org'), dataIndex: 'orgUnitName' },
            { title: t('metering.books.day'), dataIndex: 'readingDay', width: 90 },
            {
              title: t('metering.books.secondDay'),
              dataIndex: 'secondReadingDay',
              width: 120,
              render: (v: number | null) => v ?? '—',
            },
            { title: t('metering.books.accounts'), dataIndex: 'accountCount', width: 90 },
            {
              title: t('metering.books.openExceptions'),
              dataIndex: 'openExceptions',
              width: 110,
              render: (v: number, b) =>
                v > 0 ? (
                  <Link to={`/metering/exceptions?readingBook=${encodeURIComponent(b.code)}`}>{v}</Link>
                ) : (
                  0
                ),
            },
            {
              key: 'enter',
              width: 120,
              render: (_, b) => (
                <Link to={`/metering/books/${encodeURIComponent(b.code)}/entry`}>
                  <Button size="small" icon={<EditOutlined />}>
                    {t('metering.books.enter')}
                  </Button>
                </Link>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
