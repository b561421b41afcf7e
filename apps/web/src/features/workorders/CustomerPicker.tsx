import { useEffect, useMemo, useState } from 'react';
import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCustomerLookup } from './useCustomerLookup';

/** Searches customers by name, number, phone, certificate or address; the value is the customer id. */
export function CustomerPicker({
  value,
  onChange,
  knownLabel,
  'data-testid': testId,
}: {
  value?: number | null;
  onChange?: (id: number | undefined) => void;
  /** The name of a customer chosen before (e.g. from the URL), shown until a search replaces it. */
  knownLabel?: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [term, setTerm] = useState('');
  // Search after a short pause in typing, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setTerm(typed), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, isFetching } = useCustomerLookup(term);

  const options = useMemo(() => {
    const found = (data ?? []).map((c) => ({
      value: c.id,
      label: `${c.name}（${c.customerNo}）`,
      address: c.address,
    }));
    if (value && knownLabel && !found.some((o) => o.value === value))
      found.unshift({ value, label: knownLabel, address: null });
    return found;
  }, [data, value, knownLabel]);

  return (
    <Select<number>
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={isFetching}
      placeholder={t('wo.form.customerSearch')}
      notFoundContent={term.trim().length >= 2 ? t('wo.form.noCustomer') : t('wo.form.typeToSearch')}
      options={options}
      optionRender={(o) => (
        <div data-testid="wo-customer-option">
          <div>{o.data.label}</div>
          {o.data.address ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.data.address}
            </Typography.Text>
          ) : null}
        </div>
      )}
      data-testid={testId}
    />
  );
}
