import { useState } from 'react';
import { App, Button, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, PlusOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { NOTICE_STATUSES, type Notice } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../api/client';
import { ErrorResult } from '../../shared/ErrorResult';
import { formatDateTime } from '../../shared/format';
import { useNotifyError } from '../../shared/useNotifyError';
import type { PageParams } from '../../shared/usePageParams';
import { NoticeDetail } from './NoticeDetail';
import { NoticeFilters } from './NoticeFilters';
import { NoticeFormModal, type NoticeModalState } from './NoticeFormModal';
import { NoticeKindTag } from './NoticeKindTag';
import { WithdrawNoticeModal } from './WithdrawNoticeModal';
import { useNoticeStatus } from './useNoticeStatus';
import { useNotices } from './useNotices';

const STATUS_COLOURS: Record<string, string> = {
  draft: 'default',
  published: 'success',
  withdrawn: 'warning',
};

/** Publishers: every notice of their units — draft, publish, correct, withdraw, export. */
export function ManageNoticesTab({ pp }: { pp: PageParams }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const filters = { q: pp.get('q'), kind: pp.get('kind'), status: pp.get('status') };
  const { data, isFetching, error, refetch } = useNotices('manage', {
    ...filters,
    page: pp.page,
    pageSize: pp.pageSize,
  });
  const status = useNoticeStatus();
  const [modal, setModal] = useState<NoticeModalState>(null);
  const [withdrawing, setWithdrawing] = useState<Notice | null>(null);

  return (
    <>
      <NoticeFilters
        pp={pp}
        extra={
          <>
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder={t('notices.statusLabel')}
              value={filters.status}
              onChange={(v) => pp.update({ status: v })}
              options={NOTICE_STATUSES.map((s) => ({ value: s, label: t(`notices.status.${s}`) }))}
              data-testid="notice-filter-status"
            />
            <Button
              icon={<DownloadOutlined />}
              href={withQuery('/api/notices/export.xlsx', filters)}
              download
              data-testid="notice-export"
            >
              {t('notices.export')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setModal({ mode: 'create' })}
              data-testid="notice-create"
            >
              {t('notices.create')}
            </Button>
          </>
        }
      />
      {error ? (
        <ErrorResult error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<Notice>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={pp.pagination(data?.total)}
          expandable={{ expandedRowRender: (n) => <NoticeDetail notice={n} /> }}
          data-testid="managed-notices"
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
              render: (v: string, n) => (
                <Space size={4}>
                  <Typography.Text strong>{v}</Typography.Text>
                  {n.current && <Tag color="green">{t('notices.currentTag')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('notices.statusLabel'),
              dataIndex: 'status',
              width: 100,
              render: (s: string) => <Tag color={STATUS_COLOURS[s]}>{t(`notices.status.${s}`)}</Tag>,
            },
            { title: t('notices.publisher'), dataIndex: 'publisherOrgUnitName', width: 160 },
            { title: t('notices.validFrom'), dataIndex: 'validFrom', width: 150, render: formatDateTime },
            {
              title: t('notices.validTo'),
              dataIndex: 'validTo',
              width: 150,
              render: (v: string | null) => (v ? formatDateTime(v) : t('notices.openEnded')),
            },
            {
              title: t('common.actions'),
              width: 200,
              render: (_: unknown, n) => (
                <Space size={0}>
                  {n.status !== 'withdrawn' && (
                    <Button
                      type="link"
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setModal({ mode: 'edit', notice: n })}
                      data-testid="notice-edit"
                    >
                      {t('common.edit')}
                    </Button>
                  )}
                  {n.status === 'draft' && (
                    <Popconfirm
                      title={t('notices.publishConfirm')}
                      onConfirm={() =>
                        status.mutate(
                          { notice: n, action: 'publish' },
                          {
                            onSuccess: () => void message.success(t('notices.published')),
                            onError: notifyError,
                          },
                        )
                      }
                    >
                      <Button type="link" size="small" icon={<SendOutlined />} data-testid="notice-publish">
                        {t('notices.publish')}
                      </Button>
                    </Popconfirm>
                  )}
                  {n.status === 'published' && (
                    <Button
                      type="link"
                      size="small"
                      danger
                      icon={<StopOutlined />}
                      onClick={() => setWithdrawing(n)}
                      data-testid="notice-withdraw"
                    >
                      {t('notices.withdraw')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <NoticeFormModal state={modal} onClose={() => setModal(null)} />
      <WithdrawNoticeModal notice={withdrawing} onClose={() => setWithdrawing(null)} />
    </>
  );
}
