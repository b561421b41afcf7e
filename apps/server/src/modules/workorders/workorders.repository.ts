// SQL of the work orders: the order row, its transition log, pauses, SLA clocks, breaches and return
// visits. Visibility (org scope) is applied here: an order is visible to a caller whose scope holds the
// order's org unit (the customer's) or the unit it is assigned to, or who handles it.
import type { Db } from '../../platform/db/db';

export interface OrderRow {
  id: number;
  case_no: string;
  type: string;
  sub_category: string | null;
  channel: string;
  status: string;
  paused: boolean;
  title: string;
  description: string;
  urgent: boolean;
  customer_id: number | null;
  premise_id: number | null;
  account_no: string | null;
  caller_name: string | null;
  caller_phone: string | null;
  contact_phone: string | null;
  org_unit_id: number;
  area_class: string | null;
  customer_tier: string | null;
  assigned_unit_id: number | null;
  handler_id: number | null;
  routing_rule_id: number | null;
  time_limit_version_id: number;
  parent_id: number | null;
  merged_into_id: number | null;
  reply_text: string | null;
  return_visit_required: boolean;
  first_contact_resolved: boolean;
  satisfaction: number | null;
  reopen_count: number;
  accepted_at: string;
  dispatched_at: string | null;
  taken_at: string | null;
  handled_at: string | null;
  replied_at: string | null;
  closed_at: string | null;
  created_by: number | null;
  version: number;
}

export interface Visibility {
  scopeOrgIds: number[];
  userId: number;
  /** The scope holds the top of the org tree (set by list callers that know it). */
  wholeCompany?: boolean;
}

// Pushes the user id last (callers refer to it as the last parameter).
const VISIBLE = (v: Visibility, params: unknown[]) => {
  if (v.wholeCompany) {
    // A scope over the whole company sees every order: no per-row test, so queues stay index scans.
    params.push(v.userId);
    // Always true (ids are positive); it keeps the parameter typed, and the planner treats it as a one-time filter.
    return `$${params.length}::bigint > 0`;
  }
  params.push(v.scopeOrgIds, v.userId);
  const s = `$${params.length - 1}::bigint[]`;
  const u = `$${params.length}`;
  return `(w.org_unit_id = ANY(${s}) OR w.assigned_unit_id = ANY(${s}) OR w.handler_id = ${u})`;
};

/** GD + local date of acceptance + an eight-digit serial, e.g. GD2026112300000007 (one number for the customer). */
export async function nextCaseNo(tx: Db, localDate: string): Promise<string> {
  const r = await tx.query<{ n: number }>(`SELECT nextval('work_order_case_seq') AS n`);
  return `GD${localDate.replaceAll('-', '')}${String(r.rows[0].n).padStart(8, '0')}`;
}

export type NewOrder = Omit<
  OrderRow,
  | 'id'
  | 'case_no'
  | 'version'
  | 'dispatched_at'
  | 'taken_at'
  | 'handled_at'
  | 'replied_at'
  | 'closed_at'
  | 'merged_into_id'
  | 'satisfaction'
  | 'reopen_count'
  | 'first_contact_resolved'
  | 'reply_text'
  | 'handler_id'
  | 'paused'
  | 'status'
> & { case_no: string };

export async function insertOrder(tx: Db, o: NewOrder): Promise<number> {
  const cols = Object.keys(o);
  const r = await tx.query<{ id: number }>(
    `INSERT INTO work_orders(${cols.join(', ')}, status) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}, 'accepted') RETURNING id`,
    Object.values(o),
  );
  return r.rows[0].id;
}

/** The order row locked for a change, if the caller may see it. */
export async function lockVisibleOrder(tx: Db, id: number, v: Visibility): Promise<OrderRow | null> {
  const params: unknown[] = [id];
  const r = await tx.query<OrderRow>(
    `SELECT w.* FROM work_orders w WHERE w.id = $1 AND ${VISIBLE(v, params)} FOR UPDATE`,
    params,
  );
  return r.rows[0] ?? null;
}

