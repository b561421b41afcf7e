// Builders for billing tests: accounts (with customer and meter) and their readings written set-wise,
// so a test can bill one hand-checked account or hundreds of them.
import type { Db } from '../../platform/db/db';

export interface AccountSpec {
  orgUnitId: number;
  count?: number;
  tariffCategory?: string;
  voltageLevel?: string;
  basicFeeMethod?: string;
  pfStandard?: string;
  capacityKva?: number;
  readingBook?: string | null;
  /** Connection date (accounts.created_at); default 2025-06-01, before any test period. */
  createdAt?: string;
  multiplier?: number;
}

export interface BuiltAccount {
  accountId: number;
  customerId: number;
  meterId: number;
  accountNo: string;
}

let seq = 0;

/** Inserts `count` accounts, each with its own customer and one meter. */
export async function insertAccounts(db: Db, spec: AccountSpec): Promise<BuiltAccount[]> {
  const n = spec.count ?? 1;
  seq += 1;
  const tag = `${process.pid}-${seq}-${Date.now() % 100000}`;
  const r = await db.query<BuiltAccount>(
    `WITH c AS (
       INSERT INTO customers(org_unit_id, customer_no, name, kind, customer_class, importance_tier, created_at)
       SELECT $1, 'C' || nextval('customer_no_seq'), '计费测试客户' || $2::text || '-' || g,
              CASE WHEN $3::text = 'residential' THEN 'person' ELSE 'organisation' END,
              CASE WHEN $3 = 'residential' THEN 'residential' WHEN $3 = 'large_industry' THEN 'large_industry'
                   ELSE 'lv_non_residential' END,
              CASE WHEN $3 = 'residential' THEN 'residential' ELSE 'grassroots' END, $9::timestamptz
         FROM generate_series(1, $10::int) g
       RETURNING id, org_unit_id),
     a AS (
       INSERT INTO accounts(customer_id, org_unit_id, account_no, voltage_level, contract_capacity_kva,
                            tariff_category, basic_fee_method, pf_standard, reading_book, reading_day, created_at)
       SELECT c.id, c.org_unit_id, nextval('account_no_seq')::text, $4, $7, $3, $5, $6, $8, 1, $9::timestamptz
         FROM c
       RETURNING id, customer_id, org_unit_id, account_no),
     m AS (
       INSERT INTO meters(account_id, customer_id, org_unit_id, asset_no, meter_type, multiplier)
       SELECT a.id, a.customer_id, a.org_unit_id, 'BT' || $2::text || '-' || a.id, 'smart_three_phase', $11
         FROM a
       RETURNING id, account_id)
     SELECT a.id AS "accountId", a.customer_id AS "customerId", m.id AS "meterId", a.account_no AS "accountNo"
       FROM a JOIN m ON m.account_id = a.id ORDER BY a.id`,
    [
      spec.orgUnitId,
      tag,
      spec.tariffCategory ?? 'residential',
      spec.voltageLevel ?? '220V',
      spec.basicFeeMethod ?? 'none',
      spec.pfStandard ?? 'none',
      spec.capacityKva ?? 0,
      spec.readingBook ?? null,
      spec.createdAt ?? '2025-06-01T02:00:00Z',
      n,
      spec.multiplier ?? 1,
    ],
  );
  return r.rows;
}

export type Register =
  | 'active_total'
  | 'active_peak'
  | 'active_flat'
  | 'active_valley'
  | 'active_critical_peak'
  | 'reactive_total'
  | 'max_demand';

/** One valid reading per register (consumption as given, already × multiplier). */
export async function insertReadings(
  db: Db,
  account: BuiltAccount & { orgUnitId: number },
  period: string,
  consumption: Partial<Record<Register, number>>,
  opts: { settlement?: 1 | 2; status?: 'valid' | 'estimated' } = {},
): Promise<void> {
  const regs = Object.entries(consumption) as [Register, number][];
  await db.query(
    `INSERT INTO meter_readings(meter_id, account_id, org_unit_id, period, settlement, register, read_on, value,
                                previous_value, multiplier, consumption, source, status)
     SELECT $1, $2, $3, $4, $5, u.register, ($4 || '-28')::date, u.kwh, 0, 1, u.kwh,
            CASE WHEN $6 = 'estimated' THEN 'estimated' ELSE 'manual' END, $6
       FROM unnest($7::text[], $8::numeric[]) AS u(register, kwh)`,
    [
      account.meterId,
      account.accountId,
      account.orgUnitId,
      period,
      opts.settlement ?? 1,
      opts.status ?? 'valid',
      regs.map((x) => x[0]),
      regs.map((x) => x[1]),
    ],
  );
}

/** Readings for many accounts at once: the same registers for each. */
export async function insertReadingsForAll(
  db: Db,
  accounts: BuiltAccount[],
  orgUnitId: number,
  period: string,
  kwh: (i: number) => number,
): Promise<void> {
  await db.query(
    `INSERT INTO meter_readings(meter_id, account_id, org_unit_id, period, settlement, register, read_on, value,
                                previous_value, multiplier, consumption, source, status)
     SELECT u.meter_id, u.account_id, $1, $2, 1, 'active_total', ($2 || '-28')::date, u.kwh, 0, 1, u.kwh, 'ami', 'valid'
       FROM unnest($3::bigint[], $4::bigint[], $5::numeric[]) AS u(meter_id, account_id, kwh)`,
    [
      orgUnitId,
      period,
      accounts.map((a) => a.meterId),
      accounts.map((a) => a.accountId),
      accounts.map((_, i) => kwh(i)),
    ],
  );
}

export async function insertTransformer(
  db: Db,
  account: BuiltAccount & { orgUnitId: number },
  t: { capacityKva: number; state: 'running' | 'hot_standby' | 'cold_standby'; sealed: boolean },
): Promise<void> {
  await db.query(
    `INSERT INTO transformers(customer_id, account_id, org_unit_id, asset_no, capacity_kva, state, sealed)
     VALUES ($1,$2,$3,'TRB' || $2::bigint || '-' || $4::numeric || '-' || $5::text || '-' || $7::text,$4,$5,$6)`,
    [
      account.customerId,
      account.accountId,
      account.orgUnitId,
      t.capacityKva,
      t.state,
      t.sealed,
      String(++seq),
    ],
  );
}

/** One live bill per account-period-settlement: the count of account-periods billed more than once. */
export async function duplicateBills(db: Db, period: string): Promise<number> {
  const r = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT account_id FROM bills WHERE period = $1 GROUP BY account_id, settlement HAVING count(*) > 1) x`,
    [period],
  );
  return r.rows[0].n;
}
