// Set-wise checks and writes of a staged register-reading intake (domain.md §8). The checks mirror the
// pure rules in packages/domain/src/metering (reading-validation.ts); the tests run both on the same cases.
import { DEFAULT_READING_RULES, type ReadingRules } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';

/** Error report rows are capped per check: a wholly wrong file needs no million-line report. */
const MAX_ERRORS_PER_CHECK = 10_000;

const DATE_OK = `(CASE WHEN s.read_on ~ '^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
  THEN substr(s.read_on, 9, 2)::int <= extract(day from (make_date(substr(s.read_on, 1, 4)::int,
       substr(s.read_on, 6, 2)::int, 1) + interval '1 month - 1 day'))::int ELSE false END)`;

/** Meters the caller may write readings for (null scope: the whole company). */
const meterInScope = (scopeParam: string) =>
  `(${scopeParam}::bigint[] IS NULL OR m.org_unit_id = ANY(${scopeParam}::bigint[]))`;

/**
 * Writes one error row per bad field of the staged file; returns how many lines are bad. `$1` batch id,
 * `$2` scope (bigint[] or null). Line numbers are the file's (header = line 1, so data line n is n + 1 for
 * CSV; `lineOffset` says how to map).
 */
export async function checkStagedReadings(
  db: Db,
  stage: string,
  batchId: number,
  scope: number[] | null,
  lineOffset: number,
): Promise<number> {
  const checks: [field: string, code: string, where: string][] = [
    ['meter_asset_no', 'required', `coalesce(trim(s.meter_asset_no), '') = ''`],
    ['period', 'bad_period', `coalesce(s.period, '') !~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`],
    ['settlement', 'bad_settlement', `coalesce(nullif(trim(s.settlement), ''), '1') NOT IN ('1','2')`],
    [
      'register',
      'bad_register',
      `coalesce(s.register, '') NOT IN ('active_total','active_peak','active_flat','active_valley',
        'active_critical_peak','reactive_total','max_demand')`,
    ],
    ['read_on', 'bad_date', `NOT ${DATE_OK}`],
    ['value', 'bad_number', `coalesce(trim(s.value), '') !~ '^[0-9]{1,12}(\\.[0-9]{1,2})?$'`],
    ['meter_asset_no', 'unknown_meter', `coalesce(trim(s.meter_asset_no), '') <> '' AND m.id IS NULL`],
  ];
  // One pass over the file for all field checks: each line yields one row per failed check.
  const cases = checks
    .map(([field, code, where]) => `('${field}', '${code}', left(s.${field}, 100), ${where})`)
    .join(',\n              ');
  await db.query(
    `INSERT INTO reading_batch_errors(batch_id, line_no, field, code, value)
     SELECT $1, s.line_no + ${lineOffset}, c.field, c.code, c.value
       FROM ${stage} s
       LEFT JOIN meters m ON m.asset_no = trim(s.meter_asset_no) AND ${meterInScope('$2')}
      CROSS JOIN LATERAL (VALUES ${cases}) AS c(field, code, value, bad)
      WHERE (${checks.map(([, , where]) => `(${where})`).join(' OR ')}) AND c.bad
      ORDER BY s.line_no LIMIT ${MAX_ERRORS_PER_CHECK * 4}`,
    [batchId, scope],
  );
  // The same meter register, period and settlement twice in the file (the later lines are the errors).
  await db.query(
    `INSERT INTO reading_batch_errors(batch_id, line_no, field, code, value)
     SELECT $1, d.line_no + ${lineOffset}, 'meter_asset_no', 'duplicate_in_file', left(d.meter_asset_no, 100)
       FROM (SELECT s.line_no, s.meter_asset_no, row_number() OVER (PARTITION BY trim(s.meter_asset_no), s.register,
                    s.period, coalesce(nullif(trim(s.settlement), ''), '1') ORDER BY s.line_no) AS n
               FROM ${stage} s) d
      WHERE d.n > 1 ORDER BY d.line_no LIMIT ${MAX_ERRORS_PER_CHECK}`,
    [batchId],
  );
  // Already read: a valid or estimated reading of that register and period exists. (An open exception
  // is replaced by the new reading — that is how a requested re-read comes back.) Joined against the
  // readings of the file's periods, so a first upload of a period costs one empty index range scan.
  await db.query(
    `WITH live AS (
       SELECT r.meter_id, r.register, r.period, r.settlement FROM meter_readings r
        WHERE r.period IN (SELECT DISTINCT period FROM ${stage}) AND r.status IN ('valid','estimated'))
     INSERT INTO reading_batch_errors(batch_id, line_no, field, code, value)
     SELECT $1, s.line_no + ${lineOffset}, 'period', 'already_read', s.period
       FROM ${stage} s JOIN meters m ON m.asset_no = trim(s.meter_asset_no)
       JOIN live l ON l.meter_id = m.id AND l.register = s.register AND l.period = s.period
        AND l.settlement::text = coalesce(nullif(trim(s.settlement), ''), '1')
      WHERE EXISTS (SELECT 1 FROM live)
      ORDER BY s.line_no LIMIT ${MAX_ERRORS_PER_CHECK}`,
    [batchId],
  );
  const r = await db.query<{ n: number }>(
    `SELECT count(DISTINCT line_no)::int AS n FROM reading_batch_errors WHERE batch_id = $1`,
    [batchId],
  );
  return r.rows[0].n;
}

