// Reading bills: the list (scoped by org unit, filtered), one bill with what explains it, a customer's
// history. Lists count at most COUNT_CAP rows, so a broad filter over millions of bills stays fast.
import type { BillLine } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';

export const COUNT_CAP = 10_000;

export interface BillRow {
  id: number;
  bill_no: string;
  account_id: number;
  account_no: string;
  customer_id: number;
  customer_name: string;
  org_unit_id: number;
  org_unit_name: string | null;
  period: string;
  settlement: number;
  kind: 'regular' | 'rebill';
  tariff_category: string;
  energy_kwh: string;
  estimated: boolean;
  total_fen: number;
  paid_fen: number;
  status: 'issued' | 'partially_paid' | 'paid' | 'superseded' | 'cancelled';
  due_date: string;
  issued_at: string;
}

export interface BillDetailRow extends BillRow {
  period_start: string;
  period_end: string;
  supersedes_id: number | null;
  superseded_by_id: number | null;
  run_id: number | null;
  lines: BillLine[];
  tariff_version_id: number | null;
  tariff_code: string | null;
  tariff_name: string | null;
  tariff_effective_from: string | null;
  paid_at: string | null;
  version: number;
  cycle_kwh: string | null;
}

const SUMMARY = `b.id, b.bill_no, b.account_id, a.account_no, b.customer_id, c.name AS customer_name, b.org_unit_id,
  o.name AS org_unit_name, b.period, b.settlement, b.kind, b.tariff_category, b.energy_kwh, b.estimated,
  b.total_fen, b.paid_fen, b.status, to_char(b.due_date, 'YYYY-MM-DD') AS due_date, b.issued_at`;
const JOINS = `JOIN accounts a ON a.id = b.account_id
  JOIN customers c ON c.id = b.customer_id
  LEFT JOIN org_units o ON o.id = b.org_unit_id`;

export interface BillFilter {
  scopeOrgIds: number[];
  orgUnitIds?: number[];
  period?: string;
  status?: string;
  unpaid?: boolean;
  customerId?: number;
  accountId?: number;
  accountNo?: string;
  billNo?: string;
  runId?: number;
  tariffCategory?: string;
}

function whereOf(f: BillFilter, params: unknown[]): string {
  const where: string[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  add('b.org_unit_id = ANY(?::bigint[])', f.scopeOrgIds);
  if (f.orgUnitIds) add('b.org_unit_id = ANY(?::bigint[])', f.orgUnitIds);
  if (f.period) add('b.period = ?', f.period);
  if (f.status) add('b.status = ?', f.status);
  if (f.unpaid) where.push(`b.status IN ('issued','partially_paid')`);
  if (f.customerId) add('b.customer_id = ?', f.customerId);
  // Through the account's customer: bills_customer_idx is the (non-partial) index that finds all of an
  // account's bills, whatever their status.
  if (f.accountId) {
    add('b.account_id = ?', f.accountId);
    add('b.customer_id = (SELECT customer_id FROM accounts WHERE id = ?)', f.accountId);
  }
  if (f.accountNo) {
    add('b.account_id = (SELECT id FROM accounts WHERE account_no = ?)', f.accountNo);
    add('b.customer_id = (SELECT customer_id FROM accounts WHERE account_no = ?)', f.accountNo);
  }
  if (f.billNo) add('b.bill_no = ?', f.billNo);
  if (f.runId) add('b.run_id = ?', f.runId);
  if (f.tariffCategory) add('b.tariff_category = ?', f.tariffCategory);
  return where.join(' AND ');
}

export async function listBills(
  db: Db,
  f: BillFilter,
  limit: number,
  offset: number,
): Promise<{ rows: BillRow[]; total: number; capped: boolean }> {
  const params: unknown[] = [];
  const where = whereOf(f, params);
  const count = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM bills b WHERE ${where} LIMIT ${COUNT_CAP + 1}) x`,
    params,
  );
  params.push(limit, offset);
  const rows = await db.query<BillRow>(
    `SELECT ${SUMMARY} FROM bills b ${JOINS} WHERE ${where}
      ORDER BY b.id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  const n = count.rows[0].n;
  return { rows: rows.rows, total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

export async function findBill(db: Db, id: number, lock = false): Promise<BillDetailRow | null> {
  const r = await db.query<BillDetailRow>(
    `SELECT ${SUMMARY}, to_char(b.period_start, 'YYYY-MM-DD') AS period_start,
            to_char(b.period_end, 'YYYY-MM-DD') AS period_end, b.supersedes_id,
            (SELECT n.id FROM bills n WHERE n.supersedes_id = b.id ORDER BY n.id DESC LIMIT 1) AS superseded_by_id,
            b.run_id, b.lines, b.tariff_version_id, t.code AS tariff_code, t.name AS tariff_name,
            to_char(t.effective_from, 'YYYY-MM-DD') AS tariff_effective_from, b.paid_at, b.version, b.cycle_kwh
       FROM bills b ${JOINS}
       LEFT JOIN tariff_versions t ON t.id = b.tariff_version_id
      WHERE b.id = $1 ${lock ? 'FOR UPDATE OF b' : ''}`,
    [id],
  );
  return r.rows[0] ?? null;
}

export interface ReadingRow {
  meter_id: number;
  meter_asset_no: string | null;
  register: string;
  read_on: string;
  value: string;
  previous_value: string | null;
  multiplier: string;
  consumption: string;
  source: string;
  status: string;
}

/** The readings a bill of this account-period-settlement is computed from. */
export async function billReadings(
  db: Db,
  accountId: number,
  period: string,
  settlement: number,
): Promise<ReadingRow[]> {
  const r = await db.query<ReadingRow>(
    `SELECT m.meter_id, mt.asset_no AS meter_asset_no, m.register, to_char(m.read_on, 'YYYY-MM-DD') AS read_on,
            m.value, m.previous_value, m.multiplier, m.consumption, m.source, m.status
       FROM meter_readings m LEFT JOIN meters mt ON mt.id = m.meter_id
      WHERE m.account_id = $1 AND m.period = $2 AND m.settlement = $3 AND m.status IN ('valid','estimated')
      ORDER BY m.meter_id, m.register`,
    [accountId, period, settlement],
  );
  return r.rows;
}

/** A customer's live bills per period (all accounts), the last `months` periods, oldest first. */
export async function customerPeriods(
  db: Db,
  customerId: number,
  months: number,
): Promise<Array<{ period: string; energy_kwh: string; total_fen: number; paid_fen: number }>> {
  const r = await db.query<{ period: string; energy_kwh: string; total_fen: number; paid_fen: number }>(
    `SELECT period, sum(energy_kwh)::numeric(16,2)::text AS energy_kwh, sum(total_fen)::bigint AS total_fen,
            sum(paid_fen)::bigint AS paid_fen
       FROM bills WHERE customer_id = $1 AND status NOT IN ('superseded','cancelled')
      GROUP BY period ORDER BY period DESC LIMIT $2`,
    [customerId, months],
  );
  return r.rows.reverse();
}

export async function customerOrgUnit(db: Db, customerId: number): Promise<number | null> {
  const r = await db.query<{ org_unit_id: number }>(`SELECT org_unit_id FROM customers WHERE id = $1`, [
    customerId,
  ]);
  return r.rows[0]?.org_unit_id ?? null;
}
