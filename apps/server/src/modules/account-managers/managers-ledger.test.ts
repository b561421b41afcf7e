import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness';
import { insertTestCustomer } from './account-managers.test-builders';

// A 1×1 transparent PNG: the smallest real image a card can carry inline.
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describeEachDatabase('manager cards and the customer ledger', (h) => {
  const branch1Office = () =>
    h().org.officeIds.find((o) => h().org.officeBranch.get(o) === h().org.branchIds[0])!;

  it('lists the account managers in scope with their managed customers', async () => {
    const { userIds } = h().org;
    const db = h().db;
    await insertTestCustomer(db, {
      orgUnitId: branch1Office(),
      importanceTier: 'key',
      managerId: userIds.manager,
    });
    await insertTestCustomer(db, {
      orgUnitId: branch1Office(),
      importanceTier: 'important',
      managerId: userIds.manager,
    });
    const expected = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM customers WHERE account_manager_id = $1`,
      [userIds.manager],
    );
    const east = await h().loginAs('east');
    const res = await h().api(east, 'GET', '/api/managers');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      userId: number;
      customers: number;
      overdueVisits: number;
      orgUnits: { id: number }[];
    }[];
    expect(items.map((i) => i.userId)).toEqual([userIds.manager]);
    expect(items[0].customers).toBe(expected.rows[0].n);
    expect(items[0].orgUnits).toEqual([{ id: h().org.branchIds[0], name: '东湖区供电分公司' }]);
    const all = await h().api(await h().loginAs('supervisor'), 'GET', '/api/managers?q=客户经理');
    expect((all.json().items as { userId: number }[]).map((i) => i.userId).sort()).toEqual(
      [userIds.manager, userIds.manager2].sort(),
    );
    // Only managers who may serve a unit's customers, for the assignment picker.
    const eligible = await h().api(
      await h().loginAs('supervisor'),
      'GET',
      `/api/managers?orgUnitId=${branch1Office()}`,
    );
    expect((eligible.json().items as { userId: number }[]).map((i) => i.userId)).toEqual([userIds.manager]);
  });

  it('a manager fills in his own card; the card falls back to his phone until then', async () => {
    const { userIds } = h().org;
    const manager = await h().loginAs('manager');
    const before = await h().api(manager, 'GET', `/api/managers/${userIds.manager}`);
    expect(before.json()).toMatchObject({ version: null, phone24h: '13900000004', photoUrl: null });
    const put = await h().api(manager, 'PUT', `/api/managers/${userIds.manager}/profile`, {
      photoUrl: PNG,
      phone24h: '0791-88886666',
      serviceScope: '东湖区高压及重要客户',
      title: '高级客户经理',
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      version: 1,
      phone24h: '0791-88886666',
      photoUrl: PNG,
      title: '高级客户经理',
    });
    const audit = await h().db.query<{ after: { photoUrl: string } }>(
      `SELECT after FROM audit_log WHERE action = 'manager_profile.create' AND entity_id = $1`,
      [String(userIds.manager)],
    );
    expect(audit.rows[0].after.photoUrl).toBe(`data-url(${PNG.length} chars)`);
  });

  it('a stale card version answers 409 and the card keeps the newer values', async () => {
    const { userIds } = h().org;
    const east = await h().loginAs('east');
    const card = (await h().api(east, 'GET', `/api/managers/${userIds.manager}`)).json();
    const body = { phone24h: '13912345678', serviceScope: '东湖区全部重点客户', version: card.version };
    expect((await h().api(east, 'PUT', `/api/managers/${userIds.manager}/profile`, body)).statusCode).toBe(
      200,
    );
    const stale = await h().api(east, 'PUT', `/api/managers/${userIds.manager}/profile`, {
      ...body,
      serviceScope: '旧',
    });
    expect(stale.statusCode).toBe(409);
    const missing = await h().api(east, 'PUT', `/api/managers/${userIds.manager}/profile`, {
      phone24h: '13912345678',
      serviceScope: '无版本',
    });
    expect(missing.statusCode).toBe(409);
    const now = (await h().api(east, 'GET', `/api/managers/${userIds.manager}`)).json();
    expect(now).toMatchObject({ serviceScope: '东湖区全部重点客户', version: card.version + 1 });
  });

  it('only the manager himself or manager:assign may edit a card; other scopes do not see it', async () => {
    const { userIds } = h().org;
    const body = { phone24h: '13912345678', serviceScope: '西山区' };
    const manager2 = await h().loginAs('manager2');
    expect(
      (await h().api(manager2, 'PUT', `/api/managers/${userIds.manager}/profile`, body)).statusCode,
    ).toBe(404);
    const agent = await h().loginAs('agent');
    expect((await h().api(agent, 'PUT', `/api/managers/${userIds.manager}/profile`, body)).statusCode).toBe(
      403,
    );
    expect(
      (await h().api(await h().loginAs('west'), 'GET', `/api/managers/${userIds.manager}`)).statusCode,
    ).toBe(404);
    expect((await h().api(agent, 'GET', `/api/managers/${userIds.agent}`)).statusCode).toBe(404);
  });

  it('rejects a photo that is neither a small image data URL nor an http(s) URL', async () => {
    const { userIds } = h().org;
    const manager = await h().loginAs('manager');
    const tooBig = 'data:image/png;base64,' + 'A'.repeat(300_000);
    for (const photoUrl of [
      'javascript:alert(1)',
      'data:text/html;base64,PGgxPg==',
      tooBig,
      'ftp://x/y.png',
    ]) {
      const res = await h().api(manager, 'PUT', `/api/managers/${userIds.manager}/profile`, {
        photoUrl,
        phone24h: '13912345678',
        serviceScope: 'x',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('body.photoUrl');
    }
    const bad = await h().api(manager, 'PUT', `/api/managers/${userIds.manager}/profile`, {
      phone24h: '12345',
      serviceScope: 'x',
    });
    expect(bad.json().error.details).toContainEqual(expect.objectContaining({ path: 'body.phone24h' }));
    const https = await h().api(manager, 'PUT', `/api/managers/${userIds.manager}/profile`, {
      photoUrl: 'https://cdn.example.cn/managers/1.jpg',
      phone24h: '13912345678',
      serviceScope: '东湖区',
      version: (await h().api(manager, 'GET', `/api/managers/${userIds.manager}`)).json().version,
    });
    expect(https.statusCode).toBe(200);
  });

  it('keeps a ledger newest first, filtered by category, with audit and timeline', async () => {
    const { userIds } = h().org;
    const customerId = await insertTestCustomer(h().db, {
      orgUnitId: branch1Office(),
      importanceTier: 'key',
      managerId: userIds.manager,
    });
    const manager = await h().loginAs('manager');
    const entries = [
      { category: 'production', title: '二季度产能', content: '新增两条生产线，预计负荷增加 800 kW' },
      { category: 'key_people', title: '电气负责人变更', content: '电气负责人改为李工' },
      { category: 'promise', title: '承诺', content: '月底前完成计量改造' },
    ];
    const ids: number[] = [];
    for (const e of entries) {
      const res = await h().api(manager, 'POST', `/api/customers/${customerId}/ledger`, e);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ ...e, customerId, version: 1, recordedById: userIds.manager });
      ids.push(res.json().id);
    }
    const list = await h().api(manager, 'GET', `/api/customers/${customerId}/ledger`);
    expect((list.json().items as { id: number }[]).map((i) => i.id)).toEqual([...ids].reverse());
    expect(list.json().total).toBe(3);
    const promises = await h().api(manager, 'GET', `/api/customers/${customerId}/ledger?category=promise`);
    expect(promises.json()).toMatchObject({ total: 1, items: [{ id: ids[2] }] });
    const tl = await h().db.query<{ n: number }>(
      `SELECT count(*) AS n FROM timeline_events WHERE customer_id = $1 AND kind = 'ledger_entry'`,
      [customerId],
    );
    expect(tl.rows[0].n).toBe(3);
    const audit = await h().db.query<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log WHERE entity = 'ledger_entry' AND entity_id = ANY($1::text[])`,
      [ids.map(String)],
    );
    expect(audit.rows[0].n).toBe(3);
  });

  it('a stale ledger edit answers 409; entries of other scopes answer 404', async () => {
    const { userIds } = h().org;
    const customerId = await insertTestCustomer(h().db, {
      orgUnitId: branch1Office(),
      importanceTier: 'key',
      managerId: userIds.manager,
    });
    const manager = await h().loginAs('manager');
    const created = (
      await h().api(manager, 'POST', `/api/customers/${customerId}/ledger`, {
        category: 'equipment',
        title: '主变',
        content: '2×1000 kVA',
      })
    ).json();
    const ok = await h().api(manager, 'PATCH', `/api/ledger/${created.id}`, {
      content: '2×1250 kVA',
      version: 1,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ content: '2×1250 kVA', title: '主变', version: 2 });
    const stale = await h().api(manager, 'PATCH', `/api/ledger/${created.id}`, {
      content: '旧值',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const west = await h().loginAs('west');
    expect(
      (await h().api(west, 'PATCH', `/api/ledger/${created.id}`, { content: 'x', version: 2 })).statusCode,
    ).toBe(404);
    expect((await h().api(west, 'GET', `/api/customers/${customerId}/ledger`)).statusCode).toBe(404);
    expect(
      (
        await h().api(west, 'POST', `/api/customers/${customerId}/ledger`, {
          category: 'other',
          title: 't',
          content: 'c',
        })
      ).statusCode,
    ).toBe(404);
    const agent = await h().loginAs('agent');
    expect(
      (
        await h().api(agent, 'POST', `/api/customers/${customerId}/ledger`, {
          category: 'other',
          title: 't',
          content: 'c',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await h().api(manager, 'PATCH', `/api/ledger/99999999`, { content: 'x', version: 1 })).statusCode,
    ).toBe(404);
  });
});
