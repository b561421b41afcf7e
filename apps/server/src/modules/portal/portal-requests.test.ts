import { expect, it } from 'vitest';
import { describeEachDatabase, type Harness } from '../../test/harness';
import { inAppChannel } from '../notifications/channels/in-app.channel';
import { deliverDueNotifications } from '../notifications/delivery.worker';
import {
  newPortalCustomer,
  portalApi,
  portalLogin,
  staffAct,
  staffOrder,
  unitIdOf,
  type PortalTestCustomer,
} from './portal.test-builders';

const complaint = {
  type: 'complaint',
  subCategory: 'supply_quality',
  title: '晚间电压偏低',
  description: '每天晚上七点以后电压偏低，空调无法启动。',
  contactPhone: '13912345678',
};

async function loggedIn(h: Harness): Promise<{ c: PortalTestCustomer; cookie: string }> {
  const c = await newPortalCustomer(h);
  return { c, cookie: await portalLogin(h, c) };
}

async function submit(h: Harness, cookie: string, body: object = complaint, headers = {}) {
  return portalApi(h, cookie, 'POST', '/api/portal/requests', body, headers);
}

/** Takes the order through to the reply as the production department would. */
async function replyAsStaff(h: Harness, orderId: number, replyText = '已调整分接头，电压恢复正常。') {
  await staffAct(h, 'supervisor', orderId, { action: 'take' });
  await staffAct(h, 'supervisor', orderId, { action: 'handle', replyText: '草稿：待复测' });
  return staffAct(h, 'supervisor', orderId, { action: 'reply', replyText });
}

