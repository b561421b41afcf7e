import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING_RULES, DEFAULT_TIME_LIMIT_RULES } from '@gridcare/domain';
import { describeEachDatabase, type Harness } from '../../test/harness';
import { buildCustomerInput, createCustomerVia } from '../customers/customers.test-builders';
import { runSlaSweep } from './sla-sweep';

async function unitId(h: Harness, code: string): Promise<number> {
  const r = await h.db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = $1`, [code]);
  return r.rows[0].id;
}

async function newCustomer(h: Harness, officeIndex = 0) {
  return createCustomerVia(h, 'admin', buildCustomerInput(h.org.officeIds[officeIndex]));
}

async function create(
  h: Harness,
  user: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return h.api(await h.loginAs(user), 'POST', '/api/workorders', body, headers);
}

async function act(h: Harness, user: string, id: number, body: Record<string, unknown>) {
  const current = await h.api(await h.loginAs(user), 'GET', `/api/workorders/${id}`);
  return h.api(await h.loginAs(user), 'POST', `/api/workorders/${id}/actions`, {
    version: current.json().version,
    ...body,
  });
}

const complaint = (customerId: number, subCategory = 'supply_quality') => ({
  type: 'complaint',
  subCategory,
  channel: 'phone',
  customerId,
  contactPhone: '13912345678',
  title: '电压长期偏低',
  description: '客户反映晚间电压偏低，空调无法启动。',
});

describeEachDatabase('work orders', (h) => {
  it('runs a complaint round trip: accept → route → take → handle → reply → return visit → close', async () => {
    const customer = await newCustomer(h());
    const created = await create(h(), 'agent', complaint(customer.id));
    expect(created.statusCode).toBe(201);
    const order = created.json();
    expect(order.caseNo).toMatch(/^GD\d{8}\d{8}$/);
    // Supply-quality complaints go to production (domain.md §4), dispatched at once by the rules.
    expect(order.status).toBe('dispatched');
    expect(order.assignedUnitId).toBe(await unitId(h(), 'D-OPS'));
    expect(order.externalStatus).toBe('processing');
    const clockKinds = order.clocks.map((c: { kind: string }) => c.kind).sort();
    expect(clockKinds).toEqual(['dispatch', 'first_contact', 'reply']);
    expect(order.clocks.find((c: { kind: string }) => c.kind === 'dispatch').stoppedAt).not.toBeNull();
    expect(order.clocks.find((c: { kind: string }) => c.kind === 'reply').dueAt).not.toBeNull();

    // The order carries the earliest deadline of its running clocks (kept by the clock triggers).
    const nextDue = async () =>
      (
        await h().db.query<{ next_due_at: string | null }>(
          `SELECT next_due_at FROM work_orders WHERE id = $1`,
          [order.id],
        )
      ).rows[0].next_due_at;
    const running = order.clocks
      .filter((c: { stoppedAt: string | null }) => !c.stoppedAt)
      .map((c: { dueAt: string }) => c.dueAt)
      .sort();
    expect(await nextDue()).toBe(running[0]);
    // The production handler sees it in the team queue and works it.
    const ops = await h().loginAs('ops');
    const team = await h().api(ops, 'GET', '/api/workorders?queue=team');
    expect(team.json().items.map((i: { id: number }) => i.id)).toContain(order.id);
    expect((await act(h(), 'ops', order.id, { action: 'take' })).json().status).toBe('taken');
    const note = await h().api(ops, 'POST', `/api/workorders/${order.id}/notes`, {
      note: '已电话联系客户，约定明日上门测量电压',
      contactedCustomer: true,
      notifyCustomer: true,
    });
    expect(note.statusCode).toBe(200);
    expect(
      note.json().clocks.find((c: { kind: string }) => c.kind === 'first_contact').stoppedAt,
    ).not.toBeNull();
    expect(
      (await act(h(), 'ops', order.id, { action: 'handle', replyText: '已调整台区变压器分接头' })).json()
        .status,
    ).toBe('handled');
    const replied = await act(h(), 'ops', order.id, {
      action: 'reply',
      replyText: '已调整分接头，电压恢复正常。',
    });
    expect(replied.statusCode).toBe(200);
    expect(replied.json().status).toBe('replied');
    expect(
      replied.json().clocks.find((c: { kind: string }) => c.kind === 'return_visit').stoppedAt,
    ).toBeNull();

    expect(await nextDue()).toBe(
      replied.json().clocks.find((c: { kind: string }) => c.kind === 'return_visit').dueAt,
    );
    // The agent who accepted it makes the return visit.
    const agent = await h().loginAs('agent');
    const awaiting = await h().api(agent, 'GET', '/api/workorders?queue=awaiting_visit');
    expect(awaiting.json().items.map((i: { id: number }) => i.id)).toContain(order.id);
    const visit = await h().api(agent, 'POST', `/api/workorders/${order.id}/return-visits`, {
      outcome: 'satisfied',
      method: 'phone',
      note: '客户表示满意',
      version: replied.json().version,
    });
    expect(visit.statusCode).toBe(200);
    const closed = visit.json();
    expect(closed.status).toBe('closed');
    expect(closed.externalStatus).toBe('completed');
    expect(closed.satisfaction).toBe(100);
    expect(await nextDue()).toBeNull();

    expect(closed.clocks.every((c: { stoppedAt: string | null }) => c.stoppedAt !== null)).toBe(true);
    expect(closed.events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['accept', 'dispatch', 'take', 'contacted', 'handle', 'reply', 'return_visit']),
    );
    for (const e of closed.events) expect(e.at).toBeTruthy();
    expect(closed.events.find((e: { action: string }) => e.action === 'take').actorName).toBe(
      '运维检修部工单处理员',
    );

    // The customer's timeline and the outbox carry it.
    const timeline = await h().db.query<{ title: string }>(
      `SELECT title FROM timeline_events WHERE customer_id = $1 AND kind = 'work_order' ORDER BY id`,
      [customer.id],
    );
    expect(timeline.rows.map((r) => r.title).join('\n')).toContain(order.caseNo);
    expect(timeline.rows.length).toBeGreaterThanOrEqual(3);
    const outbox = await h().db.query<{ event: string }>(
      `SELECT DISTINCT event FROM notification_outbox WHERE entity_type = 'work_order' AND entity_id = $1`,
      [String(order.id)],
    );
    expect(outbox.rows.map((r) => r.event).sort()).toEqual(
      ['workorder.accepted', 'workorder.progress', 'workorder.replied', 'workorder.survey'].sort(),
    );
    const audit = await h().db.query(
      `SELECT 1 FROM audit_log WHERE entity = 'work_order' AND entity_id = $1`,
      [String(order.id)],
    );
    expect(audit.rows.length).toBeGreaterThanOrEqual(6);
  });

  it('closes a consultation answered on the spot (first-contact resolution) without dispatching it', async () => {
    const customer = await newCustomer(h());
    const res = await create(h(), 'agent', {
      type: 'consultation',
      channel: 'phone',
      customerId: customer.id,
      title: '咨询峰谷电价',
      description: '客户咨询居民峰谷分时电价的时段划分。',
      answeredOnSpot: true,
      replyText: '峰时 8:00–22:00，谷时 22:00–次日 8:00。',
    });
    expect(res.statusCode).toBe(201);
    const o = res.json();
    expect(o.status).toBe('closed');
    expect(o.firstContactResolved).toBe(true);
    expect(o.events.map((e: { action: string }) => e.action)).toEqual(['accept', 'reply', 'close']);
    expect(o.clocks.map((c: { kind: string }) => c.kind)).toEqual(['reply']);
    expect(o.clocks[0].stoppedAt).not.toBeNull();
    expect(o.replyText).toBe('峰时 8:00–22:00，谷时 22:00–次日 8:00。');
    // What was answered is what is stored.
    const back = (await h().api(await h().loginAs('agent'), 'GET', `/api/workorders/${o.id}`)).json();
    expect({ ...back, allowedActions: undefined }).toMatchObject({
      status: 'closed',
      externalStatus: o.externalStatus,
      replyText: o.replyText,
      firstContactResolved: true,
      closedAt: o.closedAt,
      events: o.events.map((e: { action: string; toStatus: string }) => ({
        action: e.action,
        toStatus: e.toStatus,
      })),
    });
    expect(back.allowedActions).toEqual(o.allowedActions);
    // The customer is told the answer (not "accepted"), and the timeline shows received, answered, archived.
    const told = await h().db.query<{ event: string }>(
      `SELECT DISTINCT event FROM notification_outbox WHERE entity_type = 'work_order' AND entity_id = $1`,
      [String(o.id)],
    );
    expect(told.rows.map((r) => r.event)).toEqual(['workorder.replied']);
    const timeline = await h().db.query<{ title: string }>(
      `SELECT title FROM timeline_events WHERE ref_entity = 'work_order' AND ref_id = $1 ORDER BY id`,
      [String(o.id)],
    );
    expect(timeline.rows.map((r) => r.title.split(' ')[0])).toEqual([
      '受理咨询工单',
      '工单已答复',
      '工单已归档',
    ]);
    const audit = await h().db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'work_order' AND entity_id = $1 ORDER BY id`,
      [String(o.id)],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'work_order.reply', 'work_order.close']);
  });

  it('sends fault repair to the supply office of the service point', async () => {
    const customer = await newCustomer(h(), 1);
    const res = await create(h(), 'agent', {
      type: 'fault_repair',
      channel: 'phone',
      customerId: customer.id,
      callerPhone: '13800138000',
      title: '家中停电',
      description: '整栋楼停电。',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().assignedUnitId).toBe(h().org.officeIds[1]);
    const kinds = res
      .json()
      .clocks.map((c: { kind: string; limitAmount: number }) => [c.kind, c.limitAmount]);
    expect(kinds).toContainEqual(['arrival', 45]); // urban premise: 45 minutes
    // Arrival on site stops the arrival clock and starts the restoration clock (4 h urban).
    const note = await h().api(await h().loginAs('admin'), 'POST', `/api/workorders/${res.json().id}/notes`, {
      note: '抢修人员已到达现场',
      milestone: 'arrived',
    });
    const clocks = note.json().clocks;
    expect(clocks.find((c: { kind: string }) => c.kind === 'arrival').stoppedAt).not.toBeNull();
    expect(clocks.find((c: { kind: string }) => c.kind === 'restoration')).toMatchObject({
      limitAmount: 4,
      stoppedAt: null,
    });
  });

  it('refuses an illegal transition with 409 and changes nothing', async () => {
    const customer = await newCustomer(h());
    const o = (await create(h(), 'agent', complaint(customer.id))).json();
    const res = await act(h(), 'admin', o.id, { action: 'reply', replyText: '跳过处理直接答复' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('illegal_transition');
    const after = (await h().api(await h().loginAs('admin'), 'GET', `/api/workorders/${o.id}`)).json();
    expect(after.status).toBe('dispatched');
    expect(after.version).toBe(o.version);
    // Two handlers act on the same version: the first wins, the second gets 409 and changes nothing.
    const admin = await h().loginAs('admin');
    const first = await h().api(admin, 'POST', `/api/workorders/${o.id}/actions`, {
      action: 'take',
      version: o.version,
    });
    expect(first.statusCode).toBe(200);
    const stale = await h().api(await h().loginAs('ops'), 'POST', `/api/workorders/${o.id}/actions`, {
      action: 'take',
      version: o.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
  });

  it('stops the clocks while paused and hides internal transfers from the customer', async () => {
    const customer = await newCustomer(h());
    const o = (await create(h(), 'agent', complaint(customer.id, 'billing'))).json();
    expect(o.assignedUnitId).toBe(await unitId(h(), 'D-MKT'));
    const transferred = await act(h(), 'supervisor', o.id, {
      action: 'transfer',
      targetUnitId: await unitId(h(), 'D-OPS'),
      reason: '属于设备问题',
    });
    expect(transferred.statusCode).toBe(200);
    expect(transferred.json().externalStatus).toBe('processing');
    expect(transferred.json().events.find((e: { action: string }) => e.action === 'transfer').internal).toBe(
      true,
    );
    const noReason = await act(h(), 'ops', o.id, { action: 'pause' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('reason');
    const paused = await act(h(), 'ops', o.id, { action: 'pause', reason: '等待客户提供电费发票' });
    expect(paused.json().paused).toBe(true);
    expect(paused.json().externalStatus).toBe('waiting_customer');
    expect(
      paused
        .json()
        .clocks.filter((c: { stoppedAt: string | null }) => !c.stoppedAt)
        .every((c: { dueAt: string | null }) => c.dueAt === null),
    ).toBe(true);
    const handleWhilePaused = await act(h(), 'ops', o.id, { action: 'take' });
    expect(handleWhilePaused.json().error.code).toBe('order_paused');
    const resumed = await act(h(), 'ops', o.id, { action: 'resume' });
    const reply = resumed.json().clocks.find((c: { kind: string }) => c.kind === 'reply');
    expect(reply.dueAt).not.toBeNull();
    expect(new Date(reply.dueAt).getTime()).toBeGreaterThanOrEqual(
      new Date(o.clocks.find((c: { kind: string }) => c.kind === 'reply').dueAt).getTime(),
    );
  });

  it('reopens an unsatisfied complaint and escalates it to planning for a capacity problem', async () => {
    const customer = await newCustomer(h());
    const o = (await create(h(), 'agent', complaint(customer.id, 'capacity'))).json();
    expect(o.assignedUnitId).toBe(await unitId(h(), 'D-PLN'));
    await act(h(), 'planning', o.id, { action: 'take' });
    await act(h(), 'planning', o.id, { action: 'handle' });
    const replied = (
      await act(h(), 'planning', o.id, { action: 'reply', replyText: '已列入明年配网改造计划' })
    ).json();
    const visit = await h().api(await h().loginAs('agent'), 'POST', `/api/workorders/${o.id}/return-visits`, {
      outcome: 'unsatisfied',
      note: '客户要求今年解决',
      version: replied.version,
    });
    expect(visit.statusCode).toBe(200);
    expect(visit.json()).toMatchObject({ status: 'dispatched', reopenCount: 1, satisfaction: 0 });
    expect(visit.json().assignedUnitId).toBe(await unitId(h(), 'D-PLN'));
    expect(visit.json().clocks.find((c: { kind: string }) => c.kind === 'reply').stoppedAt).toBeNull();
  });

  it('retries an unreachable customer on different days and closes after the third attempt', async () => {
    const customer = await newCustomer(h());
    const o = (await create(h(), 'agent', complaint(customer.id))).json();
    await act(h(), 'ops', o.id, { action: 'take' });
    await act(h(), 'ops', o.id, { action: 'handle' });
    let current = (await act(h(), 'ops', o.id, { action: 'reply', replyText: '已处理' })).json();
    const agent = await h().loginAs('agent');
    for (let attempt = 1; attempt <= 3; attempt++) {
      // Earlier attempts happened on earlier days: move them back a day each round.
      await h().db.query(
        `UPDATE work_order_return_visits SET at = at - interval '1 day' WHERE order_id = $1`,
        [o.id],
      );
      await h().db.query(`UPDATE work_orders SET replied_at = replied_at - interval '1 day' WHERE id = $1`, [
        o.id,
      ]);
      const res = await h().api(agent, 'POST', `/api/workorders/${o.id}/return-visits`, {
        outcome: 'unreachable',
        version: current.version,
      });
      expect(res.statusCode).toBe(200);
      current = res.json();
      expect(current.status).toBe(attempt < 3 ? 'replied' : 'closed');
    }
    expect(current.returnVisits).toHaveLength(3);
    expect(current.satisfaction).toBeNull();
  });

  it('merges a duplicate into the original order', async () => {
    const customer = await newCustomer(h());
    const first = (await create(h(), 'agent', complaint(customer.id))).json();
    const dup = (await create(h(), 'agent', complaint(customer.id))).json();
    const merged = await act(h(), 'agent', dup.id, { action: 'merge', mergeIntoId: first.id });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({
      status: 'merged',
      mergedIntoId: first.id,
      externalStatus: 'completed',
    });
    const original = (await h().api(await h().loginAs('agent'), 'GET', `/api/workorders/${first.id}`)).json();
    expect(original.children.map((c: { id: number }) => c.id)).toContain(dup.id);
    const self = await act(h(), 'agent', first.id, { action: 'merge', mergeIntoId: first.id });
    expect(self.statusCode).toBe(400);
  });

  it('keeps orders inside the org scope: another branch gets 404, the receiving department sees it', async () => {
    const customer = await newCustomer(h(), 0); // branch 1
    const o = (await create(h(), 'agent', complaint(customer.id))).json();
    const west = await h().loginAs('west'); // branch-2 supervisor
    expect((await h().api(west, 'GET', `/api/workorders/${o.id}`)).statusCode).toBe(404);
    expect(
      (await h().api(west, 'GET', '/api/workorders?queue=all')).json().items.map((i: { id: number }) => i.id),
    ).not.toContain(o.id);
    expect((await h().api(await h().loginAs('ops'), 'GET', `/api/workorders/${o.id}`)).statusCode).toBe(200);
    // The board's "by unit" figures open the unit's open orders.
    const byUnit = await h().api(
      await h().loginAs('supervisor'),
      'GET',
      `/api/workorders?queue=all&open=true&assignedUnitId=${o.assignedUnitId}`,
    );
    expect(byUnit.json().items.map((i: { id: number }) => i.id)).toContain(o.id);
    expect(
      byUnit
        .json()
        .items.every(
          (i: { assignedUnitId: number; status: string }) =>
            i.assignedUnitId === o.assignedUnitId && !['closed', 'merged'].includes(i.status),
        ),
    ).toBe(true);
    // Every queue answers for a company-wide agent, a department handler and a branch supervisor.
    for (const user of ['agent', 'ops', 'west']) {
      const cookie = await h().loginAs(user);
      expect((await h().api(cookie, 'GET', '/api/workorders/queue-counts')).statusCode, user).toBe(200);
      for (const queue of ['mine', 'team', 'near_breach', 'breached', 'awaiting_visit', 'all']) {
        const res = await h().api(cookie, 'GET', `/api/workorders?queue=${queue}`);
        expect(res.statusCode, `${user} ${queue}`).toBe(200);
      }
    }
    // A customer outside the caller's scope cannot be the subject of an order.
    const other = await newCustomer(h(), 0);
    const res = await create(h(), 'manager2', complaint(other.id));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('customerId');
  });

  it("lists a department's orders under 'all': its units' and its handler's, newest first, paged", async () => {
    const customers = await Promise.all([0, 1].map((i) => newCustomer(h(), i)));
    for (const c of customers) for (let k = 0; k < 3; k++) await create(h(), 'agent', complaint(c.id));
    const ops = await h().loginAs('ops');
    const me = (await h().api(ops, 'GET', '/api/auth/me')).json();
    const unit = await unitId(h(), 'D-OPS');
    const expected = (
      await h().db.query<{ id: number }>(
        `SELECT id FROM work_orders WHERE org_unit_id = $1 OR assigned_unit_id = $1 OR handler_id = $2
          ORDER BY accepted_at DESC, id DESC`,
        [unit, me.id],
      )
    ).rows.map((r) => r.id);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    const first = (await h().api(ops, 'GET', '/api/workorders?queue=all&pageSize=4')).json();
    const second = (await h().api(ops, 'GET', '/api/workorders?queue=all&pageSize=4&page=2')).json();
    expect(first.total).toBe(expected.length);
    expect([...first.items, ...second.items].map((i: { id: number }) => i.id)).toEqual(expected.slice(0, 8));
  });

  it('answers bad input with 400 and field details, never 500', async () => {
    const customer = await newCustomer(h());
    const bodies: [Record<string, unknown>, string][] = [
      [{}, 'type'],
      [{ ...complaint(customer.id), subCategory: null }, 'subCategory'],
      [{ ...complaint(customer.id), answeredOnSpot: true, replyText: 'x' }, 'answeredOnSpot'],
      [{ ...complaint(customer.id), customerId: 99_999_999 }, 'customerId'],
      [{ ...complaint(customer.id), contactPhone: '123' }, 'contactPhone'],
      [{ ...complaint(customer.id), type: 'nonsense' }, 'type'],
      [{ ...complaint(customer.id), parentId: 99_999_999 }, 'parentId'],
    ];
    for (const [body, path] of bodies) {
      const res = await create(h(), 'agent', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        res
          .json()
          .error.details.map((d: { path: string }) => d.path)
          .join(','),
      ).toContain(path);
    }
    const o = (await create(h(), 'agent', complaint(customer.id))).json();
    const admin = await h().loginAs('admin');
    for (const [url, body] of [
      [`/api/workorders/${o.id}/actions`, { action: 'fly', version: 1 }],
      [
        `/api/workorders/${o.id}/actions`,
        { action: 'transfer', version: o.version, reason: 'x', targetUnitId: 99_999_999 },
      ],
      [`/api/workorders/${o.id}/notes`, { note: '' }],
      [`/api/workorders/${o.id}/return-visits`, { outcome: 'meh', version: 1 }],
      ['/api/workorders/abc/actions', { action: 'take', version: 1 }],
    ] as const) {
      const res = await h().api(admin, 'POST', url, body);
      expect(res.statusCode, url + JSON.stringify(body)).toBe(400);
    }
    for (const url of [
      '/api/workorders?queue=nope',
      '/api/workorders?pageSize=5000',
      '/api/workorders/reports?from=x&to=y',
    ]) {
      expect((await h().api(admin, 'GET', url)).statusCode, url).toBe(400);
    }
    expect((await h().api(admin, 'GET', '/api/workorders/99999999')).statusCode).toBe(404);
  });

  it('creates an order once for a retried request with the same Idempotency-Key', async () => {
    const customer = await newCustomer(h());
    const headers = { 'idempotency-key': `wo-${customer.id}` };
    const a = await create(h(), 'agent', complaint(customer.id), headers);
    const b = await create(h(), 'agent', complaint(customer.id), headers);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    const n = await h().db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM work_orders WHERE customer_id = $1`,
      [customer.id],
    );
    expect(n.rows[0].n).toBe(1);
  });

  it('writes requests that arrive together each as its own order, one bad request failing alone', async () => {
    // A storm: many calls at once go through the intake batcher and are written in shared transactions.
    const customers = await Promise.all([0, 1, 2, 3].map((i) => newCustomer(h(), i % 2)));
    const agent = await h().loginAs('agent');
    const post = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      h().api(agent, 'POST', '/api/workorders', body, headers);
    const calls = [
      ...customers.flatMap((c) =>
        [0, 1, 2, 3, 4].map((k) => post({ ...complaint(c.id), title: `停电 ${k}` })),
      ),
      // Unknown customer: 400 for this request only.
      post(complaint(99_999_999)),
      // The same retried request three times under one key: one order, one answer.
      ...[0, 1, 2].map(() => post(complaint(customers[0].id, 'billing'), { 'idempotency-key': 'storm-1' })),
      // Answered on the spot, mixed into the storm.
      post({
        type: 'consultation',
        channel: 'phone',
        customerId: customers[1].id,
        title: '咨询电价',
        description: '客户咨询居民阶梯电价。',
        answeredOnSpot: true,
        replyText: '已告知阶梯电价标准。',
      }),
    ];
    const answers = await Promise.all(calls);
    const ok = answers.filter((a) => a.statusCode === 201).map((a) => a.json());
    expect(answers.map((a) => a.statusCode).filter((s) => s !== 201)).toEqual([400]);
    expect(answers[20].statusCode).toBe(400);
    expect(answers[20].json().error.details[0].path).toBe('customerId');

    const keyed = answers.slice(21, 24).map((a) => a.json());
    expect(new Set(keyed.map((o) => o.id)).size).toBe(1);
    expect(new Set(keyed.map((o) => o.caseNo)).size).toBe(1);
    expect(answers[24].json().status).toBe('closed');

    // 20 storm orders + 1 keyed + 1 on the spot, each with its own case number and customer.
    const ids = new Set(ok.map((o) => o.id));
    expect(ids.size).toBe(22);
    expect(new Set(ok.map((o) => o.caseNo)).size).toBe(22);
    const rows = await h().db.query<{ customer_id: number; n: number; events: number; clocks: number }>(
      `SELECT o.customer_id, count(*)::int AS n,
              sum((SELECT count(*) FROM work_order_events e WHERE e.order_id = o.id))::int AS events,
              sum((SELECT count(*) FROM work_order_clocks k WHERE k.order_id = o.id))::int AS clocks
         FROM work_orders o WHERE o.id = ANY($1::bigint[]) AND o.type = 'complaint'
        GROUP BY o.customer_id ORDER BY o.customer_id`,
      [[...ids]],
    );
    // Each complaint: accepted + dispatched events, and the dispatch, first-contact and reply clocks.
    expect(rows.rows).toEqual(
      customers
        .map((c, i) => ({ customer_id: c.id, n: i === 0 ? 6 : 5 }))
        .map((r) => ({ ...r, events: r.n * 2, clocks: r.n * 3 }))
        .sort((a, b) => a.customer_id - b.customer_id),
    );
    // Each answer is the order as stored: reading it back gives the same case number and status.
    for (const o of ok.slice(0, 3)) {
      const back = (await h().api(agent, 'GET', `/api/workorders/${o.id}`)).json();
      expect({ caseNo: back.caseNo, status: back.status, customerId: back.customerId }).toEqual({
        caseNo: o.caseNo,
        status: o.status,
        customerId: o.customerId,
      });
    }
  });

  it('answers a retry from its key even when the customer has since left the caller’s scope', async () => {
    const customer = await newCustomer(h(), 0);
    const headers = { 'idempotency-key': `moved-${customer.id}` };
    const first = await create(h(), 'east', complaint(customer.id), headers);
    expect(first.statusCode, first.body).toBe(201);
    // The customer moves to the other branch: a new request from east for them is refused ...
    const otherBranch = (
      await h().db.query<{ id: number }>(
        `SELECT u.id FROM org_units u JOIN org_units b ON b.id = u.parent_id
          WHERE b.code = 'B02' AND u.kind = 'supply_office' ORDER BY u.id LIMIT 1`,
      )
    ).rows[0].id;
    await h().db.query(`UPDATE customers SET org_unit_id = $2 WHERE id = $1`, [customer.id, otherBranch]);
    await h().db.query(`UPDATE premises SET org_unit_id = $2 WHERE customer_id = $1`, [
      customer.id,
      otherBranch,
    ]);
    expect((await create(h(), 'east', complaint(customer.id))).statusCode).toBe(400);
    // ... but the retry of the first request is answered with its stored result.
    const retry = await create(h(), 'east', complaint(customer.id), headers);
    expect(retry.statusCode).toBe(201);
    expect(retry.json().id).toBe(first.json().id);
  });

  it('the SLA sweep warns, escalates and records each breach once', async () => {
    const customer = await newCustomer(h());
    const o = (await create(h(), 'agent', complaint(customer.id))).json();
    const reply = o.clocks.find((c: { kind: string }) => c.kind === 'reply');
    const warn80 = await h().db.query<{ warn80_at: string; warn50_at: string }>(
      `SELECT warn50_at, warn80_at FROM work_order_clocks WHERE order_id = $1 AND kind = 'reply'`,
      [o.id],
    );
    // Just past 80 % of the reply limit: one warning event, the handler and a supervisor told.
    const at80 = new Date(new Date(warn80.rows[0].warn80_at).getTime() + 1000);
    // Two workers sweeping at the same moment act once (SKIP LOCKED and the level check).
    await Promise.all([runSlaSweep(h().db, at80), runSlaSweep(h().db, at80)]);
    const replyWarnings = await h().db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM work_order_events WHERE order_id = $1 AND action = 'sla_warning' AND note LIKE '答复%'`,
      [o.id],
    );
    expect(replyWarnings.rows[0].n).toBe(1);
    const levels = await h().db.query<{ kind: string; level: number }>(
      `SELECT kind, level FROM work_order_clocks WHERE order_id = $1 AND stopped_at IS NULL ORDER BY kind`,
      [o.id],
    );
    expect(levels.rows.find((r) => r.kind === 'reply')!.level).toBe(80);
    const warnings = await h().db.query<{ address: string }>(
      `SELECT recipient_address AS address FROM notification_outbox WHERE entity_id = $1 AND event = 'workorder.warning'`,
      [String(o.id)],
    );
    expect(warnings.rows.length).toBeGreaterThanOrEqual(2); // handler + supervisor(s)
    // Past the deadline: breach recorded once, however often the sweep runs.
    const late = new Date(new Date(reply.dueAt).getTime() + 60_000);
    await Promise.all([runSlaSweep(h().db, late), runSlaSweep(h().db, late)]);
    await runSlaSweep(h().db, late);
    const breaches = await h().db.query<{ kind: string }>(
      `SELECT kind FROM sla_breaches WHERE order_id = $1`,
      [o.id],
    );
    expect(breaches.rows.map((r) => r.kind)).toContain('reply');
    expect(breaches.rows.filter((r) => r.kind === 'reply')).toHaveLength(1);
    const events = await h().db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM work_order_events WHERE order_id = $1 AND action = 'sla_breach'`,
      [o.id],
    );
    expect(events.rows[0].n).toBe(breaches.rows.length);
    const board = await h().api(await h().loginAs('supervisor'), 'GET', '/api/workorders/board');
    expect(board.statusCode).toBe(200);
    expect(board.json().byType.find((r: { key: string }) => r.key === 'complaint').open).toBeGreaterThan(0);
  });

  it('reports orders, SLA compliance, return visits, satisfaction and first-contact resolution', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const res = await h().api(
      await h().loginAs('supervisor'),
      'GET',
      `/api/workorders/reports?from=2026-01-01&to=2027-12-31&groupBy=type`,
    );
    expect(res.statusCode).toBe(200);
    const report = res.json();
    const byType = Object.fromEntries(report.rows.map((r: { key: string }) => [r.key, r]));
    expect(byType.complaint.orders).toBeGreaterThanOrEqual(5);
    expect(byType.consultation.firstContactResolution).toBe(1);
    expect(report.total.satisfaction).not.toBeNull();
    expect(report.total.returnVisitRate).toBeGreaterThan(0);
    expect(report.complaints.current).toBe(byType.complaint.orders);
    expect(today >= '2026-01-01').toBe(true);
    const xlsx = await h().api(
      await h().loginAs('supervisor'),
      'GET',
      `/api/workorders/reports/export.xlsx?from=2026-01-01&to=2027-12-31`,
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const list = await h().api(
      await h().loginAs('supervisor'),
      'GET',
      '/api/workorders/export.xlsx?queue=all',
    );
    expect(list.statusCode).toBe(200);
  });

  it('routing rules and time limits are admin-editable; new orders use the version in force', async () => {
    const admin = await h().loginAs('admin');
    const rule = await h().api(admin, 'POST', '/api/workorders/routing-rules', {
      priority: 10,
      type: 'report',
      targetDepartment: 'production',
      note: '举报（窃电）→ 运维检修部',
    });
    expect(rule.statusCode).toBe(201);
    const customer = await newCustomer(h());
    const tip = await create(h(), 'agent', {
      type: 'report',
      channel: 'phone',
      customerId: customer.id,
      title: '疑似窃电',
      description: '邻居私拉电线。',
    });
    expect(tip.json().assignedUnitId).toBe(await unitId(h(), 'D-OPS'));
    const noTarget = await h().api(admin, 'POST', '/api/workorders/routing-rules', { type: 'report' });
    expect(noTarget.statusCode).toBe(400);
    expect(
      (await h().api(await h().loginAs('agent'), 'GET', '/api/workorders/routing-rules')).statusCode,
    ).toBe(403);

    const versions = (await h().api(admin, 'GET', '/api/workorders/time-limits')).json();
    const rules = versions[0].rules.map((r: { kind: string; type: string | null; amount: number }) =>
      r.kind === 'reply' && r.type === 'complaint' ? { ...r, amount: 3 } : r,
    );
    const v2 = await h().api(admin, 'POST', '/api/workorders/time-limits', {
      note: '投诉答复压缩为 3 个工作日',
      rules,
    });
    expect(v2.statusCode).toBe(201);
    const o = (await create(h(), 'agent', complaint(customer.id))).json();
    expect(o.timeLimitVersion).toBe(v2.json().id);
    expect(o.clocks.find((c: { kind: string }) => c.kind === 'reply').limitAmount).toBe(3);
    const dup = await h().api(admin, 'POST', '/api/workorders/time-limits', {
      note: 'dup',
      rules: [rules[0], rules[0]],
    });
    expect(dup.statusCode).toBe(400);
  });
});

const byJson = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));

describe('seeded configuration', () => {
  it('the migration seeds exactly the domain defaults', async () => {
    const { createTestDatabase } = await import('../../test/databases');
    const t = await createTestDatabase('pglite');
    try {
      const limits = await t.db.query<{
        kind: string;
        type: string | null;
        sub_category: string | null;
        area_class: string | null;
        amount: string;
        unit: string;
      }>(
        `SELECT kind, type, sub_category, area_class, amount, unit FROM time_limit_rules WHERE version_id = 1 ORDER BY id`,
      );
      expect(
        limits.rows
          .map((r) => ({
            kind: r.kind,
            ...(r.type ? { type: r.type } : {}),
            ...(r.sub_category ? { subCategory: r.sub_category } : {}),
            ...(r.area_class ? { areaClass: r.area_class } : {}),
            limit: { amount: Number(r.amount), unit: r.unit },
          }))
          .sort(byJson),
      ).toEqual([...DEFAULT_TIME_LIMIT_RULES].sort(byJson));
      const routing = await t.db.query<{
        type: string | null;
        sub_category: string | null;
        target_department: string | null;
        to_service_point_office: boolean;
        priority: number;
      }>(
        `SELECT type, sub_category, target_department, to_service_point_office, priority FROM work_order_routing_rules ORDER BY id`,
      );
      expect(
        routing.rows.map((r) => ({
          priority: r.priority,
          type: r.type ?? undefined,
          subCategory: r.sub_category ?? undefined,
          target: r.to_service_point_office
            ? { toServicePointOffice: true }
            : { department: r.target_department },
        })),
      ).toEqual(
        DEFAULT_ROUTING_RULES.map((r) => ({
          priority: r.priority,
          type: r.type,
          subCategory: r.subCategory,
          target: r.target,
        })),
      );
    } finally {
      await t.destroy();
    }
  });
});
