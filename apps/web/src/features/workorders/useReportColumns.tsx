import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportGroup, WorkOrderReportRow } from './types';
import { useWorkOrderLabel } from './useWorkOrderLabel';

/** A fraction (0.925) as a percentage with one decimal (92.5). */
export const percentOf = (fraction: number) => Math.round(fraction * 1000) / 10;
/** Rates as "92.5%", scores as "87.3", and a dash where there was nothing to measure. */
export const pct = (v: number | null) => (v === null ? '—' : `${percentOf(v)}%`);
export const score = (v: number | null) => (v === null ? '—' : String(Math.round(v * 10) / 10));

export function useReportColumns(groupBy: ReportGroup) {
  const { t } = useTranslation();
  const label = useWorkOrderLabel();
  const rowLabel = (r: WorkOrderReportRow) =>
    groupBy === 'type' || groupBy === 'channel' ? label(groupBy, r.key) : r.label;
  const num = (key: keyof WorkOrderReportRow, title: string, render?: (v: number | null) => string) => ({
    key,
    dataIndex: key,
    title,
    align: 'right' as const,
    width: 120,
    render: (v: number | null) => (render ? render(v) : v),
  });
  const columns: TableColumnsType<WorkOrderReportRow> = [
    { key: 'label', title: label('reportGroup', groupBy), render: (_: unknown, r) => rowLabel(r) },
    num('orders', t('wo.report.orders')),
    num('closed', t('wo.report.closed')),
    num('slaCompliance', t('wo.report.slaCompliance'), pct),
    num('breaches', t('wo.report.breaches')),
    num('returnVisitRate', t('wo.report.returnVisitRate'), pct),
    num('satisfaction', t('wo.report.satisfaction'), score),
    num('firstContactResolution', t('wo.report.fcr'), pct),
  ];
  return { columns, rowLabel };
}
