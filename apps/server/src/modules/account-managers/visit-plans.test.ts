import { expect, it } from 'vitest';
import {
  IMPORTANCE_TIERS,
  businessPeriod,
  isVisitDue,
  visitDueDate,
  visitIntervalMonths,
  type CustomerClass,
} from '@gridcare/domain';
import { describeEachDatabase } from '../../test/harness';
import { insertTestCustomer, insertTestPlan, shiftPeriod } from './account-managers.test-builders';

describeEachDatabase('visit plan generation and lists', (h) => {
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

  it('generates one plan per managed customer due in the period; a second run creates none', async () => {
    const { userIds } = h().org;
    const db = h().db;
    const managed = await insertTestCustomer(db, {
      orgUnitId: officeOf(0),
      importanceTier: 'important',
      managerId: userIds.manager,
    });
    const unmanaged = await insertTestCustomer(db, { orgUnitId: officeOf(0), importanceTier: 'important' });
    const inactive = await insertTestCustomer(db, {
      orgUnitId: officeOf(0),
      importanceTier: 'important',
      managerId: userIds.manager,
      status: 'inactive',
    });
    const admin = await h().loginAs('admin');
    const first = await h().api(admin, 'POST', '/api/visit-plans/generate', { period: '2031-03' });
    expect(first.statusCode).toBe(200);
    const expected = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM customers WHERE account_manager_id IS NOT NULL AND status = 'active'`,
    );
    // No customer had a plan before 2031-03, so every managed active customer is due.
    expect(first.json()).toEqual({ created: expected.rows[0].n });
    expect(await planOf(managed, '2031-03')).toMatchObject({
      status: 'planned',
      due_date: '2031-03-31',
      manager_id: userIds.manager,
    });
    expect(await planOf(unmanaged, '2031-03')).toBeUndefined();
    expect(await planOf(inactive, '2031-03')).toBeUndefined();
    const second = await h().api(admin, 'POST', '/api/visit-plans/generate', { period: '2031-03' });
    expect(second.json()).toEqual({ created: 0 });
  });

  it('a key-tier customer planned last month is not due this month, but is the month after', async () => {
    const { userIds } = h().org;
    const db = h().db;
    const key = await insertTestCustomer(db, {
      orgUnitId: officeOf(0),
      importanceTier: 'key',
      managerId: userIds.manager,
    });
    const important = await insertTestCustomer(db, {
      orgUnitId: officeOf(0),
      importanceTier: 'important',
      managerId: userIds.manager,
    });
    await insertTestPlan(db, {
      customerId: key,
      managerId: userIds.manager,
      period: '2032-04',
      status: 'done',
    });
    await insertTestPlan(db, {
      customerId: important,
      managerId: userIds.manager,
      period: '2032-04',
      status: 'done',
    });
    const east = await h().loginAs('east');
    await h().api(east, 'POST', '/api/visit-plans/generate', { period: '2032-05' });
    expect(await planOf(key, '2032-05')).toBeUndefined();
    expect(await planOf(important, '2032-05')).toBeDefined();
    await h().api(east, 'POST', '/api/visit-plans/generate', { period: '2032-06' });
    expect(await planOf(key, '2032-06')).toBeDefined();
  });

  it('generation in SQL agrees with the visit-interval rule for every tier, VIP and HV combination', async () => {
    const { userIds } = h().org;
    const db = h().db;
    const period = '2033-07';
    const cases: { id: number; due: boolean }[] = [];
    for (const importanceTier of IMPORTANCE_TIERS) {
      for (const vip of [false, true]) {
        for (const customerClass of ['lv_non_residential', 'hv', 'large_industry'] as CustomerClass[]) {
          for (const gap of [null, 1, 2, 3]) {
            const id = await insertTestCustomer(db, {
              orgUnitId: officeOf(0, 1),
              importanceTier,
              vip,
              customerClass,
              managerId: userIds.manager,
            });
            const last = gap === null ? null : shiftPeriod(period, -gap);
            if (last)
              await insertTestPlan(db, {
                customerId: id,
                managerId: userIds.manager,
                period: last,
                status: 'done',
              });
            const interval = visitIntervalMonths({
              importanceTier,
              vip,
              highVoltage: customerClass !== 'lv_non_residential',
            });
            cases.push({ id, due: isVisitDue(period, last, interval) });
          }
        }
      }
    }
    await h().api(await h().loginAs('east'), 'POST', '/api/visit-plans/generate', { period });
    const planned = new Set(
      (
        await db.query<{ customer_id: number }>(`SELECT customer_id FROM visit_plans WHERE period = $1`, [
          period,
        ])
      ).rows.map((r) => r.customer_id),
    );
    expect(cases.filter((c) => c.due).length).toBeGreaterThan(0);
    expect(cases.filter((c) => !c.due).length).toBeGreaterThan(0);
    for (const c of cases)
      expect({ id: c.id, planned: planned.has(c.id) }).toEqual({ id: c.id, planned: c.due });
  });

  it('a supervisor generates only inside his scope', async () => {
    const { userIds } = h().org;
    const db = h().db;
    const b2 = await insertTestCustomer(db, {
      orgUnitId: officeOf(1),
      importanceTier: 'important',
      managerId: userIds.manager2,
    });
    const east = await h().loginAs('east');
    await h().api(east, 'POST', '/api/visit-plans/generate', { period: '2034-01' });
    expect(await planOf(b2, '2034-01')).toBeUndefined();
    const manager = await h().loginAs('manager');
    expect(
      (await h().api(manager, 'POST', '/api/visit-plans/generate', { period: '2034-01' })).statusCode,
    ).toBe(403);
  });

  it('an overdue plan is listed for its manager and his supervisor, not for others', async () => {
    const { userIds } = h().org;
    const db = h().db;
    const customerId = await insertTestCustomer(db, {
      orgUnitId: officeOf(0),
      importanceTier: 'important',
      managerId: userIds.manager,
    });
    const lastMonth = shiftPeriod(businessPeriod(new Date()), -1);
    const planId = await insertTestPlan(db, { customerId, managerId: userIds.manager, period: lastMonth });
    const idsOf = (body: { items: { id: number; overdue: boolean; dueDate: string }[] }) =>
      body.items.map((i) => i.id);

    const mine = (
      await h().api(await h().loginAs('manager'), 'GET', '/api/visit-plans/overdue?pageSize=200')
    ).json();
    expect(idsOf(mine)).toContain(planId);
    const item = mine.items.find((i: { id: number }) => i.id === planId);
    expect(item).toMatchObject({
      overdue: true,
      dueDate: visitDueDate(lastMonth),
      customerId,
      managerName: '客户经理（东湖区）',
    });
    expect(
      idsOf(
        (await h().api(await h().loginAs('east'), 'GET', '/api/visit-plans/overdue?pageSize=200')).json(),
      ),
    ).toContain(planId);
    expect(
      idsOf(
        (await h().api(await h().loginAs('west'), 'GET', '/api/visit-plans/overdue?pageSize=200')).json(),
      ),
    ).not.toContain(planId);
    expect(
      idsOf(
        (await h().api(await h().loginAs('manager2'), 'GET', '/api/visit-plans/overdue?pageSize=200')).json(),
      ),
    ).not.toContain(planId);
    const filtered = await h().api(
      await h().loginAs('east'),
      'GET',
      `/api/visit-plans?overdue=true&managerId=${userIds.manager}&period=${lastMonth}`,
    );
    expect(idsOf(filtered.json())).toContain(planId);
    const notOverdue = await h().api(
      await h().loginAs('east'),
      'GET',
      `/api/visit-plans?overdue=false&period=${lastMonth}&pageSize=200`,
    );
    expect(idsOf(notOverdue.json())).not.toContain(planId);
    expect((await h().api(await h().loginAs('agent'), 'GET', '/api/visit-plans')).statusCode).toBe(403);
  });
});
