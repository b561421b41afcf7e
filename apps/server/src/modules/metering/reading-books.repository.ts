// Reading books (抄表段) and a book's reading sheet. Scoped by the caller's org units.
import type { ReadingBook, ReadingSheetRow } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';

/**
 * Creates the books named by accounts.reading_book that do not exist yet: reading day from the accounts;
 * books holding large-industry accounts are read twice a month, on days 5 and 20 (domain.md §8).
 */
export async function syncReadingBooks(db: Db): Promise<number> {
  const r = await db.query(
    `INSERT INTO reading_books(code, name, org_unit_id, reading_day, second_reading_day)
     SELECT a.reading_book, a.reading_book, min(a.org_unit_id),
            CASE WHEN bool_or(a.tariff_category = 'large_industry') THEN 5 ELSE coalesce(min(a.reading_day), 1) END,
            CASE WHEN bool_or(a.tariff_category = 'large_industry') THEN 20 END
       FROM accounts a WHERE a.reading_book IS NOT NULL
      GROUP BY a.reading_book
     ON CONFLICT (code) DO NOTHING`,
  );
  return r.rowCount;
}

interface BookRow {
  id: number;
  code: string;
  name: string;
  org_unit_id: number;
  org_unit_name: string | null;
  reading_day: number;
  second_reading_day: number | null;
  reader_user_id: number | null;
  supervisor_user_id: number | null;
  account_count: number;
  open_exceptions: number;
  version: number;
}

const toBook = (r: BookRow): ReadingBook => ({
  id: r.id,
  code: r.code,
  name: r.name,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  readingDay: r.reading_day,
  secondReadingDay: r.second_reading_day,
  readerUserId: r.reader_user_id,
  supervisorUserId: r.supervisor_user_id,
  accountCount: r.account_count,
  openExceptions: r.open_exceptions,
  version: r.version,
});

const BOOK_SELECT = `SELECT b.id, b.code, b.name, b.org_unit_id, o.name AS org_unit_name, b.reading_day,
       b.second_reading_day, b.reader_user_id, b.supervisor_user_id, b.version,
       (SELECT count(*)::int FROM accounts a WHERE a.reading_book = b.code) AS account_count,
       (SELECT count(*)::int FROM reading_exceptions e WHERE e.reading_book = b.code
          AND e.state IN ('open','reread_requested')) AS open_exceptions
  FROM reading_books b LEFT JOIN org_units o ON o.id = b.org_unit_id`;

