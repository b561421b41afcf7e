// The exception review list (异常审核): suspicious readings and missing reads, scoped by org unit.
import type { ReadingException } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';

interface ExceptionRow {
  id: number;
  reading_id: number | null;
  account_id: number;
  account_no: string;
  customer_name: string;
  meter_id: number;
  asset_no: string;
  reading_book: string | null;
  org_unit_id: number;
  period: string;
  settlement: number;
  register: ReadingException['register'];
  codes: string[];
  state: ReadingException['state'];
  value: string | null;
  previous_value: string | null;
  consumption: string | null;
  note: string | null;
  created_at: string;
  version: number;
}

const toException = (r: ExceptionRow): ReadingException => ({
  id: r.id,
  readingId: r.reading_id,
  accountId: r.account_id,
  accountNo: r.account_no,
  customerName: r.customer_name,
  meterId: r.meter_id,
  meterAssetNo: r.asset_no,
  readingBook: r.reading_book,
  orgUnitId: r.org_unit_id,
  period: r.period,
  settlement: r.settlement,
  register: r.register,
  codes: r.codes,
  state: r.state,
  value: r.value,
  previousValue: r.previous_value,
  consumption: r.consumption,
  note: r.note,
  createdAt: r.created_at,
  version: r.version,
});

const SELECT = `SELECT e.id, e.reading_id, e.account_id, a.account_no, c.name AS customer_name, e.meter_id, m.asset_no,
       e.reading_book, e.org_unit_id, e.period, e.settlement, e.register, e.codes, e.state, r.value, r.previous_value,
       r.consumption, e.note, e.created_at, e.version
  FROM reading_exceptions e JOIN accounts a ON a.id = e.account_id JOIN customers c ON c.id = a.customer_id
  JOIN meters m ON m.id = e.meter_id LEFT JOIN meter_readings r ON r.id = e.reading_id`;

export interface ExceptionFilter {
  scope: number[] | null;
  readingBook?: string;
  orgUnitId?: number;
  code?: string;
  state?: string;
  period?: string;
  limit: number;
  offset: number;
}

export async function listExceptions(
  db: Db,
  f: ExceptionFilter,
): Promise<{ items: ReadingException[]; total: number }> {
  const where = `WHERE ($1::bigint[] IS NULL OR e.org_unit_id = ANY($1::bigint[]))
     AND ($2::text IS NULL OR e.reading_book = $2)
     AND ($3::bigint IS NULL OR e.org_unit_id IN (SELECT x.id FROM org_units x WHERE x.path LIKE '%/' || $3::bigint || '/%'))
     AND ($4::text IS NULL OR $4 = ANY(e.codes))
     AND (CASE WHEN $5::text IS NULL THEN e.state IN ('open','reread_requested') ELSE e.state = $5 END)
     AND ($6::text IS NULL OR e.period = $6)`;
  const params = [
    f.scope,
    f.readingBook ?? null,
    f.orgUnitId ?? null,
    f.code ?? null,
    f.state ?? null,
    f.period ?? null,
  ];
  const rows = await db.query<ExceptionRow>(
    `${SELECT} ${where} ORDER BY e.period DESC, e.id LIMIT $7 OFFSET $8`,
    [...params, f.limit, f.offset],
  );
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM reading_exceptions e ${where}`,
    params,
  );
  return { items: rows.rows.map(toException), total: total.rows[0].n };
}

export async function findException(
  db: Db,
  id: number,
  scope: number[] | null,
  lock = false,
): Promise<ReadingException | null> {
  const r = await db.query<ExceptionRow>(
    `${SELECT} WHERE e.id = $1 AND ($2::bigint[] IS NULL OR e.org_unit_id = ANY($2::bigint[]))${lock ? ' FOR UPDATE OF e' : ''}`,
    [id, scope],
  );
  return r.rows[0] ? toException(r.rows[0]) : null;
}

export async function setExceptionState(
  db: Db,
  id: number,
  version: number,
  state: ReadingException['state'],
  userId: number,
  note: string | null,
): Promise<boolean> {
  const r = await db.query(
    `UPDATE reading_exceptions SET state = $3, note = coalesce($5, note), resolved_by = $4,
            resolved_at = CASE WHEN $3 = 'reread_requested' THEN NULL ELSE now() END,
            version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2`,
    [id, version, state, userId, note],
  );
  return r.rowCount === 1;
}

/** An accepted exception becomes billable; estimates it trues up are closed as by any valid read. */
export async function acceptReading(db: Db, readingId: number): Promise<void> {
  await db.query(
    `WITH ok AS (
       UPDATE meter_readings SET status = 'valid', updated_at = now() WHERE id = $1 AND status = 'exception'
       RETURNING id, meter_id, register, period, settlement)
     UPDATE meter_readings r SET trued_up_by = ok.id, updated_at = now() FROM ok
      WHERE ok.register <> 'max_demand' AND r.meter_id = ok.meter_id AND r.register = ok.register
        AND r.status = 'estimated' AND r.trued_up_by IS NULL AND (r.period, r.settlement) < (ok.period, ok.settlement)`,
    [readingId],
  );
}

export async function rejectReading(db: Db, readingId: number): Promise<void> {
  await db.query(
    `UPDATE meter_readings SET status = 'rejected', updated_at = now() WHERE id = $1 AND status = 'exception'`,
    [readingId],
  );
}
