import { Flex, Table, Tag } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { Account, Transformer } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import { useEnumLabel } from '../../shared/useEnumLabel';
import { PartAddButton, PartRowActions, type PartEditing } from './PartRowActions';

const STATE_COLOURS: Record<string, string> = {
  running: 'green',
  hot_standby: 'orange',
  cold_standby: 'blue',
};

/** 受电变压器: state (running / hot standby / cold standby) and seal; editable with `editing`. */
export function TransformersTable({
  transformers,
  accounts,
  editing,
}: {
  transformers: Transformer[];
  accounts: Account[];
  editing?: PartEditing;
}) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const accountNo = new Map(accounts.map((a) => [a.id, a.accountNo]));
  const totalKva = transformers.reduce((s, x) => s + (x.state === 'running' ? x.capacityKva : 0), 0);
  return (
    <Table<Transformer>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={transformers}
      locale={{ emptyText: t('c360.noTransformers') }}
      data-testid="transformers-table"
      title={
        editing
          ? () => (
              <Flex justify="flex-end">
                <PartAddButton kind="transformer" editing={editing} />
              </Flex>
            )
          : undefined
      }
      footer={transformers.length ? () => t('transformer.runningTotal', { kva: totalKva }) : undefined}
      columns={[
        { title: t('transformer.assetNo'), dataIndex: 'assetNo' },
        { title: t('transformer.capacity'), dataIndex: 'capacityKva', render: (v: number) => `${v} kVA` },
        {
          title: t('transformer.state'),
          dataIndex: 'state',
          render: (v: string) => (
            <Tag color={STATE_COLOURS[v]} data-testid="transformer-state">
              {label('transformerState', v)}
            </Tag>
          ),
        },
        {
          title: t('transformer.sealed'),
          dataIndex: 'sealed',
          render: (v: boolean, r) =>
            v ? (
              <Tag icon={<LockOutlined />} color="purple">
                {t('transformer.sealedOn', { date: formatDate(r.sealedAt) || '' })}
              </Tag>
            ) : (
              t('common.no')
            ),
        },
        {
          title: t('transformer.interlock'),
          dataIndex: 'interlockGroup',
          render: (v: string | null) => v || '—',
        },
        {
          title: t('account.accountNo'),
          dataIndex: 'accountId',
          render: (v: number | null) => (v ? (accountNo.get(v) ?? '') : '—'),
        },
        ...(editing
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, r: Transformer) => (
                  <PartRowActions kind="transformer" record={r} editing={editing} />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
