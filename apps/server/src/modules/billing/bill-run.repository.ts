// The bill run's SQL: one statement reads a batch of accounts with everything pricing needs (keyset on
// account id), one statement writes the batch's bills, their timeline entries and the run's counters.
// Both are set-wise, so a million accounts cost a few hundred statements, not millions.
import type { Db } from '../../platform/db/db';
import type { AccountBillingRow, RunPeriod } from './bill-input';

export interface BillRunRow {
  id: number;
  period: string;
  settlement: 1 | 2;
  org_unit_id: number | null;
  org_unit_name: string | null;
  reading_book: string | null;
  status: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
  total_accounts: number | null;
  processed_accounts: number;
  billed_accounts: number;
  skipped_accounts: number;
  skipped_no_readings: number;
  skipped_existing: number;
  skipped_errors: number;
  estimated_readings: number;
  total_fen: number;
  error: string | null;
  issues: Array<{ accountId: number; accountNo?: string | null; code: string; message: string }>;
  tariff_version_id: number | null;
  issue_date: string | null;
  due_days: number;
  lanes: number;
  batch_size: number;
  started_by: number | null;
  started_by_name: string | null;
  /** The run's org unit, or for a reading-book run the book's: who may see the run. */
  scope_org_unit_id: number | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** Who may see a run: its org unit, or for a reading-book run the book's (or its accounts') unit. */
const SCOPE_UNIT = `coalesce(r.org_unit_id, (SELECT b.org_unit_id FROM reading_books b WHERE b.code = r.reading_book),
  (SELECT a.org_unit_id FROM accounts a WHERE a.reading_book = r.reading_book LIMIT 1))`;
const RUN_COLUMNS = `r.id, r.period, r.settlement, r.org_unit_id, o.name AS org_unit_name, r.reading_book, r.status,
  r.total_accounts, r.processed_accounts, r.billed_accounts, r.skipped_accounts, r.skipped_no_readings,
  r.skipped_existing, r.skipped_errors, r.estimated_readings, r.total_fen, r.error, r.issues,
  r.tariff_version_id, to_char(r.issue_date, 'YYYY-MM-DD') AS issue_date, r.due_days, r.lanes,
  r.batch_size, r.started_by, u.display_name AS started_by_name, r.created_at, r.started_at, r.finished_at,
  ${SCOPE_UNIT} AS scope_org_unit_id`;
const RUN_FROM = `FROM bill_runs r LEFT JOIN org_units o ON o.id = r.org_unit_id LEFT JOIN users u ON u.id = r.started_by`;

export async function insertRun(
  db: Db,
  v: {
    period: string;
    settlement: number;
    orgUnitId: number | null;
    readingBook: string | null;
    dueDays: number;
    issueDate: string | null;
    startedBy: number | null;
    batchSize: number;
    /** Parallel lanes (PostgreSQL); 1 = one keyset walk over the scope. */
    lanes?: number;
  },
): Promise<number> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO bill_runs(period, settlement, org_unit_id, reading_book, due_days, issue_date, started_by, batch_size,
                           lanes)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
    [
      v.period,
      v.settlement,
      v.orgUnitId,
      v.readingBook,
      v.dueDays,
      v.issueDate,
      v.startedBy,
      v.batchSize,
      v.lanes ?? 1,
    ],
  );
  return r.rows[0].id;
}

export async function findRun(db: Db, id: number, lock = false): Promise<BillRunRow | null> {
  const r = await db.query<BillRunRow>(
    lock
      ? `SELECT ${RUN_COLUMNS} ${RUN_FROM} WHERE r.id = $1 FOR UPDATE OF r`
      : `SELECT ${RUN_COLUMNS} ${RUN_FROM} WHERE r.id = $1`,
    [id],
  );
  return r.rows[0] ?? null;
}

