// Reading payments back: one payment with its allocations and receipt, and the scoped, filtered list.
import type { PaymentListQuery } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';

export interface PaymentRow {
  id: number;
  payment_no: string;
  reference: string;
  channel: 'counter' | 'online' | 'bank_withholding' | 'manager' | 'prepaid';
  account_id: number;
  account_no: string;
  customer_id: number;
  customer_name: string;
  org_unit_id: number;
  amount_fen: number;
  late_fee_fen: number;
  principal_fen: number;
  prepaid_fen: number;
  status: 'posted' | 'refunded';
  pay_date: string;
  paid_at: string;
  external_txn_id: string | null;
  payer_name: string | null;
  posted_by_name: string | null;
  receipt_id: number | null;
  receipt_no: string | null;
  allocations?: {
    bill_id: number;
    bill_no: string;
    period: string;
    principal_fen: number;
    late_fee_fen: number;
    late_fee_rule: string | null;
  }[];
}

const COLUMNS = `p.id, p.payment_no, p.reference, p.channel, p.account_id, a.account_no, p.customer_id,
  c.name AS customer_name, p.org_unit_id, p.amount_fen, p.late_fee_fen, p.principal_fen, p.prepaid_fen,
  p.status, p.pay_date, p.paid_at, p.external_txn_id, p.payer_name, p.posted_by_name,
  r.id AS receipt_id, r.receipt_no`;
const FROM = `payments p JOIN accounts a ON a.id = p.account_id JOIN customers c ON c.id = p.customer_id
  LEFT JOIN receipts r ON r.payment_id = p.id`;

export async function findPayment(db: Db, id: number): Promise<PaymentRow | null> {
  const r = await db.query<PaymentRow>(
    `SELECT ${COLUMNS},
       COALESCE((SELECT json_agg(json_build_object('bill_id', x.bill_id, 'bill_no', b.bill_no, 'period', b.period,
                  'principal_fen', x.principal_fen, 'late_fee_fen', x.late_fee_fen, 'late_fee_rule', x.late_fee_rule)
                  ORDER BY b.period, b.settlement, b.id)
                   FROM payment_allocations x JOIN bills b ON b.id = x.bill_id WHERE x.payment_id = p.id), '[]'::json)
         AS allocations
       FROM ${FROM} WHERE p.id = $1`,
    [id],
  );
  return r.rows[0] ?? null;
}

export async function listPaymentRows(
  db: Db,
  scope: number[],
  q: PaymentListQuery,
): Promise<{ rows: PaymentRow[]; total: number }> {
  const where = ['p.org_unit_id = ANY($1::bigint[])'];
  const params: unknown[] = [scope];
  if (q.q) {
    params.push(q.q);
    where.push(
      `(a.account_no = $${params.length} OR p.payment_no = $${params.length} OR p.reference = $${params.length})`,
    );
  }
  if (q.channel) {
    params.push(q.channel);
    where.push(`p.channel = $${params.length}`);
  }
  if (q.from) {
    params.push(q.from);
    where.push(`p.pay_date >= $${params.length}::date`);
  }
  if (q.to) {
    params.push(q.to);
    where.push(`p.pay_date <= $${params.length}::date`);
  }
  const filter = where.join(' AND ');
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${FROM} WHERE ${filter} LIMIT 10000) t`,
    params,
  );
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const r = await db.query<PaymentRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ${filter} ORDER BY p.paid_at DESC, p.id DESC
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { rows: r.rows, total: total.rows[0].n };
}
