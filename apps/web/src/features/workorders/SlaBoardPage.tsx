import { lazy, Suspense, useState } from 'react';
import { Button, Card, Segmented, Skeleton, Table, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorResult } from '../../shared/ErrorResult';
import { formatDateTime } from '../../shared/format';
import { PageTitle } from '../../shared/PageTitle';
import { RequirePermission } from './RequirePermission';
import type { SlaBoardRow, WorkOrderQueue } from './types';
import { useSlaBoard } from './useSlaBoard';
import { useWorkOrderLabel } from './useWorkOrderLabel';

const BarChart = lazy(() => import('./BarChart'));

type Measure = 'open' | 'warned' | 'breached' | 'awaitingVisit';
const MEASURES: readonly Measure[] = ['open', 'warned', 'breached', 'awaitingVisit'];
const COLOURS: Record<Measure, string> = {
  open: '#1664ff',
  warned: '#fa8c16',
  breached: '#ff4d4f',
  awaitingVisit: '#722ed1',
};
/**
 * The desk queue each board figure opens, so the list holds exactly the orders counted: 在办 is every order
 * not closed or merged (the all queue with open=true), 预警 the near-breach queue (a running limit ≥ 80 %
 * used, not yet due), 超时 the breached queue, 待回访 the awaiting-visit queue.
 */
const QUEUE_OF: Record<Measure, WorkOrderQueue> = {
  open: 'all',
  warned: 'near_breach',
  breached: 'breached',
  awaitingVisit: 'awaiting_visit',
};

/** The list behind one figure: its queue, narrowed to the row's type or (by unit) the unit it is assigned to. */
function boardListHref(by: 'type' | 'unit', rowKey: string, m: Measure): string {
  const q = new URLSearchParams({ queue: QUEUE_OF[m] });
  if (m === 'open') q.set('open', 'true');
  q.set(by === 'type' ? 'type' : 'assignedUnitId', rowKey);
  return `/workorders?${q.toString()}`;
}

/** 超时监控: the supervisor's SLA board by type and by unit; a figure opens the orders behind it. */
export function SlaBoardPage() {
  return (
    <RequirePermission permission="workorder:supervise">
      <SlaBoard />
    </RequirePermission>
  );
}

function SlaBoard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const label = useWorkOrderLabel();
  const { data, isPending, isFetching, error, refetch } = useSlaBoard();
  const [by, setBy] = useState<'type' | 'unit'>('type');

  if (isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (error || !data) return <ErrorResult error={error} onRetry={() => void refetch()} />;

  const rows = by === 'type' ? data.byType : data.byUnit;
  const rowLabel = (r: SlaBoardRow) => (by === 'type' ? label('type', r.key) : r.label);
  const listHref = (r: SlaBoardRow, m: Measure) => boardListHref(by, r.key, m);
  const figure = (r: SlaBoardRow, m: Measure) => {
    const href = listHref(r, m);
    const n = r[m];
    const style = m === 'breached' && n > 0 ? { color: COLOURS.breached, fontWeight: 600 } : undefined;
    return n > 0 ? (
      <Link to={href} style={style} data-testid={`board-${m}-${r.key}`}>
        {n}
      </Link>
    ) : (
      <span style={style} data-testid={`board-${m}-${r.key}`}>
        {n}
      </span>
    );
  };
  const total = (m: Measure) => rows.reduce((s, r) => s + r[m], 0);

  return (
    <div>
      <PageTitle
        title={t('wo.menu.board')}
        sub={t('wo.board.subtitle', { at: formatDateTime(data.generatedAt) })}
        extra={
          <Button icon={<ReloadOutlined />} loading={isFetching} onClick={() => void refetch()}>
            {t('common.reload')}
          </Button>
        }
      />
      <Card>
        <Segmented
          value={by}
          onChange={(v) => setBy(v as 'type' | 'unit')}
          options={[
            { value: 'type', label: t('wo.board.byType') },
            { value: 'unit', label: t('wo.board.byUnit') },
          ]}
          style={{ marginBottom: 16 }}
          data-testid="board-by"
        />
        <Suspense fallback={<Skeleton active />}>
          <BarChart
            categories={rows.map(rowLabel)}
            series={MEASURES.map((m) => ({
              key: m,
              name: t(`wo.board.${m}`),
              data: rows.map((r) => r[m]),
              colour: COLOURS[m],
            }))}
            onBarClick={(i, key) => {
              if (rows[i]) navigate(listHref(rows[i], key as Measure));
            }}
          />
        </Suspense>
        <Table<SlaBoardRow>
          rowKey="key"
          size="middle"
          pagination={false}
          dataSource={rows}
          data-testid="board-table"
          columns={[
            {
              title: by === 'type' ? t('wo.col.type') : t('wo.board.unit'),
              dataIndex: 'label',
              render: (_: unknown, r) => rowLabel(r),
            },
            ...MEASURES.map((m) => ({
              title:
                m === 'warned' ? (
                  <Tooltip title={t('wo.board.warnedHint')}>
                    <span data-testid="board-warned-title">{t('wo.board.warned')}</span>
                  </Tooltip>
                ) : (
                  t(`wo.board.${m}`)
                ),
              dataIndex: m,
              width: 130,
              align: 'right' as const,
              render: (_: unknown, r: SlaBoardRow) => figure(r, m),
            })),
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('wo.board.total')}</Typography.Text>
              </Table.Summary.Cell>
              {MEASURES.map((m, i) => (
                <Table.Summary.Cell key={m} index={i + 1} align="right">
                  <Typography.Text strong>{total(m)}</Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )}
        />
        {by === 'unit' ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('wo.board.reassignHint')}
          </Typography.Paragraph>
        ) : null}
      </Card>
    </div>
  );
}
