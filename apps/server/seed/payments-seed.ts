// Demo payments for `npm start`, after the bill runs: most bills paid (counter, online, bank withholding,
// account manager), some paid late with their late fee, about one account in seven left in arrears on its
// latest bills (oldest-first stays true: an account's unpaid bills are always its newest), recent bills
// not yet due partly unpaid, a few prepaid balances, withholding agreements, and one disconnection case.
// Written set-wise (INSERT … SELECT) so it takes seconds for a year of bills. The late fee here is the
// rule of packages/domain collections/late-fee.ts written in SQL (0.1 % residential; 0.2 % / 0.3 % per day
// for current-year / earlier-year arrears; at least 1 yuan; half-up to the fen).
import type { Db } from '../src/platform/db/db';
import { permissionsOf } from '@gridcare/domain';
import { createDisconnectionCase } from '../src/modules/payments/disconnection.service';

const SELECT_PLAN = `
  WITH b AS (
    SELECT b.id, b.account_id, b.customer_id, b.org_unit_id, b.tariff_category, b.due_date, b.issued_at,
           b.total_fen - b.paid_fen AS owed,
           row_number() OVER (PARTITION BY b.account_id ORDER BY b.period DESC, b.settlement DESC, b.id DESC) AS rn,
           ((b.account_id * 7919) % 100)::int AS ha, ((b.id * 104729) % 100)::int AS hb,
           (now() AT TIME ZONE 'Asia/Shanghai')::date AS today
      FROM bills b WHERE b.status IN ('issued','partially_paid') AND b.total_fen > b.paid_fen
  ), chosen AS (
    SELECT b.*,
           CASE WHEN b.hb >= 85 AND b.due_date + 1 < b.today
                THEN least(b.today, b.due_date + 1 + (b.hb % 25))
                ELSE greatest(b.issued_at::date, least(b.today, b.due_date - (b.hb % 10))) END AS pay_date
      FROM b
     WHERE NOT (b.ha < 15 AND b.rn <= 1 + b.ha % 6)       -- arrears accounts keep their newest bills unpaid
       AND NOT (b.due_date >= b.today AND b.hb < 50)       -- half the bills not yet due are still open
  ), fee AS (
    SELECT c.*,
           greatest(0, least(c.pay_date, make_date(extract(year FROM c.due_date)::int, 12, 31)) - c.due_date) AS cur_days,
           greatest(0, c.pay_date - make_date(extract(year FROM c.due_date)::int + 1, 1, 1) + 1) AS earlier_days
      FROM chosen c
  )
  SELECT f.id AS bill_id, f.account_id, f.customer_id, f.org_unit_id, f.owed, f.pay_date,
         CASE WHEN f.pay_date <= f.due_date THEN 0
              ELSE greatest(100, round(f.owed::numeric * CASE WHEN f.tariff_category = 'residential'
                                  THEN (f.cur_days + f.earlier_days) * 1 ELSE f.cur_days * 2 + f.earlier_days * 3 END / 1000))
         END::bigint AS fee,
         CASE WHEN f.hb < 45 THEN 'counter' WHEN f.hb < 70 THEN 'online'
              WHEN f.hb < 88 THEN 'bank_withholding' ELSE 'manager' END AS channel,
         least(now(), (f.pay_date::timestamp + interval '9 hours' + (f.hb * 5) * interval '1 minute') AT TIME ZONE 'Asia/Shanghai') AS paid_at
    FROM fee f`;