export async function findVisibleOrder(db: Db, id: number, v: Visibility): Promise<OrderRow | null> {
  const params: unknown[] = [id];
  const r = await db.query<OrderRow>(
    `SELECT w.* FROM work_orders w WHERE w.id = $1 AND ${VISIBLE(v, params)}`,
    params,
  );
  return r.rows[0] ?? null;
}

export async function findOrder(db: Db, id: number): Promise<OrderRow | null> {
  const r = await db.query<OrderRow>(`SELECT * FROM work_orders WHERE id = $1`, [id]);
  return r.rows[0] ?? null;
}

/** Updates the given columns and bumps the version; false when the version moved on (409). */
export async function updateOrder(
  tx: Db,
  id: number,
  version: number,
  set: Partial<Record<keyof OrderRow, unknown>>,
): Promise<boolean> {
  const cols = Object.keys(set);
  const assignments = cols.map((c, i) => `${c} = $${i + 3}`);
  const r = await tx.query(
    `UPDATE work_orders SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')}
      WHERE id = $1 AND version = $2`,
    [id, version, ...Object.values(set)],
  );
  return (r.rowCount ?? 0) > 0;
}

export interface NewEvent {
  orderId: number;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  actor?: { id: number; name: string } | null;
  note?: string | null;
  fromUnitId?: number | null;
  toUnitId?: number | null;
  internal?: boolean;
  at: Date;
}

