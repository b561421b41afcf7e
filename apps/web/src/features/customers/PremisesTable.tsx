import { Flex, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Account } from '@gridcare/contracts';
import type { PremiseWithTopology } from '../../api/types';
import { useEnumLabel } from '../../shared/useEnumLabel';
import { PartAddButton, PartRowActions, type PartEditing } from './PartRowActions';

/** 用电地址 with the accounts at each (a premise still used by an account cannot be removed). */
export function PremisesTable({
  premises,
  accounts,
  editing,
}: {
  premises: PremiseWithTopology[];
  accounts: Account[];
  editing?: PartEditing;
}) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const accountNos = (premiseId: number) =>
    accounts
      .filter((a) => a.premiseId === premiseId)
      .map((a) => a.accountNo)
      .join('、') || '—';
  return (
    <Table<PremiseWithTopology>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={premises}
      locale={{ emptyText: t('c360.noPremises') }}
      data-testid="premises-table"
      title={
        editing
          ? () => (
              <Flex justify="flex-end">
                <PartAddButton kind="premise" editing={editing} />
              </Flex>
            )
          : undefined
      }
      columns={[
        { title: t('premise.detail'), dataIndex: 'fullAddress' },
        {
          title: t('premise.areaClass'),
          dataIndex: 'areaClass',
          render: (v: string) => <Tag>{label('areaClass', v)}</Tag>,
        },
        {
          title: t('c360.transformerArea'),
          render: (_: unknown, r) => r.topology?.transformerArea?.name ?? '—',
        },
        { title: t('account.accountNo'), key: 'accounts', render: (_: unknown, r) => accountNos(r.id) },
        ...(editing
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, r: PremiseWithTopology) => (
                  <PartRowActions kind="premise" record={r} editing={editing} />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
