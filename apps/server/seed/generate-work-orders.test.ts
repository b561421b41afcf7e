// Generated work orders are orders the service could have written: the requested numbers in every
// status, running clocks exactly where the order is still being worked (with the domain's instants),
// events in the order they happened, breaches recorded, the service's routing — and the service and the
// SLA sweep carry on from them.
import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { clockInstants, nextCheckAt, type TimeLimit, type WarningLevel } from '@gridcare/domain';
import type { Db } from '../src/platform/db/db';
import { createTestDatabase } from '../src/test/databases';
import { describeEachDatabase } from '../src/test/harness';
import { loadWorkingCalendar } from '../src/modules/calendar/calendar.service';
import { routeOrder } from '../src/modules/workorders/workorder-routing';
import { findOrder } from '../src/modules/workorders/workorders.repository';
import { runSlaSweep } from '../src/modules/workorders/sla-sweep';
import { seedOrganisation } from './org-seed';
import { generateCustomers, generateWorkOrders } from './generate';
import { WORK_ORDER_TABLES } from './generator/work-order-rows';

const HISTORICAL = 500;
const OPEN = 200;
const OPTIONS = { historical: HISTORICAL, open: OPEN, seed: 5 };

async function digest(db: Db): Promise<string> {
  const r = await db.query<{ line: string }>(
    `SELECT w.case_no || '|' || w.type || '|' || w.status || '|' || w.title || '|' || w.accepted_at || '|' ||
            coalesce(w.customer_id::text, '-') || '|' || coalesce(w.assigned_unit_id::text, '-') || '|' ||
            (SELECT string_agg(e.action || '@' || e.at, ',' ORDER BY e.id) FROM work_order_events e WHERE e.order_id = w.id) || '|' ||
            (SELECT string_agg(k.kind || '@' || coalesce(k.due_at::text, '-') || '@' || k.level, ',' ORDER BY k.id)
               FROM work_order_clocks k WHERE k.order_id = w.id) AS line
       FROM work_orders w ORDER BY w.id`,
  );
  return createHash('sha256')
    .update(r.rows.map((x) => x.line).join('\n'))
    .digest('hex');
}