/** Open exceptions the new readings replace (a requested re-read coming back) are superseded first. */
export async function supersedeReread(db: Db, stage: string, userId: number | null): Promise<void> {
  await db.query(
    `WITH old AS (
       UPDATE meter_readings r SET status = 'superseded', updated_at = now()
         FROM ${stage} s JOIN meters m ON m.asset_no = trim(s.meter_asset_no)
        WHERE r.meter_id = m.id AND r.register = s.register AND r.period = s.period
          AND r.settlement = coalesce(nullif(trim(s.settlement), ''), '1')::smallint AND r.status = 'exception'
       RETURNING r.id)
     UPDATE reading_exceptions e SET state = 'corrected', resolved_by = $1, resolved_at = now(),
            version = version + 1, updated_at = now()
       FROM old WHERE e.reading_id = old.id AND e.state IN ('open','reread_requested')`,
    [userId],
  );
}

/**
 * The one INSERT … SELECT: previous actual reading, open estimates (true-up), history (spike rule) and a
 * meter replacement are looked up per row through the history index; rollover, multiplier and the
 * exception codes are computed in SQL. Exceptions also enter the review list and estimates trued up by a
 * valid reading are marked. Returns the counts.
 */
export async function writeStagedReadings(
  db: Db,
  stage: string,
  p: { batchId: number; source: string; userId: number | null; rules?: ReadingRules },
): Promise<{ valid: number; exception: number }> {
  // Period by period, oldest first: a file with several periods of a meter validates each against the one
  // before it, written by the previous statement.
  const periods = await db.query<{ period: string; settlement: number }>(
    `SELECT DISTINCT period, coalesce(nullif(trim(settlement), ''), '1')::int AS settlement FROM ${stage} ORDER BY 1, 2`,
  );
  const total = { valid: 0, exception: 0 };
  for (const ps of periods.rows) {
    const c = await writePeriod(db, stage, p, ps.period, ps.settlement);
    total.valid += c.valid;
    total.exception += c.exception;
  }
  return total;
}

