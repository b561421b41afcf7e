import { expect, it } from 'vitest';
import { requiresAccountManager } from '@gridcare/domain';
import { describeEachDatabase } from '../../test/harness';
import { insertTestCustomer } from './account-managers.test-builders';

describeEachDatabase('account-manager assignment', (h) => {
  const office = (branch: number, i = 0) => {
    const { officeIds, officeBranch, branchIds } = h().org;
    return officeIds.filter((o) => officeBranch.get(o) === branchIds[branch])[i];
  };

  const unitsUnder = async (unitId: number) =>
    (
      await h().db.query<{ id: number }>(
        `SELECT id FROM org_units WHERE path LIKE (SELECT path FROM org_units WHERE id = $1) || '%'`,
        [unitId],
      )
    ).rows.map((r) => r.id);

  it('assigning and reassigning keeps every period in the history with its end time', async () => {
    const { userIds } = h().org;
    const customerId = await insertTestCustomer(h().db, {
      orgUnitId: office(0),
      importanceTier: 'key',
      customerClass: 'hv',
    });
    const east = await h().loginAs('east');
    const first = await h().api(east, 'POST', `/api/customers/${customerId}/manager`, {
      managerId: userIds.manager,
      reason: '新建档',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      customerId,
      managerId: userIds.manager,
      endedAt: null,
      assignedById: userIds.east,
    });

    // A second account manager on branch 1 takes over.
    const { createUser } = await import('../../../seed/org-seed');
    const other = await createUser(h().db, {
      username: 'manager_b1_second',
      displayName: '客户经理乙',
      roles: [{ role: 'account_manager', orgUnitId: h().org.branchIds[0] }],
    });
    const second = await h().api(east, 'POST', `/api/customers/${customerId}/manager`, {
      managerId: other,
      reason: '调岗',
    });
    expect(second.statusCode).toBe(200);

    const history = await h().api(east, 'GET', `/api/customers/${customerId}/manager-history`);
    expect(history.statusCode).toBe(200);
    const items = history.json().items as {
      managerId: number;
      endedAt: string | null;
      assignedByName: string;
      reason: string;
    }[];
    expect(items.map((i) => i.managerId)).toEqual([other, userIds.manager]);
    expect(items[0].endedAt).toBeNull();
    expect(items[1].endedAt).not.toBeNull();
    expect(items[1].reason).toBe('新建档');
    expect(items[0].assignedByName).toBe('东湖区营销主管');

    const row = await h().db.query<{ account_manager_id: number; version: number }>(
      `SELECT account_manager_id, version FROM customers WHERE id = $1`,
      [customerId],
    );
    expect(row.rows[0]).toEqual({ account_manager_id: other, version: 3 });
    const timeline = await h().db.query<{ n: number }>(
      `SELECT count(*) AS n FROM timeline_events WHERE customer_id = $1 AND kind = 'manager_assigned'`,
      [customerId],
    );
    expect(timeline.rows[0].n).toBe(2);
    const audit = await h().db.query<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log WHERE entity = 'customer' AND entity_id = $1 AND action = 'manager.assign'`,
      [String(customerId)],
    );
    expect(audit.rows[0].n).toBe(2);
  });

  it('unassigning ends the current period and clears the customer’s manager', async () => {
    const { userIds } = h().org;
    const customerId = await insertTestCustomer(h().db, {
      orgUnitId: office(0),
      importanceTier: 'important',
    });
    const east = await h().loginAs('east');
    await h().api(east, 'POST', `/api/customers/${customerId}/manager`, { managerId: userIds.manager });
    const res = await h().api(east, 'DELETE', `/api/customers/${customerId}/manager`, { reason: '客户销户' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0].endedAt).not.toBeNull();
    const c = await h().db.query<{ account_manager_id: number | null }>(
      `SELECT account_manager_id FROM customers WHERE id = $1`,
      [customerId],
    );
    expect(c.rows[0].account_manager_id).toBeNull();
    const again = await h().api(east, 'DELETE', `/api/customers/${customerId}/manager`, { reason: '重复' });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a manager who holds no account_manager role over the customer’s unit with 400', async () => {
    const { userIds } = h().org;
    const customerId = await insertTestCustomer(h().db, { orgUnitId: office(0), importanceTier: 'key' });
    const admin = await h().loginAs('admin');
    const res = await h().api(admin, 'POST', `/api/customers/${customerId}/manager`, {
      managerId: userIds.manager2,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('manager_not_eligible');
    const notAManager = await h().api(admin, 'POST', `/api/customers/${customerId}/manager`, {
      managerId: userIds.agent,
    });
    expect(notAManager.statusCode).toBe(400);
  });

  it('answers 404 for a customer outside the caller’s scope and 403 without manager:assign', async () => {
    const { userIds } = h().org;
    const customerId = await insertTestCustomer(h().db, { orgUnitId: office(0), importanceTier: 'key' });
    const west = await h().loginAs('west');
    const res = await h().api(west, 'POST', `/api/customers/${customerId}/manager`, {
      managerId: userIds.manager,
    });
    expect(res.statusCode).toBe(404);
    expect((await h().api(west, 'GET', `/api/customers/${customerId}/manager-history`)).statusCode).toBe(404);
    const agent = await h().loginAs('agent');
    const forbidden = await h().api(agent, 'POST', `/api/customers/${customerId}/manager`, {
      managerId: userIds.manager,
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('bulk assignment by tier assigns exactly the matching in-scope customers and nothing else', async () => {
    const { userIds } = h().org;
    const db = h().db;
    const keyB1 = [
      await insertTestCustomer(db, { orgUnitId: office(0), importanceTier: 'key' }),
      await insertTestCustomer(db, {
        orgUnitId: office(0, 1),
        importanceTier: 'key',
        customerClass: 'lv_non_residential',
      }),
    ];
    const grassB1 = await insertTestCustomer(db, { orgUnitId: office(0), importanceTier: 'grassroots' });
    const keyBranch2 = await insertTestCustomer(db, { orgUnitId: office(1), importanceTier: 'key' });
    const east = await h().loginAs('east');
    const scope = await unitsUnder(h().org.branchIds[0]);
    // What the rule says should move: key customers in east's scope not already with this manager.
    const expected = (
      await db.query<{ id: number }>(
        `SELECT id FROM customers WHERE importance_tier = 'key' AND org_unit_id = ANY($1::bigint[])
            AND account_manager_id IS DISTINCT FROM $2 ORDER BY id`,
        [scope, userIds.manager],
      )
    ).rows.map((r) => r.id);
    expect(expected).toEqual(expect.arrayContaining(keyB1));
    const before = await db.query<{ id: number; account_manager_id: number | null; version: number }>(
      `SELECT id, account_manager_id, version FROM customers ORDER BY id`,
    );

    const res = await h().api(east, 'POST', '/api/manager-assignments/bulk', {
      managerId: userIds.manager,
      filter: { importanceTier: 'key' },
      reason: '重点客户统一指派',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ assigned: expected.length, skippedIneligible: 0 });

    const after = await db.query<{ id: number; account_manager_id: number | null; version: number }>(
      `SELECT id, account_manager_id, version FROM customers ORDER BY id`,
    );
    const changed = after.rows
      .filter((r, i) => r.account_manager_id !== before.rows[i].account_manager_id)
      .map((r) => r.id);
    expect(changed).toEqual(expected);
    expect(changed).not.toContain(grassB1);
    expect(changed).not.toContain(keyBranch2);
    for (const id of expected) {
      const b = before.rows.find((r) => r.id === id)!;
      const a = after.rows.find((r) => r.id === id)!;
      expect(a.version).toBe(b.version + 1);
    }
    const hist = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM manager_assignments WHERE manager_id = $1 AND ended_at IS NULL AND customer_id = ANY($2::bigint[])`,
      [userIds.manager, expected],
    );
    expect(hist.rows[0].n).toBe(expected.length);
    const tl = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM timeline_events WHERE kind = 'manager_assigned' AND customer_id = ANY($1::bigint[])
          AND detail->>'bulk' = 'true'`,
      [expected],
    );
    expect(tl.rows[0].n).toBe(expected.length);
    const audit = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'manager.bulk_assign'`,
    );
    expect(audit.rows[0].n).toBe(1);
  });

  it('bulk assignment by ids skips customers outside the manager’s units and refuses ids outside scope', async () => {
    const { userIds } = h().org;
    const db = h().db;
    const b1 = await insertTestCustomer(db, { orgUnitId: office(0), importanceTier: 'important' });
    const b2 = await insertTestCustomer(db, { orgUnitId: office(1), importanceTier: 'important' });
    const admin = await h().loginAs('admin');
    const res = await h().api(admin, 'POST', '/api/manager-assignments/bulk', {
      managerId: userIds.manager,
      customerIds: [b1, b2],
      reason: '按名单指派',
    });
    expect(res.json()).toEqual({ assigned: 1, skippedIneligible: 1 });
    const rows = await db.query<{ id: number; account_manager_id: number | null }>(
      `SELECT id, account_manager_id FROM customers WHERE id = ANY($1::bigint[]) ORDER BY id`,
      [[b1, b2]],
    );
    expect(rows.rows).toEqual([
      { id: b1, account_manager_id: userIds.manager },
      { id: b2, account_manager_id: null },
    ]);
    const east = await h().loginAs('east');
    const outside = await h().api(east, 'POST', '/api/manager-assignments/bulk', {
      managerId: userIds.manager,
      customerIds: [b1, b2],
      reason: '越权',
    });
    expect(outside.statusCode).toBe(404);
    const intoOtherUnit = await h().api(east, 'POST', '/api/manager-assignments/bulk', {
      managerId: userIds.manager,
      filter: { orgUnitId: office(1) },
      reason: '越权',
    });
    expect(intoOtherUnit.statusCode).toBe(403);
  });

  it('bulk assignment needs a narrowing filter or a list of customers', async () => {
    const east = await h().loginAs('east');
    const managerId = h().org.userIds.manager;
    for (const body of [
      { managerId, reason: '全部' },
      { managerId, reason: '全部', filter: { onlyUnassigned: true } },
      { managerId, reason: '全部', customerIds: [] },
    ]) {
      const res = await h().api(east, 'POST', '/api/manager-assignments/bulk', body, {
        'accept-language': 'en-US',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation');
    }
    const res = await h().api(
      east,
      'POST',
      '/api/manager-assignments/bulk',
      { managerId, reason: 'x' },
      { 'accept-language': 'en-US' },
    );
    expect(res.json().error.details).toContainEqual({
      path: 'body.filter',
      message: 'Choose at least one filter or customer',
    });
  });

  it('a retried bulk assignment with the same Idempotency-Key is applied once', async () => {
    const { userIds } = h().org;
    const db = h().db;
    const industryCode = 'C3011';
    const ids = [
      await insertTestCustomer(db, {
        orgUnitId: office(0, 2),
        customerClass: 'hv',
        importanceTier: 'grassroots',
        industryCode,
      }),
      await insertTestCustomer(db, {
        orgUnitId: office(0, 2),
        customerClass: 'hv',
        importanceTier: 'grassroots',
        industryCode,
      }),
    ];
    const east = await h().loginAs('east');
    const body = {
      managerId: userIds.manager,
      filter: { industryCode, onlyUnassigned: true },
      reason: '行业统一',
    };
    const headers = { 'idempotency-key': 'bulk-industry-C3011' };
    const first = await h().api(east, 'POST', '/api/manager-assignments/bulk', body, headers);
    expect(first.json()).toEqual({ assigned: ids.length, skippedIneligible: 0 });
    const retry = await h().api(east, 'POST', '/api/manager-assignments/bulk', body, headers);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    const periods = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM manager_assignments WHERE customer_id = ANY($1::bigint[])`,
      [ids],
    );
    expect(periods.rows[0].n).toBe(ids.length);
    const other = await h().api(
      east,
      'POST',
      '/api/manager-assignments/bulk',
      { ...body, reason: '另一请求' },
      headers,
    );
    expect(other.statusCode).toBe(409);
  });

  it('the unassigned list holds customers that need a manager and have none', async () => {
    const db = h().db;
    const vipResident = await insertTestCustomer(db, { orgUnitId: office(2), vip: true, name: 'VIP居民' });
    const grassroots = await insertTestCustomer(db, {
      orgUnitId: office(2),
      importanceTier: 'grassroots',
      customerClass: 'lv_non_residential',
    });
    const largeIndustry = await insertTestCustomer(db, {
      orgUnitId: office(2, 1),
      customerClass: 'large_industry',
      importanceTier: 'grassroots',
    });
    const admin = await h().loginAs('admin');
    const res = await h().api(
      admin,
      'GET',
      `/api/manager-assignments/unassigned?orgUnitId=${h().org.branchIds[2]}&pageSize=200`,
    );
    expect(res.statusCode).toBe(200);
    const page = res.json() as {
      items: { id: number; importanceTier: never; vip: boolean; customerClass: never }[];
      total: number;
    };
    const ids = page.items.map((i) => i.id);
    expect(ids).toContain(vipResident);
    expect(ids).toContain(largeIndustry);
    expect(ids).not.toContain(grassroots);
    expect(page.total).toBe(page.items.length);
    for (const item of page.items) expect(requiresAccountManager(item)).toBe(true);

    const west = await h().loginAs('west');
    const outside = await h().api(west, 'GET', '/api/manager-assignments/unassigned?pageSize=200');
    expect((outside.json().items as { id: number }[]).map((i) => i.id)).not.toContain(vipResident);
    const paged = await h().api(
      admin,
      'GET',
      `/api/manager-assignments/unassigned?orgUnitId=${h().org.branchIds[2]}&pageSize=1&page=2`,
    );
    expect(paged.json()).toMatchObject({ page: 2, pageSize: 1, total: page.total });
    expect(paged.json().items).toEqual([page.items[1]]);
  });
});
