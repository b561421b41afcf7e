import { Tag, Tooltip } from 'antd';
import type { NotificationDelivery } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { STATUS_COLORS } from './notificationLabels';

/** The delivery status, with the gateway's delivery report and the next attempt where there is one. */
export function DeliveryStatusTag({ d }: { d: NotificationDelivery }) {
  const { t } = useTranslation();
  const tip =
    d.status === 'failed' || d.status === 'pending'
      ? d.nextAttemptAt && t('notifications.nextAttemptAt', { at: formatDateTime(d.nextAttemptAt) })
      : d.lastError;
  return (
    <>
      <Tooltip title={tip || undefined}>
        <Tag color={STATUS_COLORS[d.status]} data-testid={`delivery-status-${d.status}`}>
          {t(`notifications.status.${d.status}`)}
        </Tag>
      </Tooltip>
      {d.reportStatus ? (
        <Tag color={d.reportStatus === 'delivered' ? 'green' : 'volcano'} variant="outlined">
          {t(`notifications.report.${d.reportStatus}`)}
        </Tag>
      ) : null}
    </>
  );
}