async function writePeriod(
  db: Db,
  stage: string,
  p: { batchId: number; source: string; userId: number | null; rules?: ReadingRules },
  period: string,
  settlement: number,
): Promise<{ valid: number; exception: number }> {
  const rules = p.rules ?? DEFAULT_READING_RULES;
  const r = await db.query<{ valid: number; exception: number }>(
    `WITH s AS (
       SELECT m.id AS meter_id, m.account_id, m.org_unit_id, m.multiplier, m.register_digits AS digits,
              a.status AS account_status, a.reading_book, st.period,
              coalesce(nullif(trim(st.settlement), ''), '1')::smallint AS settlement, st.register,
              st.read_on::date AS read_on, trim(st.value)::numeric(14,2) AS value,
              st.register <> 'max_demand' AS cumulative
         FROM ${stage} st JOIN meters m ON m.asset_no = trim(st.meter_asset_no)
         JOIN accounts a ON a.id = m.account_id
        WHERE st.period = $9 AND coalesce(nullif(trim(st.settlement), ''), '1')::smallint = $10),
     x AS (
       SELECT s.*, coalesce(w.prev_value, p.value) AS prev_value, coalesce(w.prev_period, p.period) AS prev_period,
              rp.id AS repl_id, rp.old_final_value, rp.new_initial_value, rp.old_multiplier,
              om.register_digits AS old_digits, op.value AS old_prev,
              CASE WHEN s.cumulative THEN coalesce(w.open_est, 0) ELSE 0 END AS open_est,
              CASE WHEN s.register = 'active_total' THEN w.avg6 END AS avg6,
              CASE WHEN s.register = 'active_total' THEN coalesce(w.n6, 0) ELSE 0 END AS n6
         FROM s
         -- One index range scan per row over the register's last 12 billable readings gives the previous
         -- actual value, the estimates since (trued up by this reading: every valid read trues up all
         -- estimates before it) and the recent valid consumptions of the spike rule.
         LEFT JOIN LATERAL (
           SELECT max(q.value) FILTER (WHERE q.status = 'valid' AND q.vr = 1) AS prev_value,
                  max(q.period) FILTER (WHERE q.status = 'valid' AND q.vr = 1) AS prev_period,
                  sum(q.consumption) FILTER (WHERE q.status = 'estimated' AND q.vr = 0) AS open_est,
                  round(avg(q.consumption) FILTER (WHERE q.status = 'valid' AND q.vr <= $6), 2) AS avg6,
                  count(*) FILTER (WHERE q.status = 'valid' AND q.vr <= $6)::int AS n6,
                  count(*)::int AS n
             FROM (SELECT t.*, count(*) FILTER (WHERE t.status = 'valid')
                                 OVER (ORDER BY t.period DESC, t.settlement DESC ROWS UNBOUNDED PRECEDING) AS vr
                     FROM (SELECT r.value, r.period, r.settlement, r.status, r.consumption FROM meter_readings r
                            WHERE r.meter_id = s.meter_id AND r.register = s.register
                              AND r.status IN ('valid','estimated')
                              AND (r.period, r.settlement) < (s.period, s.settlement)
                            ORDER BY r.period DESC, r.settlement DESC LIMIT 12) t) q) w ON true
         -- More than 12 estimated periods since the last actual read (rare): look further back.
         LEFT JOIN LATERAL (
           SELECT r.value, r.period FROM meter_readings r
            WHERE w.prev_value IS NULL AND w.n = 12
              AND r.meter_id = s.meter_id AND r.register = s.register AND r.status = 'valid'
              AND (r.period, r.settlement) < (s.period, s.settlement)
            ORDER BY r.period DESC, r.settlement DESC LIMIT 1) p ON s.cumulative
         LEFT JOIN meter_replacements rp
           ON rp.new_meter_id = s.meter_id AND rp.register = s.register AND s.cumulative
          AND w.prev_value IS NULL AND p.value IS NULL
         LEFT JOIN meters om ON om.id = rp.old_meter_id
         LEFT JOIN LATERAL (
           SELECT r.value FROM meter_readings r
            WHERE r.meter_id = rp.old_meter_id AND r.register = s.register AND r.status = 'valid'
            ORDER BY r.period DESC, r.settlement DESC LIMIT 1) op ON rp.id IS NOT NULL),
     adv0 AS (
       SELECT x.*,
              x.prev_value IS NOT NULL OR x.repl_id IS NOT NULL AS has_prev,
              CASE
                WHEN NOT x.cumulative THEN round(x.value * x.multiplier, 2)
                WHEN x.repl_id IS NOT NULL THEN
                  round(metering_advance(coalesce(x.old_prev, x.old_final_value), x.old_final_value, x.old_digits, $5)
                        * x.old_multiplier, 2)
                  + round(metering_advance(x.new_initial_value, x.value, x.digits, $5) * x.multiplier, 2)
                WHEN x.prev_value IS NULL THEN 0
                ELSE round(metering_advance(x.prev_value, x.value, x.digits, $5) * x.multiplier, 2)
              END AS gross
         FROM x),
     adv AS (
       -- The spike rule judges the monthly average of an advance spanning estimated or missed months.
       SELECT adv0.*, round(adv0.gross / greatest(1, CASE WHEN adv0.prev_period IS NULL THEN 1 ELSE
                (substr(adv0.period, 1, 4)::int - substr(adv0.prev_period, 1, 4)::int) * 12
                + substr(adv0.period, 6, 2)::int - substr(adv0.prev_period, 6, 2)::int END), 2) AS monthly
         FROM adv0),
     coded AS (
       SELECT adv.*, array_remove(ARRAY[
                CASE WHEN adv.has_prev AND adv.cumulative AND adv.gross IS NULL THEN 'backwards' END,
                CASE WHEN adv.register = 'active_total' AND adv.has_prev AND adv.gross = 0
                      AND adv.account_status = 'active' THEN 'zero_consumption' END,
                CASE WHEN adv.register = 'active_total' AND adv.has_prev AND adv.gross <> 0 AND adv.n6 >= $7
                      AND adv.monthly * 100 > $3::numeric * adv.avg6 AND adv.monthly > $4::numeric THEN 'spike' END
              ], NULL) AS codes
         FROM adv),
     ins AS (
       INSERT INTO meter_readings(meter_id, account_id, org_unit_id, period, settlement, register, read_on, value,
                                  previous_value, multiplier, consumption, trued_up_kwh, source, status,
                                  exception_codes, replacement_id, batch_id, created_by)
       SELECT meter_id, account_id, org_unit_id, period, settlement, register, read_on, value,
              CASE WHEN repl_id IS NOT NULL THEN new_initial_value ELSE prev_value END, multiplier,
              coalesce(gross, 0) - CASE WHEN gross IS NULL THEN 0 ELSE open_est END,
              CASE WHEN gross IS NULL THEN 0 ELSE open_est END,
              $2, CASE WHEN cardinality(codes) = 0 THEN 'valid' ELSE 'exception' END, codes, repl_id, $1, $8
         FROM coded
       RETURNING id, meter_id, account_id, org_unit_id, period, settlement, register, status, exception_codes,
                 trued_up_kwh),
     trued AS (
       UPDATE meter_readings r SET trued_up_by = ins.id, updated_at = now()
         FROM ins
        WHERE ins.status = 'valid' AND ins.trued_up_kwh <> 0 AND ins.register <> 'max_demand' AND r.meter_id = ins.meter_id
          AND r.register = ins.register AND r.status = 'estimated' AND r.trued_up_by IS NULL
          AND (r.period, r.settlement) < (ins.period, ins.settlement)
       RETURNING r.id),
     exc AS (
       INSERT INTO reading_exceptions(reading_id, meter_id, account_id, org_unit_id, reading_book, period,
                                      settlement, register, codes)
       SELECT ins.id, ins.meter_id, ins.account_id, ins.org_unit_id, a.reading_book, ins.period, ins.settlement,
              ins.register, ins.exception_codes
         FROM ins JOIN accounts a ON a.id = ins.account_id WHERE ins.status = 'exception'
       RETURNING id),
     closed AS (
       -- A missing-read exception of the same register and period is answered by the reading.
       UPDATE reading_exceptions e SET state = 'corrected', resolved_at = now(), version = version + 1,
              updated_at = now()
         FROM ins
        WHERE e.reading_id IS NULL AND e.meter_id = ins.meter_id AND e.register = ins.register
          AND e.period = ins.period AND e.settlement = ins.settlement AND e.state IN ('open','reread_requested')
       RETURNING e.id)
     SELECT count(*) FILTER (WHERE status = 'valid')::int AS valid,
            count(*) FILTER (WHERE status = 'exception')::int AS exception,
            (SELECT count(*) FROM trued) + (SELECT count(*) FROM exc) + (SELECT count(*) FROM closed) AS side
       FROM ins`,
    [
      p.batchId,
      p.source,
      Math.round(rules.spikeFactor * 100),
      rules.spikeMinKwh,
      rules.rolloverMaxShare,
      rules.spikeHistoryMonths,
      rules.spikeMinHistory,
      p.userId,
      period,
      settlement,
    ],
  );
  return { valid: r.rows[0].valid, exception: r.rows[0].exception };
}
