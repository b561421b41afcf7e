import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWorkOrders } from './useWorkOrders';
import { useWorkOrderLabel } from './useWorkOrderLabel';

/** Picks the surviving order of a merge by case number or title (the order itself is left out). */
export function MergeTargetSelect({
  value,
  onChange,
  excludeId,
}: {
  value?: number;
  onChange?: (id: number | undefined) => void;
  excludeId: number;
}) {
  const { t } = useTranslation();
  const label = useWorkOrderLabel();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, isFetching } = useWorkOrders(
    { queue: 'all', q, page: 1, pageSize: 10 },
    { enabled: q.length >= 2 },
  );
  const options = (q.length >= 2 ? (data?.items ?? []) : [])
    .filter((o) => o.id !== excludeId)
    .map((o) => ({ value: o.id, label: `${o.caseNo} · ${label('type', o.type)} · ${o.title}` }));
  return (
    <Select<number>
      allowClear
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={isFetching}
      options={options}
      placeholder={t('wo.action.mergeSearch')}
      notFoundContent={q.length >= 2 ? t('wo.desk.empty') : t('wo.form.typeToSearch')}
      data-testid="wo-action-merge-into"
    />
  );
}
