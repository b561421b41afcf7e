// Test data for the payments suites: an account through the customer API, and bills written straight
// into `bills` (the bill run is engineer B's; these tests need bills with chosen amounts and due dates).
import { addDaysToDate, businessDateShanghai } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import type { Harness } from '../../test/harness';
import { buildCustomerInput, createCustomerVia } from '../customers/customers.test-builders';

export interface TestAccount {
  customerId: number;
  accountId: number;
  accountNo: string;
  orgUnitId: number;
  mobile: string;
}

export async function newAccount(
  h: Harness,
  opts: {
    tariffCategory?: 'residential' | 'commercial' | 'large_industry';
    officeIndex?: number;
    name?: string;
  } = {},
): Promise<TestAccount> {
  const input = buildCustomerInput(h.org.officeIds[opts.officeIndex ?? 0], {
    ...(opts.name ? { name: opts.name } : {}),
    accounts: [
      { voltageLevel: '220V', tariffCategory: opts.tariffCategory ?? 'residential', premiseIndex: 0 },
    ],
  });
  const created = await createCustomerVia(h, 'admin', input);
  const r = await h.db.query<{ id: number; account_no: string; org_unit_id: number }>(
    `SELECT id, account_no, org_unit_id FROM accounts WHERE customer_id = $1 ORDER BY id LIMIT 1`,
    [created.id],
  );
  return {
    customerId: created.id,
    accountId: r.rows[0].id,
    accountNo: r.rows[0].account_no,
    orgUnitId: r.rows[0].org_unit_id,
    mobile: input.contacts![0].mobile!,
  };
}

let billSeq = 0;

/** Inserts an issued bill; `dueInDays` is counted from today in Asia/Shanghai (negative: overdue). */
export async function insertBill(
  db: Db,
  a: TestAccount,
  b: { period: string; totalFen: number; dueInDays: number; tariffCategory?: string; settlement?: number },
): Promise<number> {
  billSeq += 1;
  const dueDate = addDaysToDate(businessDateShanghai(new Date()), b.dueInDays);
  const r = await db.query<{ id: number }>(
    `INSERT INTO bills(bill_no, account_id, customer_id, org_unit_id, period, settlement, tariff_category,
                       period_start, period_end, energy_kwh, total_fen, due_date, lines)
     VALUES ($1,$2,$3,$4,$5,$6,$7, ($5 || '-01')::date, (($5 || '-01')::date + interval '1 month' - interval '1 day')::date,
             $8, $9, $10, $11::jsonb) RETURNING id`,
    [
      `TB${process.pid}${String(billSeq).padStart(6, '0')}`,
      a.accountId,
      a.customerId,
      a.orgUnitId,
      b.period,
      b.settlement ?? 1,
      b.tariffCategory ?? 'residential',
      (b.totalFen / 55).toFixed(2),
      b.totalFen,
      dueDate,
      JSON.stringify([
        {
          code: 'energy',
          labelKey: 'billing.line.energy',
          quantity: '100',
          unit: 'kWh',
          price: '0.5469',
          amountFen: b.totalFen,
          rule: '测试',
        },
      ]),
    ],
  );
  return r.rows[0].id;
}

export async function billState(db: Db, id: number) {
  const r = await db.query<{ status: string; paid_fen: number; paid_at: string | null }>(
    `SELECT status, paid_fen, paid_at FROM bills WHERE id = $1`,
    [id],
  );
  return r.rows[0];
}

let refSeq = 0;
export const newReference = (prefix = 'CT') => `${prefix}${process.pid}-${Date.now()}-${++refSeq}`;
