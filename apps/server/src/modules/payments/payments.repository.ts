// The SQL of payments: open bills (locked for allocation), payments and their allocations, receipts and
// the prepaid balance. Bills belong to engineer B's table; only paid_fen / status / paid_at / version are
// written here.
import type { OpenBill } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';

export interface AccountRow {
  id: number;
  account_no: string;
  customer_id: number;
  customer_name: string;
  org_unit_id: number;
  tariff_category: string;
}

const ACCOUNT_COLUMNS = `a.id, a.account_no, a.customer_id, c.name AS customer_name, a.org_unit_id, a.tariff_category`;

export async function findAccount(db: Db, accountId: number): Promise<AccountRow | null> {
  const r = await db.query<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM accounts a JOIN customers c ON c.id = a.customer_id WHERE a.id = $1`,
    [accountId],
  );
  return r.rows[0] ?? null;
}

export async function findAccountByNo(db: Db, accountNo: string): Promise<AccountRow | null> {
  const r = await db.query<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM accounts a JOIN customers c ON c.id = a.customer_id WHERE a.account_no = $1`,
    [accountNo],
  );
  return r.rows[0] ?? null;
}

export interface OpenBillRow {
  id: number;
  bill_no: string;
  period: string;
  settlement: number;
  due_date: string;
  status: 'issued' | 'partially_paid';
  total_fen: number;
  paid_fen: number;
  tariff_category: string;
  accrued_through: string | null;
  late_fee_unpaid_fen: number | null;
}

/**
 * The account's unpaid bills (superseded and cancelled ones never count). With `lock`, the rows are
 * locked FOR UPDATE in id order, so two payments for one account serialise instead of deadlocking.
 */
export async function openBills(db: Db, accountId: number, lock = false): Promise<OpenBillRow[]> {
  const r = await db.query<OpenBillRow>(
    `SELECT b.id, b.bill_no, b.period, b.settlement, b.due_date, b.status, b.total_fen, b.paid_fen,
            b.tariff_category, f.accrued_through, f.unpaid_fen AS late_fee_unpaid_fen
       FROM bills b LEFT JOIN bill_late_fees f ON f.bill_id = b.id
      WHERE b.account_id = $1 AND b.status IN ('issued','partially_paid')
      ORDER BY b.id ${lock ? 'FOR UPDATE OF b' : ''}`,
    [accountId],
  );
  return r.rows;
}

export function toOpenBill(r: OpenBillRow): OpenBill {
  return {
    billId: r.id,
    period: r.period,
    settlement: r.settlement,
    dueDate: r.due_date,
    outstandingFen: r.total_fen - r.paid_fen,
    residential: r.tariff_category === 'residential',
    lateFeeAccruedThrough: r.accrued_through,
    lateFeeUnpaidFen: r.late_fee_unpaid_fen ?? 0,
  };
}

export interface NewPayment {
  reference: string;
  channel: string;
  account: AccountRow;
  amountFen: number;
  payDate: string;
  paidAt: Date;
  externalTxnId?: string | null;
  payerName?: string | null;
  note?: string | null;
  postedBy?: { id: number; name: string } | null;
}

