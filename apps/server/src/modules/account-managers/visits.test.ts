import { expect, it } from 'vitest';
import { businessPeriod, visitDueDate } from '@gridcare/domain';
import { describeEachDatabase } from '../../test/harness';
import { insertTestCustomer, insertTestPlan, shiftPeriod } from './account-managers.test-builders';

describeEachDatabase('visits and the manager workspace', (h) => {
  const officeOf = (branch: number, i = 0) =>
    h().org.officeIds.filter((o) => h().org.officeBranch.get(o) === h().org.branchIds[branch])[i];
  const planOf = async (customerId: number, period: string) =>
    (
      await h().db.query<{
        id: number;
        status: string;
        due_date: string;
        visit_id: number | null;
        manager_id: number;
      }>(
        `SELECT id, status, due_date, visit_id, manager_id FROM visit_plans WHERE customer_id = $1 AND period = $2`,
        [customerId, period],
      )
    ).rows[0];

  it('recording a visit marks the month’s plan done and puts the findings on the timeline', async () => {
    const { userIds } = h().org;
    const db = h().db;
    const customerId = await insertTestCustomer(db, {
      orgUnitId: officeOf(0, 2),
      importanceTier: 'important',
      managerId: userIds.manager,
    });
    const period = businessPeriod(new Date());
    const planId = await insertTestPlan(db, { customerId, managerId: userIds.manager, period });
    const manager = await h().loginAs('manager');
    const findings = '客户计划扩建二期厂房，需提前沟通增容报装流程';
    const res = await h().api(manager, 'POST', '/api/visits', {
      customerId,
      visitedAt: new Date().toISOString(),
      contactsMet: '王总（总经理）、李工（电气负责人）',
      findings,
      needs: '增容 2000 kVA',
      followUps: '下周送达业扩报装资料',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ customerId, planId, managerId: userIds.manager, findings });
    expect(await planOf(customerId, period)).toMatchObject({ status: 'done', visit_id: res.json().id });
    const tl = await db.query<{ title: string; ref_id: string }>(
      `SELECT title, ref_id FROM timeline_events WHERE customer_id = $1 AND kind = 'visit'`,
      [customerId],
    );
    expect(tl.rows).toEqual([{ title: `客户走访：${findings}`, ref_id: String(res.json().id) }]);
    const visits = await h().api(manager, 'GET', `/api/customers/${customerId}/visits`);
    expect(visits.json()).toMatchObject({ total: 1, items: [{ id: res.json().id, needs: '增容 2000 kVA' }] });
    // The same plan cannot be closed twice.
    const again = await h().api(manager, 'POST', '/api/visits', {
      customerId,
      planId,
      visitedAt: new Date().toISOString(),
      contactsMet: '王总',
      findings: '回访',
    });
    expect(again.statusCode).toBe(409);
  });

  it('only the customer’s manager or a supervisor in scope may record a visit', async () => {
    const { userIds } = h().org;
    const db = h().db;
    const customerId = await insertTestCustomer(db, { orgUnitId: officeOf(0), importanceTier: 'key' });
    const visit = {
      customerId,
      visitedAt: new Date().toISOString(),
      contactsMet: '张经理',
      findings: '运行正常',
    };
    const manager = await h().loginAs('manager');
    expect((await h().api(manager, 'POST', '/api/visits', visit)).statusCode).toBe(403);
    expect((await h().api(await h().loginAs('manager2'), 'POST', '/api/visits', visit)).statusCode).toBe(404);
    const east = await h().loginAs('east');
    const byEast = await h().api(east, 'POST', '/api/visits', visit);
    expect(byEast.statusCode).toBe(201);
    expect(byEast.json().managerId).toBe(userIds.east);
    const future = await h().api(east, 'POST', '/api/visits', {
      ...visit,
      visitedAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    const otherPlan = await insertTestPlan(db, {
      customerId: await insertTestCustomer(db, {
        orgUnitId: officeOf(0),
        managerId: userIds.manager,
        importanceTier: 'key',
      }),
      managerId: userIds.manager,
      period: '2035-01',
    });
    const wrongPlan = await h().api(east, 'POST', '/api/visits', { ...visit, planId: otherPlan });
    expect(wrongPlan.statusCode).toBe(400);
  });

  it('my workspace lists my customers with their next visit and summarises this month', async () => {
    const { userIds } = h().org;
    const db = h().db;
    // manager2's plans are only the ones this test gives him; other tests may give him customers.
    const period = businessPeriod(new Date());
    const a = await insertTestCustomer(db, {
      orgUnitId: officeOf(1),
      name: '梅岭水泥厂',
      importanceTier: 'important',
      managerId: userIds.manager2,
    });
    const b = await insertTestCustomer(db, {
      orgUnitId: officeOf(1),
      name: '西山纺织',
      importanceTier: 'key',
      managerId: userIds.manager2,
    });
    await insertTestPlan(db, { customerId: a, managerId: userIds.manager2, period });
    await insertTestPlan(db, { customerId: b, managerId: userIds.manager2, period });
    await insertTestPlan(db, { customerId: b, managerId: userIds.manager2, period: shiftPeriod(period, -1) });
    const manager2 = await h().loginAs('manager2');
    const plans = await h().api(manager2, 'GET', `/api/visit-plans?period=${period}`);
    const planA = (plans.json().items as { id: number; customerId: number }[]).find(
      (p) => p.customerId === a,
    )!;
    await h().api(manager2, 'POST', '/api/visits', {
      customerId: a,
      planId: planA.id,
      visitedAt: new Date().toISOString(),
      contactsMet: '厂长',
      findings: '生产正常',
    });

    const summary = await h().api(manager2, 'GET', '/api/my/summary');
    const managed = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM customers WHERE account_manager_id = $1`,
      [userIds.manager2],
    );
    expect(summary.json()).toEqual({
      customers: managed.rows[0].n,
      plannedThisMonth: 2,
      doneThisMonth: 1,
      overdue: 1,
      visitCompletionRate: 0.5,
    });
    const list = await h().api(manager2, 'GET', '/api/my/customers');
    expect(list.json().total).toBe(managed.rows[0].n);
    const items = (
      list.json().items as {
        id: number;
        overdue: boolean;
        nextVisitDue: string | null;
        lastVisitAt: string | null;
      }[]
    ).filter((i) => i.id === a || i.id === b);
    // Overdue first, then by the next visit due.
    expect(items.map((i) => i.id)).toEqual([b, a]);
    expect(items[0]).toMatchObject({
      overdue: true,
      nextVisitDue: visitDueDate(shiftPeriod(period, -1)),
      lastVisitAt: null,
    });
    expect(items[1]).toMatchObject({ overdue: false, nextVisitDue: null });
    expect(items[1].lastVisitAt).not.toBeNull();
    const search = await h().api(manager2, 'GET', `/api/my/customers?q=${encodeURIComponent('水泥')}`);
    expect((search.json().items as { id: number }[]).map((i) => i.id)).toEqual([a]);
    expect((await h().api(await h().loginAs('agent'), 'GET', '/api/my/summary')).statusCode).toBe(403);
  });

  it('answers bad input on every route with 400, never 500', async () => {
    const admin = await h().loginAs('admin');
    const cases: ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string, unknown?][] = [
      ['GET', '/api/managers?page=0'],
      ['GET', '/api/managers/abc'],
      ['PUT', '/api/managers/1/profile', { phone24h: 'abc', serviceScope: '' }],
      ['PUT', '/api/managers/0/profile', { phone24h: '13912345678', serviceScope: 'x' }],
      ['POST', '/api/customers/abc/manager', { managerId: 1 }],
      ['POST', '/api/customers/1/manager', { managerId: 'x' }],
      ['DELETE', '/api/customers/1/manager', {}],
      ['GET', '/api/customers/0/manager-history'],
      [
        'POST',
        '/api/manager-assignments/bulk',
        { managerId: 1, reason: 'r', filter: { importanceTier: 'gold' } },
      ],
      ['POST', '/api/manager-assignments/bulk', { managerId: 1, reason: 'r', customerIds: [-1] }],
      ['GET', '/api/manager-assignments/unassigned?pageSize=1000'],
      ['GET', '/api/customers/1/ledger?category=gossip'],
      ['POST', '/api/customers/1/ledger', { category: 'promise', title: '', content: 'x' }],
      ['PATCH', '/api/ledger/1', { title: 'no version' }],
      ['POST', '/api/visit-plans/generate', { period: '2026-13' }],
      ['GET', '/api/visit-plans?status=lost'],
      ['GET', '/api/visit-plans?overdue=maybe'],
      ['GET', '/api/visit-plans/overdue?page=-1'],
      ['POST', '/api/visits', { customerId: 1, visitedAt: 'yesterday', contactsMet: 'a', findings: 'b' }],
      ['POST', '/api/visits', { customerId: 1, visitedAt: new Date().toISOString(), contactsMet: 'a' }],
      ['GET', '/api/customers/x/visits'],
      ['GET', '/api/my/customers?pageSize=0'],
    ];
    for (const [method, url, body] of cases) {
      const res = await h().api(admin, method, url, body);
      expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 400 });
      expect(res.json().error.code).toBe('validation');
    }
  });
});
