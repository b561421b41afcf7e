import { DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS, NOTIFICATION_STATUSES } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import type { PageParams } from '../../shared/usePageParams';
import { eventLabelKey } from './notificationLabels';

/** Status, channel, event, period and a recipient/reference search, all kept in the URL. */
export function DeliveryFilters({ pp, showStatus }: { pp: PageParams; showStatus: boolean }) {
  const { t } = useTranslation();
  const from = pp.get('from');
  const to = pp.get('to');
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {showStatus && (
        <Select
          allowClear
          placeholder={t('notifications.columns.status')}
          style={{ width: 120 }}
          value={pp.get('status')}
          onChange={(v) => pp.update({ status: v })}
          options={NOTIFICATION_STATUSES.map((s) => ({ value: s, label: t(`notifications.status.${s}`) }))}
          data-testid="filter-status"
        />
      )}
      <Select
        allowClear
        placeholder={t('notifications.columns.channel')}
        style={{ width: 120 }}
        value={pp.get('channel')}
        onChange={(v) => pp.update({ channel: v })}
        options={NOTIFICATION_CHANNELS.map((c) => ({ value: c, label: t(`notifications.channel.${c}`) }))}
        data-testid="filter-channel"
      />
      <Select
        allowClear
        placeholder={t('notifications.columns.event')}
        style={{ width: 180 }}
        value={pp.get('event')}
        onChange={(v) => pp.update({ event: v })}
        options={NOTIFICATION_EVENTS.map((e) => ({ value: e, label: t(eventLabelKey(e)) }))}
        data-testid="filter-event"
      />
      <DatePicker.RangePicker
        value={from && to ? [dayjs(from), dayjs(to)] : null}
        onChange={(range) =>
          pp.update({
            from: range?.[0]?.format('YYYY-MM-DD'),
            to: range?.[1]?.format('YYYY-MM-DD'),
          })
        }
      />
      <Input.Search
        allowClear
        defaultValue={pp.get('q')}
        placeholder={t('notifications.searchPlaceholder')}
        onSearch={(v) => pp.update({ q: v.trim() || undefined })}
        style={{ width: 240 }}
      />
    </Space>
  );
}