/** Inserts the payment unless its reference exists; returns the new id, or null for a known reference. */
export async function insertPayment(db: Db, p: NewPayment): Promise<number | null> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO payments(payment_no, reference, channel, account_id, customer_id, org_unit_id, amount_fen,
                          pay_date, paid_at, external_txn_id, payer_name, note, posted_by, posted_by_name)
     VALUES ('PAY' || to_char($7::date, 'YYYYMMDD') || lpad(nextval('payment_no_seq')::text, 8, '0'),
             $1,$2,$3,$4,$5,$6,$7::date,$8::timestamptz,$9,$10,$11,$12,$13)
     ON CONFLICT (reference) DO NOTHING RETURNING id`,
    [
      p.reference,
      p.channel,
      p.account.id,
      p.account.customer_id,
      p.account.org_unit_id,
      p.amountFen,
      p.payDate,
      p.paidAt.toISOString(),
      p.externalTxnId ?? null,
      p.payerName ?? null,
      p.note ?? null,
      p.postedBy?.id ?? null,
      p.postedBy?.name ?? null,
    ],
  );
  return r.rows[0]?.id ?? null;
}

export async function findPaymentByReference(
  db: Db,
  reference: string,
): Promise<{ id: number; account_id: number; amount_fen: number; channel: string } | null> {
  const r = await db.query<{ id: number; account_id: number; amount_fen: number; channel: string }>(
    `SELECT id, account_id, amount_fen, channel FROM payments WHERE reference = $1`,
    [reference],
  );
  return r.rows[0] ?? null;
}

export async function applyToBill(
  db: Db,
  a: {
    paymentId: number;
    billId: number;
    principalFen: number;
    lateFeeFen: number;
    lateFeeRule: string;
    accruedThrough: string | null;
    lateFeeUnpaidFen: number;
    paidAt: Date;
  },
): Promise<void> {
  if (a.principalFen > 0) {
    await db.query(
      `UPDATE bills SET paid_fen = paid_fen + $2,
              status = CASE WHEN paid_fen + $2 >= total_fen THEN 'paid' ELSE 'partially_paid' END,
              paid_at = CASE WHEN paid_fen + $2 >= total_fen THEN $3::timestamptz ELSE paid_at END,
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [a.billId, a.principalFen, a.paidAt.toISOString()],
    );
  }
  await db.query(
    `INSERT INTO bill_late_fees(bill_id, accrued_through, unpaid_fen, paid_fen) VALUES ($1,$2,$3,$4)
     ON CONFLICT (bill_id) DO UPDATE SET accrued_through = EXCLUDED.accrued_through,
       unpaid_fen = EXCLUDED.unpaid_fen, paid_fen = bill_late_fees.paid_fen + EXCLUDED.paid_fen, updated_at = now()`,
    [a.billId, a.accruedThrough, a.lateFeeUnpaidFen, a.lateFeeFen],
  );
  await db.query(
    `INSERT INTO payment_allocations(payment_id, bill_id, principal_fen, late_fee_fen, late_fee_rule)
     VALUES ($1,$2,$3,$4,$5)`,
    [a.paymentId, a.billId, a.principalFen, a.lateFeeFen, a.lateFeeRule || null],
  );
}

export async function finishPayment(
  db: Db,
  paymentId: number,
  totals: { lateFeeFen: number; principalFen: number; prepaidFen: number },
): Promise<void> {
  await db.query(
    `UPDATE payments SET late_fee_fen = $2, principal_fen = $3, prepaid_fen = $4, updated_at = now() WHERE id = $1`,
    [paymentId, totals.lateFeeFen, totals.principalFen, totals.prepaidFen],
  );
  await db.query(
    `INSERT INTO receipts(receipt_no, payment_id, account_id, org_unit_id, amount_fen)
     SELECT 'RC' || to_char(pay_date, 'YYYYMMDD') || lpad(nextval('receipt_no_seq')::text, 8, '0'),
            id, account_id, org_unit_id, amount_fen
       FROM payments WHERE id = $1`,
    [paymentId],
  );
}

/** Adds (positive) or takes (negative) money on the prepaid balance, with its movement row. */
export async function movePrepaid(
  db: Db,
  account: AccountRow,
  m: { kind: 'deposit' | 'apply' | 'refund'; amountFen: number; paymentId?: number; refundId?: number },
): Promise<number> {
  // A withdrawal updates the existing row (an INSERT of a negative balance would fail its CHECK first).
  const r =
    m.amountFen >= 0
      ? await db.query<{ balance_fen: number }>(
          `INSERT INTO prepaid_balances(account_id, customer_id, org_unit_id, balance_fen) VALUES ($1,$2,$3,$4)
           ON CONFLICT (account_id) DO UPDATE SET balance_fen = prepaid_balances.balance_fen + EXCLUDED.balance_fen,
             version = prepaid_balances.version + 1, updated_at = now()
           RETURNING balance_fen`,
          [account.id, account.customer_id, account.org_unit_id, m.amountFen],
        )
      : await db.query<{ balance_fen: number }>(
          `UPDATE prepaid_balances SET balance_fen = balance_fen + $2, version = version + 1, updated_at = now()
            WHERE account_id = $1 RETURNING balance_fen`,
          [account.id, m.amountFen],
        );
  await db.query(
    `INSERT INTO prepaid_movements(account_id, kind, amount_fen, payment_id, refund_id) VALUES ($1,$2,$3,$4,$5)`,
    [account.id, m.kind, m.amountFen, m.paymentId ?? null, m.refundId ?? null],
  );
  return r.rows[0].balance_fen;
}

export async function prepaidBalance(db: Db, accountId: number, lock = false): Promise<number> {
  const r = await db.query<{ balance_fen: number }>(
    `SELECT balance_fen FROM prepaid_balances WHERE account_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [accountId],
  );
  return r.rows[0]?.balance_fen ?? 0;
}
