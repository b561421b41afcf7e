import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BillLine } from './types';
import { formatYuan } from './money';

interface Row extends BillLine {
  key: number;
  formula?: string;
}

/** A bill's lines: item, quantity × price, amount and the rule applied; the total in the footer. */
export function BillLinesTable({
  lines,
  formulas,
  totalFen,
  testId,
}: {
  lines: BillLine[];
  /** "explain this bill": the server's formula per line, in line order. */
  formulas?: string[];
  totalFen: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const rows: Row[] = lines.map((l, i) => ({ ...l, key: i, formula: formulas?.[i] }));
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      data-testid={testId}
      columns={[
        {
          title: t('billing.lines.item'),
          dataIndex: 'labelKey',
          render: (k: string, r) =>
            r.code === 'surcharge' && r.detail?.surchargeName
              ? String(r.detail.surchargeName)
              : t(k, { defaultValue: r.code }),
        },
        formulas
          ? { title: t('billing.lines.formula'), dataIndex: 'formula' }
          : {
              title: `${t('billing.lines.quantity')} × ${t('billing.lines.price')}`,
              key: 'qp',
              render: (_: unknown, r: Row) => `${r.quantity} ${r.unit} × ${r.price}`,
            },
        {
          title: t('billing.lines.amount'),
          dataIndex: 'amountFen',
          align: 'right',
          render: (v: number) => formatYuan(v),
        },
        {
          title: t('billing.lines.rule'),
          dataIndex: 'rule',
          render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text>,
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={2}>
            <strong>{t('billing.lines.total')}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            <strong data-testid={testId ? `${testId}-total` : undefined}>{formatYuan(totalFen)}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} />
        </Table.Summary.Row>
      )}
    />
  );
}
