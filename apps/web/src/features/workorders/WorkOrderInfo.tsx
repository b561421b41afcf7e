import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../shared/format';
import { useEnumLabel } from '../../shared/useEnumLabel';
import type { WorkOrder } from './types';
import { useWorkOrderLabel } from './useWorkOrderLabel';

/** 工单内容: the request, who called, how to reach them, and the answer given. */
export function WorkOrderInfo({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const label = useWorkOrderLabel();
  const enumLabel = useEnumLabel();
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  return (
    <Card title={t('wo.detail.content')} size="small" data-testid="wo-info">
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="wo-description">
        {order.description}
      </Typography.Paragraph>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'caller', label: t('wo.form.callerName'), children: order.callerName ?? '—' },
          { key: 'callerPhone', label: t('wo.form.callerPhone'), children: order.callerPhone ?? '—' },
          { key: 'contactPhone', label: t('wo.form.contactPhone'), children: order.contactPhone ?? '—' },
          { key: 'accountNo', label: t('wo.form.accountNo'), children: order.accountNo ?? '—' },
          {
            key: 'area',
            label: t('premise.areaClass'),
            children: order.areaClass ? enumLabel('areaClass', order.areaClass) : '—',
          },
          {
            key: 'tier',
            label: t('customer.importanceTier'),
            children: order.customerTier ? enumLabel('importanceTier', order.customerTier) : '—',
          },
          { key: 'orgUnit', label: t('wo.detail.orgUnit'), children: order.orgUnitName ?? '—' },
          { key: 'createdBy', label: t('wo.detail.createdBy'), children: order.createdByName ?? '—' },
          {
            key: 'parent',
            label: t('wo.detail.parent'),
            children: order.parentId ? (
              <Link to={`/workorders/${order.parentId}`}>{order.parentCaseNo ?? order.parentId}</Link>
            ) : (
              '—'
            ),
          },
          {
            key: 'merged',
            label: t('wo.detail.mergedInto'),
            children: order.mergedIntoId ? (
              <Link to={`/workorders/${order.mergedIntoId}`}>{t('wo.detail.openOrder')}</Link>
            ) : (
              '—'
            ),
          },
          { key: 'fcr', label: t('wo.detail.firstContact'), children: yesNo(order.firstContactResolved) },
          {
            key: 'visitRequired',
            label: t('wo.detail.visitRequired'),
            children: yesNo(order.returnVisitRequired),
          },
          { key: 'reopened', label: t('wo.detail.reopenCount'), children: order.reopenCount },
          {
            key: 'satisfaction',
            label: t('wo.detail.satisfaction'),
            children: order.satisfaction ?? '—',
          },
          {
            key: 'visitDue',
            label: t('wo.detail.visitDue'),
            children: formatDateTime(order.returnVisitDueAt) || '—',
          },
          {
            key: 'closedAt',
            label: t('wo.detail.closedAt'),
            children: formatDateTime(order.closedAt) || '—',
          },
          { key: 'version', label: t('wo.detail.limitVersion'), children: order.timeLimitVersion },
        ]}
      />
      {order.replyText ? (
        <Card type="inner" size="small" title={t('wo.detail.reply')} style={{ marginTop: 12 }}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="wo-reply">
            {order.replyText}
          </Typography.Paragraph>
        </Card>
      ) : null}
      {order.returnVisits.length ? (
        <Descriptions
          style={{ marginTop: 12 }}
          size="small"
          column={1}
          title={t('wo.detail.visits')}
          items={order.returnVisits.map((v) => ({
            key: v.id,
            label: t('wo.detail.visitAttempt', { n: v.attempt }),
            children: `${label('outcome', v.outcome)} · ${label('method', v.method)} · ${formatDateTime(v.at)}${
              v.byName ? ` · ${v.byName}` : ''
            }${v.note ? ` · ${v.note}` : ''}`,
          }))}
          data-testid="wo-visits"
        />
      ) : null}
    </Card>
  );
}
