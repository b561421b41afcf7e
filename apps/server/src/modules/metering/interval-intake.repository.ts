// 15-minute AMI interval data (用电信息采集): a long CSV (meter, day, interval 1–96, kWh) is staged, checked
// set-wise and folded into one row per meter, day and register holding the day's 96 values.
import type { Db } from '../../platform/db/db';

const MAX_ERRORS_PER_CHECK = 10_000;
const DATE_OK = `(CASE WHEN s.read_on ~ '^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
  THEN substr(s.read_on, 9, 2)::int <= extract(day from (make_date(substr(s.read_on, 1, 4)::int,
       substr(s.read_on, 6, 2)::int, 1) + interval '1 month - 1 day'))::int ELSE false END)`;
const REGISTER = `coalesce(nullif(trim(s.register), ''), 'active_total')`;

export async function checkStagedIntervals(
  db: Db,
  stage: string,
  batchId: number,
  scope: number[] | null,
  lineOffset: number,
): Promise<number> {
  const checks: [string, string, string][] = [
    ['meter_asset_no', 'required', `coalesce(trim(s.meter_asset_no), '') = ''`],
    ['read_on', 'bad_date', `NOT ${DATE_OK}`],
    ['register', 'bad_register', `${REGISTER} NOT IN ('active_total','reactive_total')`],
    [
      'interval_no',
      'bad_interval',
      `CASE WHEN trim(s.interval_no) ~ '^[0-9]{1,2}$' THEN trim(s.interval_no)::int NOT BETWEEN 1 AND 96 ELSE true END`,
    ],
    ['kwh', 'bad_number', `coalesce(trim(s.kwh), '') !~ '^[0-9]{1,9}(\\.[0-9]{1,4})?$'`],
    [
      'meter_asset_no',
      'unknown_meter',
      `coalesce(trim(s.meter_asset_no), '') <> '' AND NOT EXISTS (SELECT 1 FROM meters m
        WHERE m.asset_no = trim(s.meter_asset_no) AND ($2::bigint[] IS NULL OR m.org_unit_id = ANY($2::bigint[])))`,
    ],
  ];
  for (const [field, code, where] of checks) {
    await db.query(
      `INSERT INTO reading_batch_errors(batch_id, line_no, field, code, value)
       SELECT $1, s.line_no + ${lineOffset}, '${field}', '${code}', left(s.${field}, 100)
         FROM ${stage} s WHERE ${where} ORDER BY s.line_no LIMIT ${MAX_ERRORS_PER_CHECK}`,
      where.includes('$2') ? [batchId, scope] : [batchId],
    );
  }
  await db.query(
    `INSERT INTO reading_batch_errors(batch_id, line_no, field, code, value)
     SELECT $1, d.line_no + ${lineOffset}, 'interval_no', 'duplicate_in_file', d.interval_no
       FROM (SELECT s.line_no, s.interval_no, row_number() OVER (PARTITION BY trim(s.meter_asset_no), s.read_on,
                    ${REGISTER}, trim(s.interval_no) ORDER BY s.line_no) AS n FROM ${stage} s) d
      WHERE d.n > 1 ORDER BY d.line_no LIMIT ${MAX_ERRORS_PER_CHECK}`,
    [batchId],
  );
  const r = await db.query<{ n: number }>(
    `SELECT count(DISTINCT line_no)::int AS n FROM reading_batch_errors WHERE batch_id = $1`,
    [batchId],
  );
  return r.rows[0].n;
}

/** Folds the staged intervals into day rows (× the meter's multiplier); a day sent again is replaced. */
export async function writeStagedIntervals(db: Db, stage: string, batchId: number): Promise<number> {
  const r = await db.query(
    `INSERT INTO meter_interval_data(meter_id, read_on, register, account_id, org_unit_id, kwh, total_kwh, max_kw, batch_id)
     SELECT d.meter_id, d.read_on, d.register, d.account_id, d.org_unit_id,
            ARRAY(SELECT (d.vals ->> g::text)::real FROM generate_series(1, 96) g),
            d.total, d.peak * 4, $1
       FROM (SELECT m.id AS meter_id, s.read_on::date AS read_on, ${REGISTER} AS register, m.account_id, m.org_unit_id,
                    jsonb_object_agg(trim(s.interval_no)::int, trim(s.kwh)::numeric * m.multiplier) AS vals,
                    sum(trim(s.kwh)::numeric * m.multiplier) AS total,
                    max(trim(s.kwh)::numeric * m.multiplier) AS peak
               FROM ${stage} s JOIN meters m ON m.asset_no = trim(s.meter_asset_no)
              GROUP BY m.id, s.read_on, ${REGISTER}, m.account_id, m.org_unit_id) d
     ON CONFLICT (meter_id, read_on, register) DO UPDATE
        SET kwh = EXCLUDED.kwh, total_kwh = EXCLUDED.total_kwh, max_kw = EXCLUDED.max_kw,
            batch_id = EXCLUDED.batch_id, created_at = now()`,
    [batchId],
  );
  return r.rowCount;
}
