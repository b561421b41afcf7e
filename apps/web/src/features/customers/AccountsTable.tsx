import { Button, Flex, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Account, Meter, Premise } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import { useEnumLabel } from '../../shared/useEnumLabel';
import { PartAddButton, PartRowActions, type PartEditing } from './PartRowActions';

const SEAL_COLOURS: Record<string, string> = { sealed: 'green', unsealed: 'orange', broken: 'red' };

/** 用电户 with their meters expanded underneath; with `editing` both can be added and changed. */
export function AccountsTable({
  accounts,
  meters,
  premises,
  editing,
}: {
  accounts: Account[];
  meters: Meter[];
  premises: Premise[];
  editing?: PartEditing;
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
        ...(editing
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, r: Meter) => (
                  <PartRowActions kind="meter" record={r} editing={editing} />
                ),
              },
            ]
          : []),
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
      title={
        editing
          ? () => (
              <Flex justify="flex-end">
                <Space>
                  <PartAddButton
                    kind="account"
                    editing={editing}
                    label={t('parts.addTitle', { what: t('parts.kind.account') })}
                  />
                  <PartAddButton
                    kind="meter"
                    editing={editing}
                    label={t('parts.addMeter')}
                    defaults={{ accountId: accounts[0]?.id }}
                    disabled={!accounts.length}
                  />
                </Space>
              </Flex>
            )
          : undefined
      }
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
        ...(editing
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, r: Account) => (
                  <PartRowActions
                    kind="account"
                    record={r}
                    editing={editing}
                    extra={
                      <Button
                        type="link"
                        size="small"
                        icon={<PlusOutlined />}
                        onClick={() => editing.open({ kind: 'meter', defaults: { accountId: r.id } })}
                        data-testid={`meter-add-${r.id}`}
                      >
                        {t('parts.addMeterShort')}
                      </Button>
                    }
                  />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
