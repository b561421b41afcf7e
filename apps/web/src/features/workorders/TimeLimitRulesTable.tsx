import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEnumLabel } from '../../shared/useEnumLabel';
import type { TimeLimitRuleRow } from './types';
import { useLimitText } from './useLimitText';
import { useWorkOrderLabel } from './useWorkOrderLabel';

/** One version's rules: kind, the conditions (blank = any) and the limit with its unit in words. */
export function TimeLimitRulesTable({ rules }: { rules: TimeLimitRuleRow[] }) {
  const { t } = useTranslation();
  const label = useWorkOrderLabel();
  const enumLabel = useEnumLabel();
  const limitText = useLimitText();
  const any = <Typography.Text type="secondary">{t('wo.routing.any')}</Typography.Text>;
  return (
    <Table<TimeLimitRuleRow>
      rowKey={(r) => `${r.kind}|${r.type ?? ''}|${r.subCategory ?? ''}|${r.areaClass ?? ''}`}
      size="small"
      pagination={false}
      dataSource={rules}
      data-testid="time-limit-rules"
      columns={[
        { title: t('wo.limit.kind'), dataIndex: 'kind', render: (v: string) => label('clockKind', v) },
        {
          title: t('wo.col.type'),
          dataIndex: 'type',
          render: (v?: string | null) => (v ? label('type', v) : any),
        },
        {
          title: t('wo.form.subCategory'),
          dataIndex: 'subCategory',
          render: (v?: string | null) => (v ? label('subCategory', v) : any),
        },
        {
          title: t('premise.areaClass'),
          dataIndex: 'areaClass',
          render: (v?: string | null) => (v ? enumLabel('areaClass', v) : any),
        },
        { title: t('wo.limit.amount'), dataIndex: 'amount', align: 'right', width: 90 },
        { title: t('wo.limit.unit'), dataIndex: 'unit', render: (v: string) => label('limitUnit', v) },
        {
          title: t('wo.limit.reads'),
          key: 'reads',
          render: (_: unknown, r) => limitText(r.amount, r.unit),
        },
      ]}
    />
  );
}