interface ClockRow {
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

const ms = (iso: string | null) => (iso === null ? null : new Date(iso).getTime());

describeEachDatabase('generated work orders', (h) => {
  const now = new Date();
  let generatedDigest = '';

  beforeAll(async () => {
    await generateCustomers(h().db, h().org, { customers: 300, seed: 5 });
    await generateWorkOrders(h().db, { ...OPTIONS, now });
    generatedDigest = await digest(h().db);
  });

  it('generates the requested historical orders, all finished, and open ones in every status', async () => {
    const r = await h().db.query<{ status: string; paused: boolean; n: number }>(
      `SELECT status, paused, count(*)::int AS n FROM work_orders GROUP BY 1, 2`,
    );
    const count = (f: (x: { status: string; paused: boolean }) => boolean) =>
      r.rows.filter(f).reduce((s, x) => s + x.n, 0);
    expect(count((x) => x.status === 'closed' || x.status === 'merged')).toBe(HISTORICAL);
    expect(count((x) => x.status !== 'closed' && x.status !== 'merged')).toBe(OPEN);
    for (const status of ['accepted', 'dispatched', 'taken', 'handled', 'replied'])
      expect(
        count((x) => x.status === status),
        status,
      ).toBeGreaterThan(0);
    expect(count((x) => x.paused)).toBeGreaterThan(0);
    const types = await h().db.query<{ type: string; n: number }>(
      `SELECT type, count(*)::int AS n FROM work_orders GROUP BY 1 ORDER BY 2 DESC`,
    );
    // Consultation and query most, fault repair next, complaints a few per cent.
    expect(types.rows[0].type).toBe('consultation');
    const share = (t: string) => (types.rows.find((x) => x.type === t)?.n ?? 0) / (HISTORICAL + OPEN);
    expect(share('fault_repair')).toBeGreaterThan(0.15);
    expect(share('complaint')).toBeLessThan(0.1);
    expect(share('complaint')).toBeGreaterThan(0);
  });

  it('every open order has running clocks and no finished one has any', async () => {
    const r = await h().db.query<{ open: boolean; with_running: boolean; n: number }>(
      `SELECT w.status NOT IN ('closed','merged') AS open,
              EXISTS (SELECT 1 FROM work_order_clocks k WHERE k.order_id = w.id AND k.stopped_at IS NULL) AS with_running,
              count(*)::int AS n
         FROM work_orders w GROUP BY 1, 2`,
    );
    expect(r.rows.filter((x) => x.open !== x.with_running)).toEqual([]);
    // The order carries its earliest running deadline and 80 % instant, as the clock triggers keep them.
    const stale = await h().db.query<{ id: number }>(
      `SELECT w.id FROM work_orders w
        WHERE w.next_due_at IS DISTINCT FROM (SELECT min(k.due_at) FROM work_order_clocks k WHERE k.order_id = w.id AND k.stopped_at IS NULL)
           OR w.next_warn80_at IS DISTINCT FROM (SELECT min(k.warn80_at) FROM work_order_clocks k WHERE k.order_id = w.id AND k.stopped_at IS NULL)`,
    );
    expect(stale.rows).toEqual([]);
  });

  it("running clocks carry the domain's instants and the sweep's next check after the levels already raised", async () => {
    const cal = await loadWorkingCalendar(h().db);
    const clocks = await h().db.query<ClockRow>(`SELECT * FROM work_order_clocks WHERE stopped_at IS NULL`);
    const pauses = await h().db.query<{ order_id: number; paused_at: string; resumed_at: string | null }>(
      `SELECT order_id, paused_at, resumed_at FROM work_order_pauses`,
    );
    expect(clocks.rows.length).toBeGreaterThan(OPEN);
    let paused = 0;
    for (const c of clocks.rows) {
      const own = pauses.rows
        .filter((p) => p.order_id === c.order_id)
        .map((p) => ({ from: new Date(p.paused_at), to: p.resumed_at ? new Date(p.resumed_at) : null }));
      const limit: TimeLimit = { amount: Number(c.limit_amount), unit: c.limit_unit as TimeLimit['unit'] };
      const i = clockInstants(new Date(c.started_at), limit, cal, own);
      expect([ms(c.warn50_at), ms(c.warn80_at), ms(c.due_at)], `clock ${c.id}`).toEqual([
        i.warn50At?.getTime() ?? null,
        i.warn80At?.getTime() ?? null,
        i.dueAt?.getTime() ?? null,
      ]);
      expect(ms(c.next_check_at)).toBe(nextCheckAt(i, c.level as WarningLevel)?.getTime() ?? null);
      if (own.some((p) => p.to === null)) paused++;
      // The sweep never raised a level before its instant was reached (a paused clock has no instants).
      if (c.level >= 50 && c.warn50_at !== null) expect(ms(c.warn50_at)!).toBeLessThan(now.getTime());
      if (c.level === 100) expect(c.breached_at).toBe(c.due_at);
    }
    expect(paused).toBeGreaterThan(0);
    const near = clocks.rows.filter(
      (c) => ms(c.warn80_at)! <= now.getTime() && ms(c.due_at)! > now.getTime(),
    );
    const breached = clocks.rows.filter((c) => c.due_at !== null && ms(c.due_at)! <= now.getTime());
    expect(near.length).toBeGreaterThan(0);
    expect(breached.length).toBeGreaterThan(0);
  });

  it('events of every order are in time order and chain its statuses', async () => {
    const r = await h().db.query<{
      order_id: number;
      action: string;
      from_status: string | null;
      to_status: string | null;
      at: string;
      status: string;
    }>(
      `SELECT e.order_id, e.action, e.from_status, e.to_status, e.at, w.status
         FROM work_order_events e JOIN work_orders w ON w.id = e.order_id ORDER BY e.order_id, e.id`,
    );
    const problems: string[] = [];
    let current = -1;
    let last = 0;
    let status: string | null = null;
    const finalStatus = new Map<number, { status: string; reached: string | null }>();
    for (const e of r.rows) {
      if (e.order_id !== current) {
        current = e.order_id;
        last = 0;
        status = null;
        if (e.action !== 'accept') problems.push(`${e.order_id} starts with ${e.action}`);
      }
      const at = new Date(e.at).getTime();
      if (at < last) problems.push(`${e.order_id}: ${e.action} before the event above it`);
      if (at > now.getTime()) problems.push(`${e.order_id}: ${e.action} in the future`);
      last = at;
      if (e.to_status) {
        if (e.from_status !== status)
          problems.push(`${e.order_id}: ${e.action} from ${e.from_status}, was ${status}`);
        status = e.to_status;
      }
      finalStatus.set(e.order_id, { status: e.status, reached: status });
    }
    for (const [id, s] of finalStatus)
      if (s.status !== s.reached) problems.push(`${id} ends ${s.reached}, row ${s.status}`);
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('every clock stopped after its deadline, or running past it, has its breach recorded', async () => {
    const r = await h().db.query<{ id: number }>(
      `SELECT k.id FROM work_order_clocks k
        WHERE k.due_at IS NOT NULL AND coalesce(k.stopped_at, $1::timestamptz) > k.due_at
          AND (k.stopped_at IS NOT NULL OR k.level = 100)
          AND NOT EXISTS (SELECT 1 FROM sla_breaches b WHERE b.clock_id = k.id)`,
      [now.toISOString()],
    );
    expect(r.rows).toEqual([]);
    const visits = await h().db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM work_order_return_visits`,
    );
    expect(visits.rows[0].n).toBeGreaterThan(0);
  });

  it("routes every order as the service does: complaints by sub-category, fault repair to the premise's office", async () => {
    const r = await h().db.query<{ id: number; to_unit_id: number }>(
      `SELECT e.order_id AS id, e.to_unit_id FROM work_order_events e
        WHERE e.action = 'dispatch' AND e.note = '按派单规则自动派发'`,
    );
    expect(r.rows.length).toBeGreaterThan(100);
    for (const x of r.rows) {
      const o = (await findOrder(h().db, x.id))!;
      expect((await routeOrder(h().db, o)).unitId, o.case_no).toBe(x.to_unit_id);
    }
  });

  it('lets the service carry on: API versions match, case numbers continue, handlers work a generated order', async () => {
    // An order only dispatched at intake has the version the API gives such an order.
    const fresh = await h().db.query<{ id: number; version: number; customer_id: number }>(
      `SELECT w.id, w.version, w.customer_id FROM work_orders w
        WHERE w.status = 'dispatched' AND NOT w.paused AND w.customer_id IS NOT NULL AND w.type = 'complaint'
          AND NOT EXISTS (SELECT 1 FROM work_order_events e WHERE e.order_id = w.id AND e.action NOT IN ('accept','dispatch','sla_warning','sla_breach'))
        LIMIT 1`,
    );
    const agent = await h().loginAs('agent');
    const created = await h().api(agent, 'POST', '/api/workorders', {
      type: 'complaint',
      subCategory: 'supply_quality',
      channel: 'phone',
      customerId: fresh.rows[0].customer_id,
      title: '电压偏低',
      description: '晚间电压偏低。',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().version).toBe(fresh.rows[0].version);
    const serial = (caseNo: string) => Number(caseNo.slice(-8));
    const max = await h().db.query<{ case_no: string }>(
      `SELECT case_no FROM work_orders WHERE id <> $1 ORDER BY id DESC LIMIT 1`,
      [created.json().id],
    );
    expect(serial(created.json().caseNo)).toBe(serial(max.rows[0].case_no) + 1);

    // A marketing handler takes, handles and answers a generated open order.
    const mine = await h().db.query<{ id: number; version: number }>(
      `SELECT w.id, w.version FROM work_orders w JOIN org_units u ON u.id = w.assigned_unit_id
        WHERE u.code = 'D-MKT' AND w.status = 'dispatched' AND NOT w.paused ORDER BY w.id LIMIT 1`,
    );
    const marketing = await h().loginAs('marketing');
    const id = mine.rows[0].id;
    let version = mine.rows[0].version;
    for (const body of [
      { action: 'take' },
      { action: 'handle', replyText: '已核实处理' },
      { action: 'reply', replyText: '已答复客户。' },
    ]) {
      const res = await h().api(marketing, 'POST', `/api/workorders/${id}/actions`, { ...body, version });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
    const answered = (await h().api(marketing, 'GET', `/api/workorders/${id}`)).json();
    expect(answered.status).toBe('replied');
    expect(
      answered.clocks.filter((c: { kind: string; stoppedAt: string | null }) => c.kind === 'reply')[0]
        .stoppedAt,
    ).not.toBeNull();

    // The agent makes the return visit of a generated order awaiting one.
    const awaiting = (await h().api(agent, 'GET', '/api/workorders?queue=awaiting_visit')).json();
    expect(awaiting.total).toBeGreaterThan(0);
    const target = awaiting.items.find((i: { id: number }) => i.id !== id);
    const visit = await h().api(agent, 'POST', `/api/workorders/${target.id}/return-visits`, {
      outcome: 'satisfied',
      method: 'phone',
      version: target.version,
    });
    expect(visit.statusCode, visit.body).toBe(200);
    expect(visit.json().status).toBe('closed');
  });

  it('queues and the board answer for the generated orders', async () => {
    for (const user of ['agent', 'ops', 'marketing', 'planning', 'crew', 'supervisor']) {
      const cookie = await h().loginAs(user);
      const counts = await h().api(cookie, 'GET', '/api/workorders/queue-counts');
      expect(counts.statusCode).toBe(200);
      const team = await h().api(cookie, 'GET', '/api/workorders?queue=team');
      expect(team.statusCode).toBe(200);
      if (user !== 'agent' && user !== 'supervisor') expect(team.json().total, user).toBeGreaterThan(0);
    }
    const sup = await h().loginAs('supervisor');
    for (const queue of ['near_breach', 'breached', 'awaiting_visit', 'all'])
      expect(
        (await h().api(sup, 'GET', `/api/workorders?queue=${queue}`)).json().total,
        queue,
      ).toBeGreaterThan(0);
    expect((await h().api(sup, 'GET', '/api/workorders/board')).statusCode).toBe(200);
  });

  it('the SLA sweep finds what falls due after generation, and raises each clock once', async () => {
    const later = new Date(now.getTime() + 3 * 86_400_000);
    const due = await h().db.query<{ id: number }>(
      `SELECT id FROM work_order_clocks WHERE stopped_at IS NULL AND due_at <= $1 AND level < 100`,
      [later.toISOString()],
    );
    expect(due.rows.length).toBeGreaterThan(0);
    const first = await runSlaSweep(h().db, later);
    expect(first.raised).toBeGreaterThanOrEqual(due.rows.length);
    const left = await h().db.query<{ id: number }>(
      `SELECT k.id FROM work_order_clocks k
        WHERE k.stopped_at IS NULL AND k.due_at <= $1
          AND (k.level < 100 OR NOT EXISTS (SELECT 1 FROM sla_breaches b WHERE b.clock_id = k.id))`,
      [later.toISOString()],
    );
    expect(left.rows).toEqual([]);
    expect(await runSlaSweep(h().db, later)).toEqual({ raised: 0, breaches: 0 });
  });

  it('the same seed and the same customers give the same orders, also through the bulk path', async () => {
    const other = await createTestDatabase(h().kind);
    try {
      const org = await seedOrganisation(other.db);
      await generateCustomers(other.db, org, { customers: 300, seed: 5 });
      const before = await schemaOf(other.db);
      // The bulk path drops and re-creates the work-order tables' indexes and foreign keys.
      await generateWorkOrders(other.db, { ...OPTIONS, now, bulk: true });
      expect(await digest(other.db)).toBe(generatedDigest);
      expect(await schemaOf(other.db)).toEqual(before);
    } finally {
      await other.destroy();
    }
  });
});

async function schemaOf(db: Db): Promise<string[]> {
  const r = await db.query<{ d: string }>(
    `SELECT indexdef AS d FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY($1)
     UNION ALL
     SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
      WHERE connamespace = current_schema()::regnamespace AND conrelid::regclass::text = ANY($1) AND convalidated
     ORDER BY 1`,
    [WORK_ORDER_TABLES],
  );
  return r.rows.map((x) => x.d);
}
