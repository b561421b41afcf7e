import { Table, Tag, Typography } from 'antd';
import type { Account, Meter, Premise } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import { useEnumLabel } from '../../shared/useEnumLabel';

const SEAL_COLOURS: Record<string, string> = { sealed: 'green', unsealed: 'orange', broken: 'red' };

/** 用电户 with their meters expanded underneath. */
export function AccountsTable({
  accounts,
  meters,
  premises,
}: {
  accounts: Account[];
  meters: Meter[];
  premises: Premise[];
}) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const premiseAddress = new Map(premises.map((p) => [p.id, p.fullAddress]));

  const meterTable = (account: Account) => (
    <Table<Meter>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={meters.filter((m) => m.accountId === account.id)}
      locale={{ emptyText: t('c360.noMeters') }}
      columns={[
        { title: t('meter.assetNo'), dataIndex: 'assetNo' },
        { title: t('meter.meterType'), dataIndex: 'meterType', render: (v: string) => label('meterType', v) },
        {
          title: t('meter.tou'),
          dataIndex: 'touCapable',
          render: (v: boolean) => (v ? t('common.yes') : t('common.no')),
        },
        {
          title: t('meter.multiplier'),
          dataIndex: 'multiplier',
          render: (v: number, r) => `${v} (${r.ctRatio}×${r.ptRatio})`,
        },
        { title: t('meter.installDate'), dataIndex: 'installDate', render: formatDate },
        {
          title: t('meter.sealStatus'),
          dataIndex: 'sealStatus',
          render: (v: string) => <Tag color={SEAL_COLOURS[v]}>{label('sealStatus', v)}</Tag>,
        },
        { title: t('meter.lastTestDate'), dataIndex: 'lastTestDate', render: formatDate },
      ]}
    />
  );

  return (
    <Table<Account>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={accounts}
      locale={{ emptyText: t('c360.noAccounts') }}
      expandable={{ expandedRowRender: meterTable, defaultExpandAllRows: accounts.length <= 3 }}
      data-testid="accounts-table"
      columns={[
        {
          title: t('account.accountNo'),
          dataIndex: 'accountNo',
          render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
        },
        {
          title: t('account.status'),
          dataIndex: 'status',
          render: (v: string) => (
            <Tag color={v === 'active' ? 'green' : 'default'}>{label('accountStatus', v)}</Tag>
          ),
        },
        { title: t('account.voltageLevel'), dataIndex: 'voltageLevel' },
        {
          title: t('account.supplyMode'),
          dataIndex: 'supplyMode',
          render: (v: string) => label('supplyMode', v),
        },
        { title: t('account.capacity'), dataIndex: 'contractCapacityKva', render: (v: number) => `${v} kVA` },
        {
          title: t('account.tariffCategory'),
          dataIndex: 'tariffCategory',
          render: (v: string) => label('tariffCategory', v),
        },
        {
          title: t('account.basicFeeMethod'),
          dataIndex: 'basicFeeMethod',
          render: (v: string) => label('basicFeeMethod', v),
        },
        {
          title: t('account.readingBook'),
          render: (_: unknown, r) =>
            [r.readingBook, r.readingDay ? t('account.dayN', { day: r.readingDay }) : null]
              .filter(Boolean)
              .join(' / ') || '—',
        },
        {
          title: t('account.premise'),
          dataIndex: 'premiseId',
          ellipsis: true,
          render: (v: number | null) => (v ? (premiseAddress.get(v) ?? '') : '—'),
        },
      ]}
    />
  );
}