/** An unfinished run of the same scope (the CLI resumes it instead of starting another). */
export async function findUnfinishedRun(
  db: Db,
  v: { period: string; settlement: number; orgUnitId: number | null; readingBook: string | null },
): Promise<number | null> {
  const r = await db.query<{ id: number }>(
    `SELECT id FROM bill_runs
      WHERE period = $1 AND settlement = $2 AND org_unit_id IS NOT DISTINCT FROM $3
        AND reading_book IS NOT DISTINCT FROM $4 AND status IN ('queued','running','failed')
      ORDER BY id DESC LIMIT 1`,
    [v.period, v.settlement, v.orgUnitId, v.readingBook],
  );
  return r.rows[0]?.id ?? null;
}

export async function listRuns(
  db: Db,
  q: { scopeOrgIds: number[] | null; period?: string; status?: string; limit: number; offset: number },
): Promise<{ rows: BillRunRow[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.scopeOrgIds) {
    params.push(q.scopeOrgIds);
    where.push(`${SCOPE_UNIT} = ANY($${params.length}::bigint[])`);
  }
  if (q.period) {
    params.push(q.period);
    where.push(`r.period = $${params.length}`);
  }
  if (q.status) {
    params.push(q.status);
    where.push(`r.status = $${params.length}`);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM bill_runs r ${w}`, params);
  params.push(q.limit, q.offset);
  const rows = await db.query<BillRunRow>(
    `SELECT ${RUN_COLUMNS} ${RUN_FROM} ${w} ORDER BY r.id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { rows: rows.rows, total: total.rows[0].n };
}

/** Claims the run for execution: queued/failed/running → running, pinning the tariff version. */
export async function startRun(
  db: Db,
  id: number,
  v: { tariffVersionId: number; issueDate: string; totalAccounts: number; estimated: number },
): Promise<void> {
  await db.query(
    `UPDATE bill_runs SET status = 'running', error = NULL, started_at = coalesce(started_at, now()),
            tariff_version_id = coalesce(tariff_version_id, $2), issue_date = coalesce(issue_date, $3),
            total_accounts = coalesce(total_accounts, $4), estimated_readings = estimated_readings + $5,
            updated_at = now()
      WHERE id = $1`,
    [id, v.tariffVersionId, v.issueDate, v.totalAccounts, v.estimated],
  );
}

export async function finishRun(db: Db, id: number, status: 'completed' | 'failed', error: string | null) {
  await db.query(
    `UPDATE bill_runs SET status = $2, error = $3, finished_at = now(), updated_at = now()
      WHERE id = $1 AND status IN ('queued','running')`,
    [id, status, error],
  );
}

export async function cancelRun(db: Db, id: number): Promise<boolean> {
  const r = await db.query(
    `UPDATE bill_runs SET status = 'cancelled', finished_at = now(), updated_at = now()
      WHERE id = $1 AND status IN ('queued','running','failed')`,
    [id],
  );
  return r.rowCount === 1;
}

/** The accounts a run covers: an org unit and everything below it, or one reading book. */
export interface RunScope {
  orgUnitIds: number[] | null;
  readingBook: string | null;
}

function scopeSql(scope: RunScope, params: unknown[]): string {
  const parts: string[] = [`a.status <> 'applying'`];
  if (scope.orgUnitIds) {
    params.push(scope.orgUnitIds);
    parts.push(`a.org_unit_id = ANY($${params.length}::bigint[])`);
  }
  if (scope.readingBook) {
    params.push(scope.readingBook);
    parts.push(`a.reading_book = $${params.length}`);
  }
  return parts.join(' AND ');
}

export async function countScope(db: Db, scope: RunScope): Promise<number> {
  const params: unknown[] = [];
  const r = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM accounts a WHERE ${scopeSql(scope, params)}`,
    params,
  );
  return r.rows[0].n;
}

export interface LaneRow {
  lane: number;
  hi_id: number;
  cursor_account_id: number;
  done: boolean;
}

/**
 * The run's lanes, created on first start: the scope's account-id span cut into `lanes` contiguous
 * ranges. Idempotent (a second worker starting the same run finds them).
 */
export async function ensureLanes(db: Db, runId: number, lanes: number, scope: RunScope): Promise<LaneRow[]> {
  const params: unknown[] = [];
  const where = scopeSql(scope, params);
  const span = await db.query<{ lo: number | null; hi: number | null }>(
    `SELECT min(a.id) - 1 AS lo, max(a.id) AS hi FROM accounts a WHERE ${where}`,
    params,
  );
  const lo = span.rows[0].lo ?? 0;
  const hi = span.rows[0].hi ?? 0;
  const step = Math.max(1, Math.ceil((hi - lo) / lanes));
  const bounds = Array.from({ length: lanes }, (_, i) => [
    i,
    lo + i * step,
    i === lanes - 1 ? hi : Math.min(hi, lo + (i + 1) * step),
  ]);
  await db.query(
    `INSERT INTO bill_run_lanes(run_id, lane, lo_id, hi_id, cursor_account_id)
     SELECT $1, u.lane, u.lo, u.hi, u.lo FROM unnest($2::int[], $3::bigint[], $4::bigint[]) AS u(lane, lo, hi)
     ON CONFLICT DO NOTHING`,
    [runId, bounds.map((b) => b[0]), bounds.map((b) => b[1]), bounds.map((b) => b[2])],
  );
  const r = await db.query<LaneRow>(
    `SELECT lane, hi_id, cursor_account_id, done FROM bill_run_lanes WHERE run_id = $1 ORDER BY lane`,
    [runId],
  );
  return r.rows;
}

/** Locks one lane for a batch (other lanes go on); null when the lane is finished. */
export async function lockLane(db: Db, runId: number, lane: number): Promise<LaneRow | null> {
  const r = await db.query<LaneRow>(
    `SELECT lane, hi_id, cursor_account_id, done FROM bill_run_lanes WHERE run_id = $1 AND lane = $2 FOR UPDATE`,
    [runId, lane],
  );
  const row = r.rows[0];
  return row && !row.done ? row : null;
}

export async function advanceLane(db: Db, runId: number, lane: number, cursor: number | null): Promise<void> {
  await db.query(
    cursor === null
      ? `UPDATE bill_run_lanes SET done = true WHERE run_id = $1 AND lane = $2`
      : `UPDATE bill_run_lanes SET cursor_account_id = $3 WHERE run_id = $1 AND lane = $2`,
    cursor === null ? [runId, lane] : [runId, lane, cursor],
  );
}

export async function runStatus(db: Db, runId: number): Promise<string | null> {
  const r = await db.query<{ status: string }>(`SELECT status FROM bill_runs WHERE id = $1`, [runId]);
  return r.rows[0]?.status ?? null;
}

/** Org unit ids of a unit and its descendants (materialised path). */
export async function unitAndDescendants(db: Db, orgUnitId: number): Promise<number[]> {
  const r = await db.query<{ id: number }>(
    `SELECT d.id FROM org_units u JOIN org_units d ON d.path LIKE u.path || '%' WHERE u.id = $1`,
    [orgUnitId],
  );
  return r.rows.map((x) => x.id);
}

/**
 * One batch: the next `limit` accounts after `afterId` with their period readings per register, their
 * transformers, price split, billing facts and the annual-cycle kWh of their latest earlier bill.
 * `accountIds` instead reads exactly those accounts (a re-bill's recompute). Whether a live bill exists
 * is not read: the write's ON CONFLICT skips (and counts) those accounts for free.
 */
export async function readBatch(
  db: Db,
  p: RunPeriod,
  sel: { scope: RunScope; afterId: number; upTo?: number; limit: number } | { accountIds: number[] },
): Promise<AccountBillingRow[]> {
  const params: unknown[] = [p.period, p.settlement, `${p.period.slice(0, 4)}-01`];
  let accSql: string;
  if ('accountIds' in sel) {
    params.push(sel.accountIds);
    accSql = `SELECT * FROM accounts a WHERE a.id = ANY($4::bigint[])`;
  } else {
    const where = scopeSql(sel.scope, params);
    params.push(sel.afterId, sel.upTo ?? Number.MAX_SAFE_INTEGER, sel.limit);
    accSql = `SELECT * FROM accounts a WHERE a.id > $${params.length - 2} AND a.id <= $${params.length - 1}
                AND ${where} ORDER BY a.id LIMIT $${params.length}`;
  }
  const r = await db.query<AccountBillingRow>(
    `WITH acc AS MATERIALIZED (${accSql}),
     rd AS (
       SELECT m.account_id,
              sum(m.consumption) FILTER (WHERE m.register = 'active_total') AS total_kwh,
              sum(m.consumption) FILTER (WHERE m.register = 'active_peak') AS peak_kwh,
              sum(m.consumption) FILTER (WHERE m.register = 'active_flat') AS flat_kwh,
              sum(m.consumption) FILTER (WHERE m.register = 'active_valley') AS valley_kwh,
              sum(m.consumption) FILTER (WHERE m.register = 'active_critical_peak') AS critical_peak_kwh,
              sum(m.consumption) FILTER (WHERE m.register = 'reactive_total') AS reactive_kvarh,
              max(m.consumption) FILTER (WHERE m.register = 'max_demand') AS max_demand_kw,
              count(*)::int AS reading_count,
              bool_or(m.status = 'estimated') AS estimated
         FROM meter_readings m
        WHERE m.account_id IN (SELECT id FROM acc) AND m.period = $1 AND m.settlement = $2
          AND m.status IN ('valid','estimated')
        GROUP BY m.account_id),
     tr AS (
       SELECT t.account_id,
              json_agg(json_build_object('id', t.id::text, 'capacityKva', t.capacity_kva, 'state', t.state,
                                         'sealed', t.sealed, 'interlockGroup', t.interlock_group) ORDER BY t.id) AS list
         FROM transformers t WHERE t.account_id IN (SELECT id FROM acc) GROUP BY t.account_id),
     ms AS (
       SELECT DISTINCT ON (mt.account_id) mt.account_id, mt.price_split
         FROM meters mt WHERE mt.account_id IN (SELECT id FROM acc) AND mt.price_split IS NOT NULL
        ORDER BY mt.account_id, mt.id)
     SELECT acc.id, acc.customer_id, acc.org_unit_id, acc.account_no, acc.tariff_category, acc.voltage_level,
            acc.basic_fee_method, acc.pf_standard,
            to_char((acc.created_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS connected_on,
            rd.total_kwh, rd.peak_kwh, rd.flat_kwh, rd.valley_kwh, rd.critical_peak_kwh, rd.reactive_kvarh,
            rd.max_demand_kw, rd.reading_count, rd.estimated,
            tr.list AS transformers, ms.price_split,
            f.household_size, f.low_income, f.tier_cycle, f.contract_demand_kw,
            prev.cycle_kwh AS prev_cycle_kwh
       FROM acc
       LEFT JOIN rd ON rd.account_id = acc.id
       LEFT JOIN tr ON tr.account_id = acc.id
       LEFT JOIN ms ON ms.account_id = acc.id
       LEFT JOIN account_billing_facts f ON f.account_id = acc.id
       LEFT JOIN LATERAL (
         SELECT b.cycle_kwh FROM bills b
          WHERE acc.tariff_category = 'residential' AND rd.account_id IS NOT NULL
            AND b.account_id = acc.id AND b.period >= $3 AND b.period < $1
            AND b.status NOT IN ('superseded','cancelled') AND b.cycle_kwh IS NOT NULL
          ORDER BY b.period DESC, b.settlement DESC LIMIT 1) prev ON true
      ORDER BY acc.id`,
    params,
  );
  return r.rows;
}

/** The priced bills of a batch, as parallel arrays (one INSERT … SELECT FROM unnest). */
export interface BillBatch {
  accountId: number[];
  customerId: number[];
  orgUnitId: number[];
  billNo: string[];
  tariffCategory: string[];
  energyKwh: string[];
  estimated: boolean[];
  totalFen: number[];
  lines: string[];
  cycleKwh: (string | null)[];
}

export function emptyBatch(): BillBatch {
  return {
    accountId: [],
    customerId: [],
    orgUnitId: [],
    billNo: [],
    tariffCategory: [],
    energyKwh: [],
    estimated: [],
    totalFen: [],
    lines: [],
    cycleKwh: [],
  };
}

/**
 * Writes a batch in one statement: the bills (ON CONFLICT DO NOTHING on the live-bill index — a repeated
 * batch after a crash writes nothing twice), a timeline entry per new bill, and the run's counters, all in
 * the caller's transaction (which also advances the lane's cursor).
 */
export async function writeBatch(
  db: Db,
  run: {
    id: number;
    period: string;
    settlement: number;
    tariffVersionId: number;
    periodStart: string;
    periodEnd: string;
    dueDate: string;
    issuedAt: string;
  },
  bills: BillBatch,
  counts: {
    processed: number;
    noReadings: number;
    existing: number;
    errors: number;
    issues: unknown[];
  },
): Promise<{ written: number; totalFen: number }> {
  const r = await db.query<{ written: number; total_fen: number }>(
    `WITH input AS (
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::numeric[],
                            $7::boolean[], $8::bigint[], $9::text[], $10::numeric[])
         AS u(account_id, customer_id, org_unit_id, bill_no, tariff_category, energy_kwh, estimated, total_fen,
              lines, cycle_kwh)),
     ins AS (
       INSERT INTO bills(bill_no, account_id, customer_id, org_unit_id, period, settlement, kind, run_id,
                         tariff_category, tariff_version_id, period_start, period_end, energy_kwh, estimated,
                         total_fen, due_date, lines, issued_at, cycle_kwh)
       SELECT bill_no, account_id, customer_id, org_unit_id, $11, $12, 'regular', $13, tariff_category, $14,
              $15::date, $16::date, energy_kwh, estimated, total_fen, $17::date, lines::jsonb, $18::timestamptz,
              cycle_kwh
         FROM input
       ON CONFLICT DO NOTHING
       RETURNING id, customer_id, org_unit_id, bill_no, total_fen),
     tl AS (
       INSERT INTO timeline_events(customer_id, org_unit_id, at, kind, title, detail, ref_entity, ref_id)
       SELECT customer_id, org_unit_id, $18::timestamptz, 'bill',
              '电费账单 ' || $11 || '：' || to_char(total_fen / 100.0, 'FM999999999990.00') || ' 元（' || bill_no || '）',
              jsonb_build_object('billNo', bill_no, 'period', $11::text, 'totalFen', total_fen), 'bill', id::text
         FROM ins),
     sums AS (SELECT count(*)::int AS written, coalesce(sum(total_fen), 0)::bigint AS total_fen FROM ins)
     UPDATE bill_runs r
        SET processed_accounts = r.processed_accounts + $19,
            billed_accounts = r.billed_accounts + sums.written,
            skipped_no_readings = r.skipped_no_readings + $20,
            skipped_existing = r.skipped_existing + $21 + (cardinality($1::bigint[]) - sums.written),
            skipped_errors = r.skipped_errors + $22,
            skipped_accounts = r.skipped_accounts + $20 + $21 + $22 + (cardinality($1::bigint[]) - sums.written),
            total_fen = r.total_fen + sums.total_fen,
            issues = CASE WHEN jsonb_array_length(r.issues) >= 100 THEN r.issues
                          ELSE r.issues || $23::jsonb END,
            updated_at = now()
       FROM sums
      WHERE r.id = $13
     RETURNING sums.written, sums.total_fen`,
    [
      bills.accountId,
      bills.customerId,
      bills.orgUnitId,
      bills.billNo,
      bills.tariffCategory,
      bills.energyKwh,
      bills.estimated,
      bills.totalFen,
      bills.lines,
      bills.cycleKwh,
      run.period,
      run.settlement,
      run.id,
      run.tariffVersionId,
      run.periodStart,
      run.periodEnd,
      run.dueDate,
      run.issuedAt,
      counts.processed,
      counts.noReadings,
      counts.existing,
      counts.errors,
      JSON.stringify(counts.issues),
    ],
  );
  return { written: r.rows[0]?.written ?? 0, totalFen: Number(r.rows[0]?.total_fen ?? 0) };
}
