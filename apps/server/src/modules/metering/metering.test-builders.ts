// Test data for the metering suites: a customer with one account and one meter, written straight into
// the archive tables.
import type { Db } from '../../platform/db/db';
import { insertTestCustomer } from '../account-managers/account-managers.test-builders';

let n = 0;

export interface MeteredAccount {
  customerId: number;
  accountId: number;
  accountNo: string;
  meterId: number;
  assetNo: string;
}

export async function insertMeteredAccount(
  db: Db,
  spec: {
    orgUnitId: number;
    book?: string;
    status?: string;
    tariffCategory?: string;
    multiplier?: string;
    digits?: number;
    createdAt?: string;
  },
): Promise<MeteredAccount> {
  n++;
  const customerId = await insertTestCustomer(db, { orgUnitId: spec.orgUnitId });
  const a = await db.query<{ id: number; account_no: string }>(
    `INSERT INTO accounts(customer_id, org_unit_id, account_no, status, voltage_level, tariff_category,
                          reading_book, reading_day, created_at)
     VALUES ($1,$2,nextval('account_no_seq')::text,$3,'220V',$4,$5,10,coalesce($6::timestamptz, now()))
     RETURNING id, account_no`,
    [
      customerId,
      spec.orgUnitId,
      spec.status ?? 'active',
      spec.tariffCategory ?? 'residential',
      spec.book ?? null,
      spec.createdAt ?? null,
    ],
  );
  const assetNo = `MT${process.pid}${String(n).padStart(6, '0')}${Math.random().toString(36).slice(2, 6)}`;
  const m = await addMeter(
    db,
    a.rows[0].id,
    customerId,
    spec.orgUnitId,
    assetNo,
    spec.multiplier,
    spec.digits,
  );
  return { customerId, accountId: a.rows[0].id, accountNo: a.rows[0].account_no, meterId: m, assetNo };
}

export async function addMeter(
  db: Db,
  accountId: number,
  customerId: number,
  orgUnitId: number,
  assetNo: string,
  multiplier = '1',
  digits = 6,
): Promise<number> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO meters(account_id, customer_id, org_unit_id, asset_no, meter_type, multiplier, register_digits)
     VALUES ($1,$2,$3,$4,'smart_single_phase',$5,$6) RETURNING id`,
    [accountId, customerId, orgUnitId, assetNo, multiplier, digits],
  );
  return r.rows[0].id;
}

/** A CSV body of register readings: [assetNo, period, register, readOn, value, settlement?] per line. */
export function readingsCsv(rows: (string | number)[][]): string {
  return (
    [
      'meter_asset_no,period,register,read_on,value,settlement',
      ...rows.map((r) => [...r, ...(r.length === 5 ? [1] : [])].join(',')),
    ].join('\n') + '\n'
  );
}

export async function liveReadings(db: Db, meterId: number) {
  const r = await db.query<{
    period: string;
    register: string;
    value: string;
    previous_value: string | null;
    consumption: string;
    trued_up_kwh: string;
    status: string;
    source: string;
    exception_codes: string[];
  }>(
    `SELECT period, register, value, previous_value, consumption, trued_up_kwh, status, source, exception_codes
       FROM meter_readings WHERE meter_id = $1 AND status NOT IN ('superseded','rejected')
      ORDER BY period, settlement, register`,
    [meterId],
  );
  return r.rows;
}