describeEachDatabase('portal service requests', (h) => {
  it('files a request as a work order on channel portal for the customer, by the portal system user', async () => {
    const { c, cookie } = await loggedIn(h());
    const res = await submit(h(), cookie, complaint, { 'idempotency-key': `k-${c.id}` });
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      type: 'complaint',
      title: '晚间电压偏低',
      externalStatus: 'processing',
      replyText: null,
      canRate: false,
    });
    expect(view.caseNo).toMatch(/^GD\d{12,16}$/);
    expect(view.events.map((e: { kind: string }) => e.kind)).toEqual(['received', 'processing']);

    const order = await staffOrder(h(), view.caseNo);
    expect(order).toMatchObject({
      channel: 'portal',
      customerId: c.id,
      accountNo: c.accountNo,
      contactPhone: '13912345678',
      createdByName: '网上营业厅（客户自助）',
      status: 'dispatched',
      assignedUnitId: await unitIdOf(h(), 'D-OPS'),
    });
    expect(order.premiseId).not.toBeNull();

    // A retry with the same key replays the answer; the same key with another body is a conflict.
    const retry = await submit(h(), cookie, complaint, { 'idempotency-key': `k-${c.id}` });
    expect(retry.statusCode).toBe(201);
    expect(retry.json().caseNo).toBe(view.caseNo);
    const other = await submit(
      h(),
      cookie,
      { ...complaint, title: '另一件事' },
      { 'idempotency-key': `k-${c.id}` },
    );
    expect(other.statusCode).toBe(409);
    const list = (await portalApi(h(), cookie, 'GET', '/api/portal/requests')).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toEqual({
      caseNo: view.caseNo,
      type: 'complaint',
      subCategory: 'supply_quality',
      title: '晚间电压偏低',
      externalStatus: 'processing',
      acceptedAt: view.acceptedAt,
    });
  });

  it('shows only the external view: transfers, send-backs, units and staff names never reach the customer', async () => {
    const { cookie } = await loggedIn(h());
    const caseNo = (await submit(h(), cookie, { ...complaint, subCategory: 'service_attitude' })).json()
      .caseNo;
    const order = await staffOrder(h(), caseNo);
    await staffAct(h(), 'supervisor', order.id, {
      action: 'transfer',
      targetUnitId: await unitIdOf(h(), 'D-PLN'),
      reason: '涉及配网改造规划，转发展策划部',
    });
    await staffAct(h(), 'supervisor', order.id, {
      action: 'send_back',
      reason: '非本部门职责，退回客服中心',
    });
    await staffAct(h(), 'supervisor', order.id, {
      action: 'dispatch',
      targetUnitId: await unitIdOf(h(), 'D-MKT'),
    });
    const staff = await h().loginAs('supervisor');
    await h().api(staff, 'POST', `/api/workorders/${order.id}/notes`, { note: '内部：该客户曾多次投诉' });
    await h().api(staff, 'POST', `/api/workorders/${order.id}/notes`, {
      note: '我们已安排人员明天上午联系您。',
      notifyCustomer: true,
    });
    const internal = await staffOrder(h(), caseNo);
    expect(internal.events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['transfer', 'send_back']),
    );

    const res = await portalApi(h(), cookie, 'GET', `/api/portal/requests/${caseNo}`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.externalStatus).toBe('processing');
    expect(view.events.map((e: { kind: string }) => e.kind)).toEqual(['received', 'processing', 'progress']);
    expect(view.events.every((e: { actorName: string }) => e.actorName === '客服中心')).toBe(true);
    expect(view.events[2].note).toBe('我们已安排人员明天上午联系您。');
    const body = res.body;
    const units = await h().db.query<{ name: string }>(`SELECT name FROM org_units`);
    for (const u of units.rows) expect(body).not.toContain(u.name);
    const users = await h().db.query<{ display_name: string }>(
      `SELECT display_name FROM users WHERE username <> 'portal'`,
    );
    for (const u of users.rows) expect(body).not.toContain(u.display_name);
    for (const secret of [
      'transfer',
      'send_back',
      'dispatched',
      '转发展策划部',
      '退回客服中心',
      '内部：该客户曾多次投诉',
      'assignedUnit',
      'handler',
      'clocks',
    ]) {
      expect(body).not.toContain(secret);
    }
    // The same in English: the service centre, named in the caller's language.
    const en = await portalApi(h(), cookie, 'GET', `/api/portal/requests/${caseNo}`, undefined, {
      'accept-language': 'en-US',
    });
    expect(en.json().events[0].actorName).toBe('Customer Service Centre');
  });

  it('shows the reply only once replied, then the customer rates it satisfied and the order closes', async () => {
    const { cookie } = await loggedIn(h());
    const caseNo = (await submit(h(), cookie)).json().caseNo;
    const order = await staffOrder(h(), caseNo);
    await staffAct(h(), 'supervisor', order.id, { action: 'take' });
    await staffAct(h(), 'supervisor', order.id, { action: 'handle', replyText: '草稿：待复测' });
    const draft = (await portalApi(h(), cookie, 'GET', `/api/portal/requests/${caseNo}`)).json();
    expect(draft).toMatchObject({
      externalStatus: 'processing',
      replyText: null,
      repliedAt: null,
      canRate: false,
    });
    const early = await portalApi(h(), cookie, 'POST', `/api/portal/requests/${caseNo}/rating`, {
      outcome: 'satisfied',
    });
    expect(early.statusCode).toBe(409);

    await staffAct(h(), 'supervisor', order.id, {
      action: 'reply',
      replyText: '已调整分接头，电压恢复正常。',
    });
    const replied = (await portalApi(h(), cookie, 'GET', `/api/portal/requests/${caseNo}`)).json();
    expect(replied).toMatchObject({
      externalStatus: 'replied',
      replyText: '已调整分接头，电压恢复正常。',
      canRate: true,
      rating: null,
    });
    expect(replied.repliedAt).not.toBeNull();

    const rate = await portalApi(h(), cookie, 'POST', `/api/portal/requests/${caseNo}/rating`, {
      outcome: 'satisfied',
      comment: '处理及时，谢谢！',
    });
    expect(rate.statusCode).toBe(200);
    expect(rate.json()).toMatchObject({
      externalStatus: 'completed',
      canRate: false,
      rating: { outcome: 'satisfied', comment: '处理及时，谢谢！' },
    });
    expect(rate.json().closedAt).not.toBeNull();
    const closed = await staffOrder(h(), caseNo);
    expect(closed).toMatchObject({ status: 'closed', satisfaction: 100 });
    expect(closed.returnVisits).toEqual([
      expect.objectContaining({ outcome: 'satisfied', method: 'portal', byName: '网上营业厅（客户自助）' }),
    ]);

    // The same rating again answers the order as it stands; another one is refused.
    const again = await portalApi(h(), cookie, 'POST', `/api/portal/requests/${caseNo}/rating`, {
      outcome: 'satisfied',
      comment: '处理及时，谢谢！',
    });
    expect(again.statusCode).toBe(200);
    expect((await staffOrder(h(), caseNo)).returnVisits).toHaveLength(1);
    const change = await portalApi(h(), cookie, 'POST', `/api/portal/requests/${caseNo}/rating`, {
      outcome: 'unsatisfied',
    });
    expect(change.statusCode).toBe(409);
    expect(change.json().error.details[0].message).toBe('该工单当前不能评价（尚未答复或已评价）');
  });

  it('an unsatisfied rating reopens and escalates the order exactly as an unsatisfied phone visit does', async () => {
    const { cookie } = await loggedIn(h());
    const byPortal = (await submit(h(), cookie)).json().caseNo;
    const byPhone = (await submit(h(), cookie)).json().caseNo;
    const portalOrder = await staffOrder(h(), byPortal);
    const phoneOrder = await staffOrder(h(), byPhone);
    await replyAsStaff(h(), portalOrder.id);
    const repliedPhone = await replyAsStaff(h(), phoneOrder.id);

    const rate = await portalApi(h(), cookie, 'POST', `/api/portal/requests/${byPortal}/rating`, {
      outcome: 'unsatisfied',
      comment: '电压还是低',
    });
    expect(rate.statusCode).toBe(200);
    expect(rate.json().externalStatus).toBe('processing');
    expect(rate.json().replyText).toBeNull();
    expect(rate.json().events.map((e: { kind: string }) => e.kind)).toContain('reopened');
    const agent = await h().loginAs('agent');
    const visit = await h().api(agent, 'POST', `/api/workorders/${phoneOrder.id}/return-visits`, {
      outcome: 'unsatisfied',
      method: 'phone',
      note: '电压还是低',
      version: repliedPhone.version,
    });
    expect(visit.statusCode).toBe(200);

    const a = await staffOrder(h(), byPortal);
    const b = await staffOrder(h(), byPhone);
    const shape = (o: typeof a) => ({
      status: o.status,
      externalStatus: o.externalStatus,
      assignedUnitId: o.assignedUnitId,
      reopenCount: o.reopenCount,
      satisfaction: o.satisfaction,
      actions: o.events.map((e: { action: string }) => e.action),
      runningClocks: o.clocks
        .filter((k: { stoppedAt: string | null }) => !k.stoppedAt)
        .map((k: { kind: string }) => k.kind)
        .sort(),
    });
    expect(shape(a)).toEqual(shape(b));
    expect(a).toMatchObject({ status: 'dispatched', reopenCount: 1 });
    expect(a.returnVisits[0]).toMatchObject({ outcome: 'unsatisfied', method: 'portal', note: '电压还是低' });
  });

  it('never shows another customer’s order, or a tip-off about the customer', async () => {
    const a = await loggedIn(h());
    const b = await loggedIn(h());
    const caseNo = (await submit(h(), a.cookie)).json().caseNo;
    expect((await portalApi(h(), b.cookie, 'GET', `/api/portal/requests/${caseNo}`)).statusCode).toBe(404);
    const rate = await portalApi(h(), b.cookie, 'POST', `/api/portal/requests/${caseNo}/rating`, {
      outcome: 'unsatisfied',
    });
    expect(rate.statusCode).toBe(404);
    expect((await portalApi(h(), b.cookie, 'GET', '/api/portal/requests')).json().total).toBe(0);
    expect((await portalApi(h(), b.cookie, 'GET', '/api/portal/requests/GD202601010001')).statusCode).toBe(
      404,
    );
    // B cannot file a request against A's account.
    const foreign = await submit(h(), b.cookie, { ...complaint, accountNo: a.c.accountNo });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details).toEqual([{ path: 'accountNo', message: '该户号不属于您' }]);

    // Orders the customer made by phone show with the same case number; a tip-off naming them does not.
    const agent = await h().loginAs('agent');
    const phone = await h().api(agent, 'POST', '/api/workorders', {
      type: 'consultation',
      channel: 'phone',
      customerId: b.c.id,
      title: '咨询峰谷电价',
      description: '客户来电咨询峰谷电价时段。',
    });
    const tip = await h().api(agent, 'POST', '/api/workorders', {
      type: 'report',
      channel: 'phone',
      customerId: b.c.id,
      title: '举报疑似窃电',
      description: '匿名来电举报该户私拉电线。',
    });
    expect(tip.statusCode).toBe(201);
    const list = (await portalApi(h(), b.cookie, 'GET', '/api/portal/requests')).json();
    expect(list.items.map((i: { caseNo: string }) => i.caseNo)).toEqual([phone.json().caseNo]);
    expect(list.total).toBe(1);
    const tipView = await portalApi(h(), b.cookie, 'GET', `/api/portal/requests/${tip.json().caseNo}`);
    expect(tipView.statusCode).toBe(404);
  });

  it('pages the customer’s requests, newest first', async () => {
    const { cookie } = await loggedIn(h());
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      made.push(
        (await submit(h(), cookie, { type: 'consultation', title: `咨询${i}`, description: '问题' })).json()
          .caseNo,
      );
    }
    const page1 = (await portalApi(h(), cookie, 'GET', '/api/portal/requests?page=1&pageSize=2')).json();
    const page2 = (await portalApi(h(), cookie, 'GET', '/api/portal/requests?page=2&pageSize=2')).json();
    expect(page1.total).toBe(3);
    expect([...page1.items, ...page2.items].map((i: { caseNo: string }) => i.caseNo)).toEqual(made.reverse());
  });

  it('lists the in-app messages addressed to the customer’s accounts, and only theirs', async () => {
    const a = await loggedIn(h());
    const b = await loggedIn(h());
    const caseNo = (await submit(h(), a.cookie)).json().caseNo;
    await deliverDueNotifications(h().db, { in_app: inAppChannel }, { limit: 500 });
    const inbox = (await portalApi(h(), a.cookie, 'GET', '/api/portal/messages')).json();
    expect(inbox.total).toBeGreaterThanOrEqual(1);
    expect(inbox.items[0]).toMatchObject({ event: 'workorder.accepted', title: `工单${caseNo}已受理` });
    expect((await portalApi(h(), b.cookie, 'GET', '/api/portal/messages')).json().total).toBe(0);
  });

  it('shows the account manager’s card to a managed customer', async () => {
    const { c, cookie } = await loggedIn(h());
    await h().db.query(`UPDATE customers SET account_manager_id = $2 WHERE id = $1`, [
      c.id,
      h().org.userIds.manager,
    ]);
    const manager = await h().loginAs('manager');
    await h().api(manager, 'PUT', `/api/managers/${h().org.userIds.manager}/profile`, {
      phone24h: '13912340000',
      serviceScope: '东湖区重点客户',
      title: '高级客户经理',
    });
    const me = (await portalApi(h(), cookie, 'GET', '/api/portal/me')).json();
    expect(me.manager).toEqual({
      name: '客户经理（东湖区）',
      title: '高级客户经理',
      photoUrl: null,
      phone24h: '13912340000',
      serviceScope: '东湖区重点客户',
    });
  });

  it('answers bad request input with 400 and field messages, never 500', async () => {
    const { cookie } = await loggedIn(h());
    const bad: [string, string, unknown][] = [
      ['POST', '/api/portal/requests', {}],
      ['POST', '/api/portal/requests', { ...complaint, type: 'report' }],
      ['POST', '/api/portal/requests', { ...complaint, subCategory: null }],
      ['POST', '/api/portal/requests', { ...complaint, subCategory: 'meter_test' }],
      ['POST', '/api/portal/requests', { ...complaint, title: 'x'.repeat(101) }],
      ['POST', '/api/portal/requests', { ...complaint, title: '   ' }],
      ['POST', '/api/portal/requests', { ...complaint, contactPhone: '12345' }],
      ['POST', '/api/portal/requests', { ...complaint, accountNo: '!!' }],
      ['POST', '/api/portal/requests', [1, 2]],
      ['GET', '/api/portal/requests?page=0', undefined],
      ['GET', '/api/portal/requests?pageSize=abc', undefined],
      ['GET', '/api/portal/requests/not-a-case', undefined],
      ['GET', '/api/portal/requests/GD2026%27%3B', undefined],
      ['POST', '/api/portal/requests/GD202611230001/rating', { outcome: 'unreachable' }],
      [
        'POST',
        '/api/portal/requests/GD202611230001/rating',
        { outcome: 'satisfied', comment: 'x'.repeat(501) },
      ],
      ['GET', '/api/portal/messages?pageSize=1000', undefined],
    ];
    for (const [method, url, body] of bad) {
      const res = await portalApi(h(), cookie, method as 'GET' | 'POST', url, body);
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json().error.code).toBe('validation');
      expect(res.json().error.details.length).toBeGreaterThan(0);
    }
    const noCategory = await portalApi(h(), cookie, 'POST', '/api/portal/requests', {
      ...complaint,
      subCategory: null,
    });
    expect(noCategory.json().error.details).toEqual([
      { path: 'body.subCategory', message: '投诉工单请选择投诉类别' },
    ]);
    // Without a portal session every request route is 401.
    for (const url of ['/api/portal/requests', '/api/portal/messages', '/api/portal/me']) {
      expect((await h().app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });
});
