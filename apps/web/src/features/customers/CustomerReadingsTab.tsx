// The customer's meter readings on the 360 page: one account at a time (a business customer may have several).
import { useState } from 'react';
import { Empty, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AccountReadingsCard } from '../metering/AccountReadingsCard';

export function CustomerReadingsTab({ accounts }: { accounts: { id: number; accountNo: string }[] }) {
  const { t } = useTranslation();
  const [accountId, setAccountId] = useState<number | undefined>(accounts[0]?.id);
  if (!accounts.length || accountId === undefined) return <Empty />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {accounts.length > 1 && (
        <Space>
          <Typography.Text type="secondary">{t('c360.readingsAccount')}</Typography.Text>
          <Select
            data-testid="readings-account"
            style={{ minWidth: 200 }}
            value={accountId}
            onChange={setAccountId}
            options={accounts.map((a) => ({ value: a.id, label: a.accountNo }))}
          />
        </Space>
      )}
      <AccountReadingsCard accountId={accountId} />
    </Space>
  );
}
