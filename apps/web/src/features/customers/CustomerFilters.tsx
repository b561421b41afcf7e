import { Select, Space } from 'antd';
import { CUSTOMER_CLASSES, IMPORTANCE_TIERS } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { useEnumOptions } from '../../shared/useEnumLabel';
import { OrgUnitSelect } from '../org/OrgUnitSelect';

export interface CustomerFilterValues {
  customerClass?: string;
  importanceTier?: string;
  vip?: string;
  orgUnitId?: string;
}

/** Class, tier, VIP and org-unit filters used by the search and the unassigned list. */
export function CustomerFilters({
  values,
  onChange,
  showVip = true,
}: {
  values: CustomerFilterValues;
  onChange: (changes: Partial<Record<keyof CustomerFilterValues, string | undefined>>) => void;
  showVip?: boolean;
}) {
  const { t } = useTranslation();
  const options = useEnumOptions();
  return (
    <Space wrap>
      <Select
        allowClear
        style={{ width: 150 }}
        placeholder={t('customer.customerClass')}
        value={values.customerClass}
        onChange={(v) => onChange({ customerClass: v })}
        options={options('customerClass', CUSTOMER_CLASSES)}
        data-testid="filter-class"
      />
      <Select
        allowClear
        style={{ width: 150 }}
        placeholder={t('customer.importanceTier')}
        value={values.importanceTier}
        onChange={(v) => onChange({ importanceTier: v })}
        options={options('importanceTier', IMPORTANCE_TIERS)}
        data-testid="filter-tier"
      />
      {showVip && (
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder="VIP"
          value={values.vip}
          onChange={(v) => onChange({ vip: v })}
          options={[
            { value: 'true', label: t('search.vipOnly') },
            { value: 'false', label: t('search.nonVip') },
          ]}
          data-testid="filter-vip"
        />
      )}
      <OrgUnitSelect
        allowClear
        placeholder={t('customer.orgUnit')}
        value={values.orgUnitId ? Number(values.orgUnitId) : undefined}
        onChange={(v) => onChange({ orgUnitId: v ? String(v) : undefined })}
        style={{ width: 220 }}
        data-testid="filter-org"
      />
    </Space>
  );
}
