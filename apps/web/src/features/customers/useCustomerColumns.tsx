import { useMemo } from 'react';
import type { TableColumnsType } from 'antd';
import { Tag, Typography } from 'antd';
import type { CustomerSummary } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { ClassTag, TierTag, VipTag } from '../../shared/CustomerTags';
import { useEnumLabel } from '../../shared/useEnumLabel';

/** The columns of every customer list: number, name, class, tier, VIP, phone (masked), address, manager. */
export function useCustomerColumns(options: { matchedBy?: boolean } = {}): TableColumnsType<CustomerSummary> {
  const { t } = useTranslation();
  const label = useEnumLabel();
  return useMemo(
    () => [
      {
        title: t('customer.customerNo'),
        dataIndex: 'customerNo',
        width: 150,
        render: (v: string) => <Typography.Text copyable={false}>{v}</Typography.Text>,
      },
      {
        title: t('customer.name'),
        dataIndex: 'name',
        render: (v: string, r) => (
          <span>
            <Typography.Link>{v}</Typography.Link>
            {options.matchedBy && r.matchedBy ? (
              <Tag color="processing" style={{ marginInlineStart: 8 }} data-testid="matched-by">
                {t('search.matchedBy')}: {label('matchedBy', r.matchedBy)}
              </Tag>
            ) : null}
          </span>
        ),
      },
      {
        title: t('customer.customerClass'),
        dataIndex: 'customerClass',
        width: 110,
        render: (v: string) => <ClassTag value={v} />,
      },
      {
        title: t('customer.importanceTier'),
        dataIndex: 'importanceTier',
        width: 110,
        render: (v: string) => <TierTag value={v} />,
      },
      { title: 'VIP', dataIndex: 'vip', width: 80, render: (v: boolean) => <VipTag vip={v} /> },
      { title: t('customer.phone'), dataIndex: 'phone', width: 140 },
      { title: t('customer.address'), dataIndex: 'address', ellipsis: true },
      {
        title: t('customer.accountManager'),
        dataIndex: 'accountManagerName',
        width: 110,
        render: (v: string | null | undefined) =>
          v || <Typography.Text type="secondary">{t('customer.noManager')}</Typography.Text>,
      },
    ],
    [t, label, options.matchedBy],
  );
}
