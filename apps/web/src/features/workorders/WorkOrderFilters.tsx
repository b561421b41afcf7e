import { useEffect, useState } from 'react';
import { DatePicker, Input, Select, Space, Tag } from 'antd';
import { WORK_ORDER_CHANNELS, WORK_ORDER_STATUSES, WORK_ORDER_TYPES } from '@gridcare/domain';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useWorkOrderOptions } from './useWorkOrderLabel';

export const FILTER_KEYS = [
  'type',
  'status',
  'channel',
  'customerId',
  'assignedUnitId',
  'open',
  'q',
  'from',
  'to',
] as const;
export type FilterValues = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/**
 * Search (case number, title, caller phone), type, status, channel and the acceptance period; the customer,
 * unit and open-only filters arrive from links (the 360 page, the SLA board) and show as removable tags.
 */
export function WorkOrderFilters({
  values,
  onChange,
  customerName,
  unitName,
}: {
  values: FilterValues;
  onChange: (changes: FilterValues) => void;
  /** Shown on the tag of a customer filter (coming from the 360 page). */
  customerName?: string | null;
  /** Shown on the tag of an assigned-unit filter (coming from the SLA board). */
  unitName?: string | null;
}) {
  const { t } = useTranslation();
  const options = useWorkOrderOptions();
  const [text, setText] = useState(values.q ?? '');
  useEffect(() => setText(values.q ?? ''), [values.q]);
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        style={{ width: 280 }}
        placeholder={t('wo.filter.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => onChange({ q: v.trim() || undefined })}
        data-testid="wo-search"
      />
      <Select
        allowClear
        style={{ width: 130 }}
        placeholder={t('wo.col.type')}
        value={values.type}
        onChange={(v) => onChange({ type: v })}
        options={options('type', WORK_ORDER_TYPES)}
        data-testid="wo-filter-type"
      />
      <Select
        allowClear
        style={{ width: 120 }}
        placeholder={t('wo.col.status')}
        value={values.status}
        onChange={(v) => onChange({ status: v })}
        options={options('status', WORK_ORDER_STATUSES)}
        data-testid="wo-filter-status"
      />
      <Select
        allowClear
        style={{ width: 130 }}
        placeholder={t('wo.col.channel')}
        value={values.channel}
        onChange={(v) => onChange({ channel: v })}
        options={options('channel', WORK_ORDER_CHANNELS)}
        data-testid="wo-filter-channel"
      />
      <DatePicker.RangePicker
        value={[values.from ? dayjs(values.from) : null, values.to ? dayjs(values.to) : null]}
        placeholder={[t('wo.filter.from'), t('wo.filter.to')]}
        onChange={(range) =>
          onChange({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
        }
        allowEmpty={[true, true]}
        data-testid="wo-filter-period"
      />
      {values.customerId ? (
        <Tag closable onClose={() => onChange({ customerId: undefined })} data-testid="wo-filter-customer">
          {t('wo.filter.customer', { name: customerName ?? values.customerId })}
        </Tag>
      ) : null}
      {values.assignedUnitId ? (
        <Tag closable onClose={() => onChange({ assignedUnitId: undefined })} data-testid="wo-filter-unit">
          {t('wo.filter.assignedUnit', { name: unitName ?? values.assignedUnitId })}
        </Tag>
      ) : null}
      {values.open === 'true' ? (
        <Tag closable onClose={() => onChange({ open: undefined })} data-testid="wo-filter-open">
          {t('wo.filter.openOnly')}
        </Tag>
      ) : null}
    </Space>
  );
}