export async function seedPayments(db: Db): Promise<{ payments: number }> {
  const result = await db.transaction(async (tx) => {
    await tx.exec(`CREATE TEMP TABLE seed_pay ON COMMIT DROP AS ${SELECT_PLAN}`);
    await tx.exec(`
      INSERT INTO payments(payment_no, reference, channel, account_id, customer_id, org_unit_id, amount_fen,
                           late_fee_fen, principal_fen, prepaid_fen, pay_date, paid_at, external_txn_id, posted_by_name)
      SELECT 'PAY' || to_char(s.pay_date, 'YYYYMMDD') || lpad(nextval('payment_no_seq')::text, 8, '0'),
             'SEED-' || s.bill_id, s.channel, s.account_id, s.customer_id, s.org_unit_id, s.owed + s.fee,
             s.fee, s.owed, 0, s.pay_date, s.paid_at,
             CASE s.channel WHEN 'online' THEN 'SIM' || s.bill_id WHEN 'bank_withholding' THEN 'BK' || s.bill_id END,
             CASE s.channel WHEN 'counter' THEN '营业厅收费员' WHEN 'manager' THEN '客户经理' END
        FROM seed_pay s ORDER BY s.paid_at;
      INSERT INTO payment_allocations(payment_id, bill_id, principal_fen, late_fee_fen, late_fee_rule)
      SELECT p.id, s.bill_id, s.owed, s.fee, CASE WHEN s.fee > 0 THEN '逾期缴费违约金' END
        FROM seed_pay s JOIN payments p ON p.reference = 'SEED-' || s.bill_id;
      INSERT INTO bill_late_fees(bill_id, accrued_through, unpaid_fen, paid_fen)
      SELECT s.bill_id, s.pay_date, 0, s.fee FROM seed_pay s WHERE s.fee > 0;
      INSERT INTO receipts(receipt_no, payment_id, account_id, org_unit_id, amount_fen, issued_at)
      SELECT 'RC' || to_char(p.pay_date, 'YYYYMMDD') || lpad(nextval('receipt_no_seq')::text, 8, '0'),
             p.id, p.account_id, p.org_unit_id, p.amount_fen, p.paid_at
        FROM payments p WHERE p.reference LIKE 'SEED-%' ORDER BY p.paid_at;
      UPDATE bills b SET paid_fen = b.total_fen, status = 'paid', paid_at = s.paid_at, version = b.version + 1,
             updated_at = now()
        FROM seed_pay s WHERE b.id = s.bill_id;
      INSERT INTO timeline_events(customer_id, org_unit_id, at, kind, title, ref_entity, ref_id)
      SELECT s.customer_id, s.org_unit_id, s.paid_at, 'payment',
             '缴费 ' || to_char((s.owed + s.fee) / 100.0, 'FM999999990.00') || ' 元（' ||
             CASE s.channel WHEN 'counter' THEN '柜台' WHEN 'online' THEN '网上缴费'
                            WHEN 'bank_withholding' THEN '银行代扣' ELSE '客户经理代收' END || '）',
             'payment', p.id::text
        FROM seed_pay s JOIN payments p ON p.reference = 'SEED-' || s.bill_id;
      -- Accounts that pay by bank withholding have an agreement with one of two banks.
      INSERT INTO withholding_agreements(account_id, org_unit_id, bank_code, bank_account_no, holder_name, signed_on)
      SELECT DISTINCT ON (s.account_id) s.account_id, s.org_unit_id,
             CASE WHEN s.account_id % 2 = 0 THEN 'ICBC' ELSE 'CCB' END,
             '6222' || lpad((s.account_id * 7919 % 100000000)::text, 12, '0'), c.name, '2025-01-01'
        FROM seed_pay s JOIN customers c ON c.id = s.customer_id WHERE s.channel = 'bank_withholding'
      ON CONFLICT (account_id) DO NOTHING;`);
    // A few customers keep money on account (预存电费): a deposit with nothing to pay.
    await tx.exec(`
      CREATE TEMP TABLE seed_prepaid ON COMMIT DROP AS
      SELECT a.id AS account_id, a.customer_id, a.org_unit_id, (10 + a.id % 41) * 1000 AS amount
        FROM accounts a
       WHERE a.id % 53 = 0
         AND NOT EXISTS (SELECT 1 FROM bills b WHERE b.account_id = a.id AND b.status IN ('issued','partially_paid'));
      INSERT INTO payments(payment_no, reference, channel, account_id, customer_id, org_unit_id, amount_fen,
                           prepaid_fen, pay_date, paid_at, posted_by_name)
      SELECT 'PAY' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('payment_no_seq')::text, 8, '0'),
             'SEED-PRE-' || s.account_id, 'counter', s.account_id, s.customer_id, s.org_unit_id, s.amount, s.amount,
             (now() AT TIME ZONE 'Asia/Shanghai')::date - 3, now() - interval '3 days', '营业厅收费员'
        FROM seed_prepaid s;
      INSERT INTO receipts(receipt_no, payment_id, account_id, org_unit_id, amount_fen, issued_at)
      SELECT 'RC' || to_char(p.pay_date, 'YYYYMMDD') || lpad(nextval('receipt_no_seq')::text, 8, '0'),
             p.id, p.account_id, p.org_unit_id, p.amount_fen, p.paid_at
        FROM payments p WHERE p.reference LIKE 'SEED-PRE-%';
      INSERT INTO prepaid_balances(account_id, customer_id, org_unit_id, balance_fen)
      SELECT account_id, customer_id, org_unit_id, amount FROM seed_prepaid;
      INSERT INTO prepaid_movements(account_id, kind, amount_fen, payment_id)
      SELECT p.account_id, 'deposit', p.amount_fen, p.id FROM payments p WHERE p.reference LIKE 'SEED-PRE-%';`);
    const n = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM payments WHERE reference LIKE 'SEED-%'`,
    );
    return { payments: n.rows[0].n };
  });
  await seedDisconnectionCase(db);
  return result;
}

/** One disconnection case, notice sent, for the non-residential account with the oldest arrears. */
async function seedDisconnectionCase(db: Db): Promise<void> {
  const target = await db.query<{ account_id: number }>(
    `SELECT b.account_id FROM bills b
      WHERE b.status IN ('issued','partially_paid') AND b.due_date < (now() AT TIME ZONE 'Asia/Shanghai')::date
      GROUP BY b.account_id, b.tariff_category
      ORDER BY (b.tariff_category = 'residential'), min(b.due_date), b.account_id LIMIT 1`,
  );
  const user = await db.query<{ id: number; display_name: string }>(
    `SELECT id, display_name FROM users WHERE username = 'billing'`,
  );
  if (!target.rows[0] || !user.rows[0]) return;
  const units = await db.query<{ id: number }>(`SELECT id FROM org_units`);
  const now = new Date();
  const ctx = {
    db,
    user: {
      id: user.rows[0].id,
      username: 'billing',
      displayName: user.rows[0].display_name,
      locale: 'zh-CN',
      roles: [],
      permissions: permissionsOf(['billing_clerk']),
      scopeOrgIds: units.rows.map((u) => u.id),
    },
    requestId: 'seed',
    now,
  };
  const plannedAt = new Date(now.getTime() + 4 * 86_400_000);
  plannedAt.setUTCHours(1, 0, 0, 0); // 09:00 in Asia/Shanghai
  await db.transaction((tx) =>
    createDisconnectionCase({ ...ctx, db: tx }, tx, {
      accountId: target.rows[0].account_id,
      plannedAt: plannedAt.toISOString(),
      note: '演示：连续欠费，已发停电通知',
    }),
  );
}