export async function listBooks(
  db: Db,
  f: { scope: number[] | null; q?: string; orgUnitId?: number; limit: number; offset: number },
): Promise<{ items: ReadingBook[]; total: number }> {
  const where = `WHERE ($1::bigint[] IS NULL OR b.org_unit_id = ANY($1::bigint[]))
      AND ($2::text IS NULL OR b.code ILIKE '%' || $2 || '%' OR b.name ILIKE '%' || $2 || '%')
      AND ($3::bigint IS NULL OR b.org_unit_id IN (SELECT x.id FROM org_units x WHERE x.path LIKE '%/' || $3::bigint || '/%'))`;
  const params = [f.scope, f.q ?? null, f.orgUnitId ?? null];
  const rows = await db.query<BookRow>(`${BOOK_SELECT} ${where} ORDER BY b.code LIMIT $4 OFFSET $5`, [
    ...params,
    f.limit,
    f.offset,
  ]);
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM reading_books b ${where}`,
    params,
  );
  return { items: rows.rows.map(toBook), total: total.rows[0].n };
}

export async function findBook(db: Db, code: string, scope: number[] | null): Promise<ReadingBook | null> {
  const r = await db.query<BookRow>(
    `${BOOK_SELECT} WHERE b.code = $1 AND ($2::bigint[] IS NULL OR b.org_unit_id = ANY($2::bigint[]))`,
    [code, scope],
  );
  return r.rows[0] ? toBook(r.rows[0]) : null;
}

interface SheetRow {
  account_id: number;
  account_no: string;
  customer_name: string;
  account_status: string;
  meter_id: number;
  asset_no: string;
  multiplier: string;
  register_digits: number;
  register: ReadingSheetRow['register'];
  previous_period: string | null;
  previous_value: string | null;
  open_estimated: string | null;
  history: string[] | null;
  cur_id: number | null;
  cur_value: string | null;
  cur_consumption: string | null;
  cur_status: NonNullable<ReadingSheetRow['current']>['status'] | null;
  cur_codes: string[] | null;
}

/**
 * The sheet of a book for a period: each meter of the book's accounts with the registers it is read on
 * (those read in the last 12 months; active_total for a meter never read; the TOU registers for
 * TOU-capable meters), the previous actual value, open estimates, recent history and what is entered.
 */
export async function bookSheet(
  db: Db,
  code: string,
  period: string,
  settlement: number,
  since: string,
): Promise<ReadingSheetRow[]> {
  const r = await db.query<SheetRow>(
    `WITH m AS (
       SELECT a.id AS account_id, a.account_no, c.name AS customer_name, a.status AS account_status,
              a.tariff_category, mt.id AS meter_id, mt.asset_no, mt.multiplier, mt.register_digits, mt.tou_capable
         FROM accounts a JOIN customers c ON c.id = a.customer_id JOIN meters mt ON mt.account_id = a.id
        WHERE a.reading_book = $1 AND a.status <> 'closed'),
     regs AS (
       SELECT m.*, g.register FROM m
        CROSS JOIN LATERAL (
          SELECT DISTINCT r.register FROM meter_readings r
           WHERE r.meter_id = m.meter_id AND r.period >= $4 AND r.status IN ('valid','estimated','exception')
          UNION SELECT 'active_total'
          UNION SELECT x FROM unnest(ARRAY['active_peak','active_flat','active_valley']) x WHERE m.tou_capable) g)
     SELECT regs.account_id, regs.account_no, regs.customer_name, regs.account_status, regs.meter_id, regs.asset_no,
            regs.multiplier, regs.register_digits, regs.register,
            p.period AS previous_period, p.value AS previous_value, e.kwh AS open_estimated, h.history,
            cur.id AS cur_id, cur.value AS cur_value, cur.consumption AS cur_consumption, cur.status AS cur_status,
            cur.exception_codes AS cur_codes
       FROM regs
       LEFT JOIN LATERAL (
         SELECT r.value, r.period FROM meter_readings r
          WHERE r.meter_id = regs.meter_id AND r.register = regs.register AND r.status = 'valid'
            AND (r.period, r.settlement) < ($2, $3::smallint)
          ORDER BY r.period DESC, r.settlement DESC LIMIT 1) p ON true
       LEFT JOIN LATERAL (
         SELECT sum(r.consumption) AS kwh FROM meter_readings r
          WHERE r.meter_id = regs.meter_id AND r.register = regs.register AND r.status = 'estimated'
            AND r.trued_up_by IS NULL AND (r.period, r.settlement) < ($2, $3::smallint)) e ON true
       LEFT JOIN LATERAL (
         SELECT array_agg(q.consumption::text ORDER BY q.period DESC, q.settlement DESC) AS history FROM (
           SELECT r.consumption, r.period, r.settlement FROM meter_readings r
            WHERE r.meter_id = regs.meter_id AND r.register = regs.register AND r.status = 'valid'
              AND (r.period, r.settlement) < ($2, $3::smallint)
            ORDER BY r.period DESC, r.settlement DESC LIMIT 6) q) h ON true
       LEFT JOIN meter_readings cur ON cur.meter_id = regs.meter_id AND cur.register = regs.register
            AND cur.period = $2 AND cur.settlement = $3 AND cur.status IN ('valid','exception','estimated')
      ORDER BY regs.account_no, regs.asset_no,
            array_position(ARRAY['active_total','active_peak','active_flat','active_valley','active_critical_peak',
                                 'reactive_total','max_demand'], regs.register)`,
    [code, period, settlement, since],
  );
  return r.rows.map((x) => ({
    accountId: x.account_id,
    accountNo: x.account_no,
    customerName: x.customer_name,
    accountStatus: x.account_status,
    meterId: x.meter_id,
    meterAssetNo: x.asset_no,
    multiplier: x.multiplier,
    registerDigits: x.register_digits,
    register: x.register,
    previousPeriod: x.previous_period,
    previousValue: x.previous_value,
    openEstimatedKwh: x.open_estimated ?? '0.00',
    history: x.history ?? [],
    current:
      x.cur_id === null
        ? null
        : {
            readingId: x.cur_id,
            value: x.cur_value!,
            consumption: x.cur_consumption!,
            status: x.cur_status!,
            exceptionCodes: x.cur_codes ?? [],
          },
  }));
}
