// An account's readings history and monthly billable consumption (customer 360 card, entry screen).
import type { AccountReading, AccountReadings } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';

export async function findAccountReadings(
  db: Db,
  accountId: number,
  scope: number[] | null,
  since: string,
): Promise<AccountReadings | null> {
  const a = await db.query<{ id: number; account_no: string }>(
    `SELECT id, account_no FROM accounts WHERE id = $1 AND ($2::bigint[] IS NULL OR org_unit_id = ANY($2::bigint[]))`,
    [accountId, scope],
  );
  if (!a.rows[0]) return null;
  const rows = await db.query<{
    id: number;
    meter_id: number;
    asset_no: string;
    period: string;
    settlement: number;
    register: AccountReading['register'];
    read_on: string;
    value: string;
    previous_value: string | null;
    multiplier: string;
    consumption: string;
    trued_up_kwh: string;
    source: AccountReading['source'];
    status: AccountReading['status'];
    exception_codes: string[];
  }>(
    `SELECT r.id, r.meter_id, m.asset_no, r.period, r.settlement, r.register, r.read_on, r.value, r.previous_value,
            r.multiplier, r.consumption, r.trued_up_kwh, r.source, r.status, r.exception_codes
       FROM meter_readings r JOIN meters m ON m.id = r.meter_id
      WHERE r.account_id = $1 AND r.period >= $2
      ORDER BY r.period DESC, r.settlement DESC, r.meter_id, r.register, r.id DESC`,
    [accountId, since],
  );
  const monthly = await db.query<{ period: string; kwh: string; estimated: boolean }>(
    `SELECT period, sum(consumption)::numeric(16,2)::text AS kwh, bool_or(status = 'estimated') AS estimated
       FROM meter_readings WHERE account_id = $1 AND period >= $2 AND register = 'active_total'
        AND status IN ('valid','estimated')
      GROUP BY period ORDER BY period`,
    [accountId, since],
  );
  return {
    accountId,
    accountNo: a.rows[0].account_no,
    readings: rows.rows.map((r) => ({
      id: r.id,
      meterId: r.meter_id,
      meterAssetNo: r.asset_no,
      period: r.period,
      settlement: r.settlement,
      register: r.register,
      readOn: r.read_on,
      value: r.value,
      previousValue: r.previous_value,
      multiplier: r.multiplier,
      consumption: r.consumption,
      truedUpKwh: r.trued_up_kwh,
      source: r.source,
      status: r.status,
      exceptionCodes: r.exception_codes,
    })),
    monthly: monthly.rows,
  };
}