export async function insertEvent(tx: Db, e: NewEvent): Promise<void> {
  await tx.query(
    `INSERT INTO work_order_events(order_id, action, from_status, to_status, actor_id, actor_name, note,
       from_unit_id, to_unit_id, internal, at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [
      e.orderId,
      e.action,
      e.fromStatus ?? null,
      e.toStatus ?? null,
      e.actor?.id ?? null,
      e.actor?.name ?? null,
      e.note ?? null,
      e.fromUnitId ?? null,
      e.toUnitId ?? null,
      e.internal ?? false,
      e.at.toISOString(),
    ],
  );
}

export interface EventRow {
  id: number;
  action: string;
  from_status: string | null;
  to_status: string | null;
  actor_name: string | null;
  note: string | null;
  from_unit_name: string | null;
  to_unit_name: string | null;
  internal: boolean;
  at: string;
}

export async function listEvents(db: Db, orderId: number): Promise<EventRow[]> {
  const r = await db.query<EventRow>(
    `SELECT e.id, e.action, e.from_status, e.to_status, e.actor_name, e.note, e.internal, e.at,
            fu.name AS from_unit_name, tu.name AS to_unit_name
       FROM work_order_events e
       LEFT JOIN org_units fu ON fu.id = e.from_unit_id
       LEFT JOIN org_units tu ON tu.id = e.to_unit_id
      WHERE e.order_id = $1 ORDER BY e.at, e.id`,
    [orderId],
  );
  return r.rows;
}

// --- Pauses ---------------------------------------------------------------------------------------------
export interface PauseRow {
  paused_at: string;
  resumed_at: string | null;
}

export async function listPauses(db: Db, orderId: number): Promise<PauseRow[]> {
  const r = await db.query<PauseRow>(
    `SELECT paused_at, resumed_at FROM work_order_pauses WHERE order_id = $1 ORDER BY paused_at`,
    [orderId],
  );
  return r.rows;
}

export async function openPause(tx: Db, orderId: number, at: Date, reason: string): Promise<void> {
  await tx.query(`INSERT INTO work_order_pauses(order_id, paused_at, reason) VALUES ($1,$2,$3)`, [
    orderId,
    at.toISOString(),
    reason,
  ]);
}

export async function closePause(tx: Db, orderId: number, at: Date): Promise<void> {
  await tx.query(
    `UPDATE work_order_pauses SET resumed_at = $2, updated_at = now() WHERE order_id = $1 AND resumed_at IS NULL`,
    [orderId, at.toISOString()],
  );
}

// --- Clocks ---------------------------------------------------------------------------------------------
export interface ClockRow {
  id: number;
  order_id: number;
  kind: string;
  limit_amount: string;
  limit_unit: string;
  started_at: string;
  stopped_at: string | null;
  warn50_at: string | null;
  warn80_at: string | null;
  due_at: string | null;
  level: number;
  breached_at: string | null;
  next_check_at: string | null;
}

export async function listClocks(db: Db, orderId: number): Promise<ClockRow[]> {
  const r = await db.query<ClockRow>(`SELECT * FROM work_order_clocks WHERE order_id = $1 ORDER BY id`, [
    orderId,
  ]);
  return r.rows;
}

export interface ClockTimes {
  warn50At: Date | null;
  warn80At: Date | null;
  dueAt: Date | null;
  nextCheckAt: Date | null;
}
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** Starts (or, on a reopened order, restarts) the clock of a kind. */
export async function upsertClock(
  tx: Db,
  c: { orderId: number; kind: string; amount: number; unit: string; startedAt: Date } & ClockTimes,
): Promise<void> {
  await tx.query(
    `INSERT INTO work_order_clocks(order_id, kind, limit_amount, limit_unit, started_at, warn50_at, warn80_at, due_at, next_check_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
     ON CONFLICT (order_id, kind) DO UPDATE SET limit_amount = EXCLUDED.limit_amount, limit_unit = EXCLUDED.limit_unit,
       started_at = EXCLUDED.started_at, stopped_at = NULL, warn50_at = EXCLUDED.warn50_at, warn80_at = EXCLUDED.warn80_at,
       due_at = EXCLUDED.due_at, next_check_at = EXCLUDED.next_check_at, level = 0, breached_at = NULL, updated_at = now()`,
    [
      c.orderId,
      c.kind,
      c.amount,
      c.unit,
      c.startedAt.toISOString(),
      isoOrNull(c.warn50At),
      isoOrNull(c.warn80At),
      isoOrNull(c.dueAt),
      isoOrNull(c.nextCheckAt),
    ],
  );
}

export async function setClockTimes(tx: Db, clockId: number, t: ClockTimes): Promise<void> {
  await tx.query(
    `UPDATE work_order_clocks SET warn50_at = $2, warn80_at = $3, due_at = $4, next_check_at = $5, updated_at = now()
      WHERE id = $1`,
    [clockId, isoOrNull(t.warn50At), isoOrNull(t.warn80At), isoOrNull(t.dueAt), isoOrNull(t.nextCheckAt)],
  );
}

export async function stopClockRow(
  tx: Db,
  clockId: number,
  at: Date,
  breachedAt: string | null,
): Promise<void> {
  await tx.query(
    `UPDATE work_order_clocks SET stopped_at = $2, next_check_at = NULL,
            breached_at = COALESCE(breached_at, $3), updated_at = now() WHERE id = $1`,
    [clockId, at.toISOString(), breachedAt],
  );
}

export async function recordBreach(
  tx: Db,
  b: {
    orderId: number;
    clockId: number;
    kind: string;
    orgUnitId: number;
    unitId: number | null;
    dueAt: string;
    breachedAt: string;
  },
): Promise<boolean> {
  const r = await tx.query(
    `INSERT INTO sla_breaches(order_id, clock_id, kind, org_unit_id, unit_id, due_at, breached_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (clock_id) DO NOTHING`,
    [b.orderId, b.clockId, b.kind, b.orgUnitId, b.unitId, b.dueAt, b.breachedAt],
  );
  return (r.rowCount ?? 0) > 0;
}

/** Clocks whose next warning instant has passed, locked so two sweeping processes never act twice. */
export async function claimDueClocks(
  tx: Db,
  now: Date,
  limit: number,
): Promise<(ClockRow & { w: OrderRow })[]> {
  const r = await tx.query<ClockRow & { w: OrderRow }>(
    `SELECT k.*, to_jsonb(w.*) AS w
       FROM work_order_clocks k JOIN work_orders w ON w.id = k.order_id
      WHERE k.stopped_at IS NULL AND k.next_check_at IS NOT NULL AND k.next_check_at <= $1
      ORDER BY k.next_check_at
      LIMIT ${limit}
      FOR UPDATE OF k SKIP LOCKED`,
    [now.toISOString()],
  );
  return r.rows;
}

// --- Return visits ------------------------------------------------------------------------------------
export interface VisitRow {
  id: number;
  attempt: number;
  outcome: string;
  method: string;
  note: string | null;
  score: number | null;
  by_name: string | null;
  at: string;
}

export async function listVisits(db: Db, orderId: number): Promise<VisitRow[]> {
  const r = await db.query<VisitRow>(
    `SELECT id, attempt, outcome, method, note, score, by_name, at FROM work_order_return_visits
      WHERE order_id = $1 ORDER BY attempt`,
    [orderId],
  );
  return r.rows;
}

export async function insertVisit(
  tx: Db,
  v: {
    orderId: number;
    attempt: number;
    outcome: string;
    method: string;
    note: string | null;
    score: number | null;
    by: { id: number; name: string } | null;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO work_order_return_visits(order_id, attempt, outcome, method, note, score, by_user_id, by_name, at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [
      v.orderId,
      v.attempt,
      v.outcome,
      v.method,
      v.note,
      v.score,
      v.by?.id ?? null,
      v.by?.name ?? null,
      v.at.toISOString(),
    ],
  );
}

// --- Lists ----------------------------------------------------------------------------------------------
export interface SummaryRow extends OrderRow {
  customer_name: string | null;
  org_unit_name: string | null;
  assigned_unit_name: string | null;
  handler_name: string | null;
  next_due_kind: string | null;
  next_due_at: string | null;
  warning_level: number;
  breached: boolean;
  return_visit_due_at: string | null;
}

/** Columns of a list row: names, the running clock due first, and the live warning level at $now. */
export function summarySelect(nowParam: string, from = 'work_orders w'): string {
  return `w.*, c.name AS customer_name, o.name AS org_unit_name, au.name AS assigned_unit_name,
    h.display_name AS handler_name, nc.kind AS next_due_kind, nc.due_at AS next_due_at,
    COALESCE(lv.level, 0)::int AS warning_level,
    COALESCE(lv.breached, false) AS breached,
    rv.due_at AS return_visit_due_at
  FROM ${from}
  LEFT JOIN customers c ON c.id = w.customer_id
  LEFT JOIN org_units o ON o.id = w.org_unit_id
  LEFT JOIN org_units au ON au.id = w.assigned_unit_id
  LEFT JOIN users h ON h.id = w.handler_id
  LEFT JOIN LATERAL (SELECT k.kind, k.due_at FROM work_order_clocks k
     WHERE k.order_id = w.id AND k.stopped_at IS NULL AND k.due_at IS NOT NULL ORDER BY k.due_at LIMIT 1) nc ON true
  LEFT JOIN LATERAL (SELECT max(CASE WHEN k.due_at <= ${nowParam} THEN 100 WHEN k.warn80_at <= ${nowParam} THEN 80
                                     WHEN k.warn50_at <= ${nowParam} THEN 50 ELSE 0 END) AS level,
                            bool_or(k.due_at <= ${nowParam}) AS breached
       FROM work_order_clocks k WHERE k.order_id = w.id AND k.stopped_at IS NULL) lv ON true
  LEFT JOIN LATERAL (SELECT k.due_at FROM work_order_clocks k
     WHERE k.order_id = w.id AND k.kind = 'return_visit' AND k.stopped_at IS NULL) rv ON true`;
}

export interface ListFilter {
  queue: 'mine' | 'team' | 'near_breach' | 'breached' | 'awaiting_visit' | 'all';
  roleUnitIds: number[];
  type?: string;
  status?: string;
  channel?: string;
  customerId?: number;
  assignedUnitId?: number;
  openOnly?: boolean;
  q?: string;
  fromUtc?: string;
  toUtc?: string;
}

const OPEN = `w.status NOT IN ('closed','merged')`;

function queueCondition(
  queue: ListFilter['queue'],
  f: ListFilter,
  add: (v: unknown) => string,
  now: () => string,
  me: string,
): string | null {
  switch (queue) {
    case 'mine':
      return `${OPEN} AND (w.handler_id = ${me} OR (w.created_by = ${me} AND w.status IN ('accepted','replied')))`;
    case 'team':
      return `${OPEN} AND w.assigned_unit_id = ANY(${add(f.roleUnitIds)}::bigint[])`;
    case 'near_breach': {
      // Past 80 % of a running clock's limit and not yet due (w.next_* are kept by the clock triggers).
      const n = now();
      return `${OPEN} AND w.next_warn80_at <= ${n} AND w.next_due_at > ${n}`;
    }
    case 'breached':
      return `${OPEN} AND w.next_due_at <= ${now()}`;
    case 'awaiting_visit':
      return `w.status = 'replied' AND w.return_visit_required`;
    case 'all':
      return null;
  }
}

function whereOf(f: ListFilter, v: Visibility, params: unknown[], now: Date, queue = f.queue): string {
  const add = (x: unknown) => {
    params.push(x);
    return `$${params.length}`;
  };
  // "Mine" (I handle it or accepted it) and "team" (assigned to a unit I hold a role on) are visible by
  // their own definition; leaving the scope test out lets the planner walk the queue's own index.
  const ownQueue = queue === 'mine' || queue === 'team';
  const parts = [VISIBLE(ownQueue ? { ...v, wholeCompany: true } : v, params)];
  const me = `$${params.length}`; // VISIBLE pushed the user id last
  const q = queueCondition(queue, f, add, () => `${add(now.toISOString())}::timestamptz`, me);
  if (q) parts.push(q);
  if (f.type) parts.push(`w.type = ${add(f.type)}`);
  if (f.status) parts.push(`w.status = ${add(f.status)}`);
  if (f.channel) parts.push(`w.channel = ${add(f.channel)}`);
  if (f.customerId) parts.push(`w.customer_id = ${add(f.customerId)}`);
  if (f.assignedUnitId) parts.push(`w.assigned_unit_id = ${add(f.assignedUnitId)}`);
  if (f.openOnly) parts.push(OPEN);
  if (f.fromUtc) parts.push(`w.accepted_at >= ${add(f.fromUtc)}`);
  if (f.toUtc) parts.push(`w.accepted_at < ${add(f.toUtc)}`);
  if (f.q) {
    const like = add(`%${f.q.replace(/[\\%_]/g, (m) => '\\' + m)}%`);
    const exact = add(f.q);
    parts.push(
      `(w.case_no = ${exact} OR w.caller_phone = ${exact} OR w.contact_phone = ${exact} OR w.title LIKE ${like})`,
    );
  }
  return parts.join(' AND ');
}

/** Queues and lists count at most this many rows (the UI shows 1000+): counting a million orders costs too much. */
export const LIST_COUNT_CAP = 1_000;

const ORDER_BY: Record<ListFilter['queue'], string> = {
  all: 'w.accepted_at DESC, w.id DESC',
  mine: 'w.next_due_at NULLS LAST, w.id',
  team: 'w.next_due_at NULLS LAST, w.id',
  near_breach: 'w.next_due_at, w.id',
  breached: 'w.next_due_at, w.id',
  awaiting_visit: 'w.next_due_at NULLS LAST, w.id',
};

/**
 * One page of a queue: the ids come from an index range scan in queue order, then the list rows of those
 * ids only (names, the clock due first, the live warning level).
 */
export async function listOrders(
  db: Db,
  f: ListFilter,
  v: Visibility,
  now: Date,
  page: { limit: number; offset: number },
): Promise<{ rows: SummaryRow[]; total: number; totalCapped: boolean }> {
  const params: unknown[] = [];
  const src = pageSource(f, v, params, now, page);
  const countParams = [...params];
  params.push(now.toISOString());
  const nowParam = `$${params.length}::timestamptz`;
  // One round trip: the page's ids in queue order, the capped count, and the list rows of those ids.
  const r = await db.query<SummaryRow & { total_count: number; pos: number }>(
    `WITH ids AS MATERIALIZED (${src.ids}),
     cnt AS (${src.count})
     SELECT (SELECT n FROM cnt) AS total_count, ids.pos,
            ${summarySelect(nowParam, 'ids JOIN work_orders w ON w.id = ids.id')}
      ORDER BY ids.pos`,
    params,
  );
  const rows: SummaryRow[] = r.rows.map(({ total_count: _n, pos: _p, ...row }) => row);
  // An empty page (past the end) still needs the count.
  const total = r.rows[0]?.total_count ?? (await db.query<{ n: number }>(src.count, countParams)).rows[0].n;
  return { rows, total: Math.min(total, LIST_COUNT_CAP), totalCapped: total > LIST_COUNT_CAP };
}

/** Up to this many units in a caller's scope, "all orders" reads one index branch per unit. */
const NARROW_SCOPE_UNITS = 8;

/**
 * The SQL of a page's ids (with their position) and of the capped count. A caller with a narrow scope (a
 * department) sees the orders of its units, assigned to them or handled by the caller — three sets that no
 * one index serves together. For "all orders", the newest of each set come from its own index, then merge.
 */
function pageSource(
  f: ListFilter,
  v: Visibility,
  params: unknown[],
  now: Date,
  page: { limit: number; offset: number },
): { ids: string; count: string } {
  const order = ORDER_BY[f.queue];
  if (f.queue !== 'all' || v.wholeCompany || v.scopeOrgIds.length > NARROW_SCOPE_UNITS) {
    const where = whereOf(f, v, params, now);
    return {
      ids: `SELECT w.id, row_number() OVER (ORDER BY ${order}) AS pos
              FROM work_orders w WHERE ${where} ORDER BY ${order}
             LIMIT ${page.limit} OFFSET ${page.offset}`,
      count: `SELECT count(*)::int AS n FROM (SELECT 1 FROM work_orders w WHERE ${where} LIMIT ${LIST_COUNT_CAP + 1}) t`,
    };
  }
  const filters = whereOf(f, { ...v, wholeCompany: true }, params, now);
  // One equality per unit, so each branch is an ordered index scan (= ANY(array) cannot give the order).
  const visible: string[] = [];
  for (const unit of v.scopeOrgIds) {
    params.push(unit);
    visible.push(
      `w.org_unit_id = $${params.length}::bigint`,
      `w.assigned_unit_id = $${params.length}::bigint`,
    );
  }
  params.push(v.userId);
  visible.push(`w.handler_id = $${params.length}::bigint`);
  const union = (limit: number) =>
    visible
      .map(
        (cond) => `(SELECT w.id, w.accepted_at FROM work_orders w WHERE ${cond} AND ${filters}
                     ORDER BY ${order} LIMIT ${limit})`,
      )
      .join(' UNION ');
  return {
    ids: `SELECT w.id, row_number() OVER (ORDER BY ${order}) AS pos
            FROM (${union(page.offset + page.limit)}) w ORDER BY ${order}
           LIMIT ${page.limit} OFFSET ${page.offset}`,
    count: `SELECT least(count(*), ${LIST_COUNT_CAP + 1})::int AS n FROM (${union(LIST_COUNT_CAP + 1)}) t`,
  };
}

async function countMatching(db: Db, where: string, params: unknown[]): Promise<number> {
  const n = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM work_orders w WHERE ${where} LIMIT ${LIST_COUNT_CAP + 1}) t`,
    params,
  );
  return n.rows[0].n;
}

export async function countQueue(db: Db, f: ListFilter, v: Visibility, now: Date): Promise<number> {
  const params: unknown[] = [];
  return Math.min(await countMatching(db, whereOf(f, v, params, now), params), LIST_COUNT_CAP);
}

export async function summaryOf(db: Db, id: number, now: Date): Promise<SummaryRow | null> {
  const r = await db.query<SummaryRow>(`SELECT ${summarySelect('$2::timestamptz')} WHERE w.id = $1`, [
    id,
    now.toISOString(),
  ]);
  return r.rows[0] ?? null;
}

export async function childrenOf(
  db: Db,
  id: number,
): Promise<{ id: number; case_no: string; type: string; status: string; title: string }[]> {
  const r = await db.query<{ id: number; case_no: string; type: string; status: string; title: string }>(
    `SELECT id, case_no, type, status, title FROM work_orders WHERE parent_id = $1 OR merged_into_id = $1 ORDER BY id`,
    [id],
  );
  return r.rows;
}

// --- Set-wise writes of the SLA sweep ------------------------------------------------------------------
export async function setClockLevels(
  tx: Db,
  rows: { id: number; level: number; next: string | null; breached: string | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `UPDATE work_order_clocks k SET level = x.level, next_check_at = x.next,
            breached_at = COALESCE(k.breached_at, x.breached), updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, level int, next timestamptz, breached timestamptz)
      WHERE k.id = x.id`,
    [JSON.stringify(rows)],
  );
}

/** Records breaches once (a clock breaches at most once); answers how many were new. */
export async function recordBreaches(
  tx: Db,
  rows: {
    orderId: number;
    clockId: number;
    kind: string;
    orgUnitId: number;
    unitId: number | null;
    dueAt: string;
    breachedAt: string;
  }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await tx.query(
    `INSERT INTO sla_breaches(order_id, clock_id, kind, org_unit_id, unit_id, due_at, breached_at)
     SELECT x."orderId", x."clockId", x.kind, x."orgUnitId", x."unitId", x."dueAt", x."breachedAt"
       FROM jsonb_to_recordset($1::jsonb) AS x("orderId" bigint, "clockId" bigint, kind text, "orgUnitId" bigint,
            "unitId" bigint, "dueAt" timestamptz, "breachedAt" timestamptz)
     ON CONFLICT (clock_id) DO NOTHING`,
    [JSON.stringify(rows)],
  );
  return r.rowCount ?? 0;
}

export async function insertEvents(tx: Db, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO work_order_events(order_id, action, from_status, to_status, actor_id, actor_name, note,
       from_unit_id, to_unit_id, internal, at)
     SELECT x.order_id, x.action, x.from_status, x.to_status, x.actor_id, x.actor_name, x.note,
            x.from_unit_id, x.to_unit_id, x.internal, x.at
       FROM jsonb_to_recordset($1::jsonb) AS x(order_id bigint, action text, from_status text, to_status text,
            actor_id bigint, actor_name text, note text, from_unit_id bigint, to_unit_id bigint, internal boolean,
            at timestamptz)`,
    [
      JSON.stringify(
        events.map((e) => ({
          order_id: e.orderId,
          action: e.action,
          from_status: e.fromStatus ?? null,
          to_status: e.toStatus ?? null,
          actor_id: e.actor?.id ?? null,
          actor_name: e.actor?.name ?? null,
          note: e.note ?? null,
          from_unit_id: e.fromUnitId ?? null,
          to_unit_id: e.toUnitId ?? null,
          internal: e.internal ?? false,
          at: e.at.toISOString(),
        })),
      ),
    ],
  );
}

/** The handler's (else the acceptor's) name and the org path of each order, for the sweep's messages. */
export async function orderPeople(
  db: Db,
  orderIds: number[],
): Promise<Map<number, { handlerName: string | null; orgPath: string }>> {
  const r = await db.query<{ id: number; handler_name: string | null; org_path: string }>(
    `SELECT w.id, u.display_name AS handler_name, o.path AS org_path
       FROM work_orders w JOIN org_units o ON o.id = w.org_unit_id
       LEFT JOIN users u ON u.id = COALESCE(w.handler_id, w.created_by)
      WHERE w.id = ANY($1::bigint[])`,
    [orderIds],
  );
  return new Map(r.rows.map((x) => [x.id, { handlerName: x.handler_name, orgPath: x.org_path }]));
}
