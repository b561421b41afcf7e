import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness';
import { buildCustomerInput, buildMobile, createCustomerVia } from './customers.test-builders';

describeEachDatabase('customer parts', (h) => {
  let customerId: number;
  let cookie: string;

  beforeAll(async () => {
    cookie = await h().loginAs('supervisor');
    customerId = (await createCustomerVia(h(), 'supervisor', buildCustomerInput(h().org.officeIds[0]))).id;
  });

  const timelineKinds = async () =>
    (await h().api(cookie, 'GET', `/api/customers/${customerId}/timeline?pageSize=50`))
      .json()
      .items.map((e: { kind: string }) => e.kind);

  it('adds, updates and removes a contact, keeping the customer phone and timeline current', async () => {
    const mobile = buildMobile();
    const added = await h().api(cookie, 'POST', `/api/customers/${customerId}/contacts`, {
      name: '新联系人',
      mobile,
      isPrimary: true,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ name: '新联系人', mobile, version: 1, customerId });
    // The primary contact's phone becomes the customer's phone and is searchable.
    const found = (await h().api(cookie, 'GET', `/api/customers?q=${mobile}`)).json();
    expect(found.items.map((i: { id: number }) => i.id)).toEqual([customerId]);

    const changed = await h().api(cookie, 'PATCH', `/api/contacts/${added.json().id}`, {
      version: 1,
      email: 'a@example.cn',
    });
    expect(changed.json()).toMatchObject({ email: 'a@example.cn', version: 2 });
    expect(
      (
        await h().api(cookie, 'PATCH', `/api/contacts/${added.json().id}`, {
          version: 1,
          email: 'b@example.cn',
        })
      ).statusCode,
    ).toBe(409);
    expect((await h().api(cookie, 'DELETE', `/api/contacts/${added.json().id}?version=1`)).statusCode).toBe(
      409,
    );
    expect((await h().api(cookie, 'DELETE', `/api/contacts/${added.json().id}?version=2`)).statusCode).toBe(
      200,
    );
    expect(
      (
        await h().api(cookie, 'PATCH', `/api/contacts/${added.json().id}`, {
          version: 2,
          email: 'c@example.cn',
        })
      ).statusCode,
    ).toBe(404);
    expect(await timelineKinds()).toEqual(
      expect.arrayContaining(['contact_created', 'contact_updated', 'contact_deleted']),
    );
    const audit = await h().db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'contact' AND entity_id = $1 ORDER BY id`,
      [String(added.json().id)],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses part writes to a caller without customer:write', async () => {
    const res = await h().api(await h().loginAs('agent'), 'POST', `/api/customers/${customerId}/contacts`, {
      name: 'x',
    });
    expect(res.statusCode).toBe(403);
  });

  it('adds a premise whose address becomes searchable and refuses to delete it while an account uses it', async () => {
    const p = await h().api(cookie, 'POST', `/api/customers/${customerId}/premises`, {
      province: '江西省',
      city: '南昌市',
      district: '红谷滩区',
      detail: '丰和中大道999号',
      areaClass: 'urban',
    });
    expect(p.statusCode).toBe(201);
    expect(p.json().fullAddress).toBe('江西省南昌市红谷滩区丰和中大道999号');
    const found = (
      await h().api(cookie, 'GET', `/api/customers?q=${encodeURIComponent('丰和中大道')}`)
    ).json();
    expect(found.items.map((i: { id: number }) => i.id)).toEqual([customerId]);

    const moved = await h().api(cookie, 'PATCH', `/api/premises/${p.json().id}`, {
      version: 1,
      detail: '丰和南大道1号',
    });
    expect(moved.json().fullAddress).toBe('江西省南昌市红谷滩区丰和南大道1号');

    const acct = await h().api(cookie, 'POST', `/api/customers/${customerId}/accounts`, {
      premiseId: p.json().id,
      voltageLevel: '380V',
      tariffCategory: 'commercial',
    });
    expect(acct.statusCode).toBe(201);
    const blocked = await h().api(cookie, 'DELETE', `/api/premises/${p.json().id}`);
    expect(blocked.statusCode).toBe(409);
  });

  it('refuses a premise pointing at an unknown transformer area or feeder with 400', async () => {
    const base = {
      province: '江西省',
      city: '南昌市',
      district: '东湖区',
      detail: '1号',
      areaClass: 'urban',
    };
    const area = await h().api(cookie, 'POST', `/api/customers/${customerId}/premises`, {
      ...base,
      transformerAreaId: 999999,
    });
    expect(area.statusCode).toBe(400);
    expect(area.json().error.details[0].path).toBe('body.transformerAreaId');
    const feeder = await h().api(cookie, 'POST', `/api/customers/${customerId}/premises`, {
      ...base,
      feederId: 999999,
    });
    expect(feeder.statusCode).toBe(400);
    expect(feeder.json().error.details[0].path).toBe('body.feederId');
  });

  it('generates account numbers, changes status with a version, and has no delete', async () => {
    const a = await h().api(cookie, 'POST', `/api/customers/${customerId}/accounts`, {
      voltageLevel: '220V',
      tariffCategory: 'residential',
    });
    expect(a.json().accountNo).toMatch(/^\d{10}$/);
    const closed = await h().api(cookie, 'PATCH', `/api/accounts/${a.json().id}`, {
      version: 1,
      status: 'closed',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', version: 2 });
    expect(
      (await h().api(cookie, 'PATCH', `/api/accounts/${a.json().id}`, { version: 1, status: 'active' }))
        .statusCode,
    ).toBe(409);
    expect((await h().api(cookie, 'DELETE', `/api/accounts/${a.json().id}`)).statusCode).toBe(404);
    const found = (await h().api(cookie, 'GET', `/api/customers?q=${a.json().accountNo}`)).json();
    expect(found.items[0]).toMatchObject({ id: customerId, matchedBy: 'account_no' });
  });

  it('refuses an account number that is already taken with 409', async () => {
    const a = await h().api(cookie, 'POST', `/api/customers/${customerId}/accounts`, {
      voltageLevel: '220V',
      tariffCategory: 'residential',
    });
    const dup = await h().api(cookie, 'POST', `/api/customers/${customerId}/accounts`, {
      accountNo: a.json().accountNo,
      voltageLevel: '220V',
      tariffCategory: 'residential',
    });
    expect(dup.statusCode).toBe(409);
  });

  it('refuses references to another customer premise or account with 400', async () => {
    const other = await createCustomerVia(h(), 'supervisor', buildCustomerInput(h().org.officeIds[0]));
    const theirPremise = await h().db.query<{ id: number }>(
      `SELECT id FROM premises WHERE customer_id = $1`,
      [other.id],
    );
    const res = await h().api(cookie, 'POST', `/api/customers/${customerId}/accounts`, {
      premiseId: theirPremise.rows[0].id,
      voltageLevel: '220V',
      tariffCategory: 'residential',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.premiseId');
    const theirAccount = await h().db.query<{ id: number }>(
      `SELECT id FROM accounts WHERE customer_id = $1`,
      [other.id],
    );
    const m = await h().api(cookie, 'POST', `/api/customers/${customerId}/meters`, {
      accountId: theirAccount.rows[0].id,
      assetNo: `MX-${other.id}`,
      meterType: 'single_phase',
    });
    expect(m.statusCode).toBe(400);
  });

  it('recomputes the meter multiplier when a ratio changes', async () => {
    const acct = await h().db.query<{ id: number }>(
      `SELECT id FROM accounts WHERE customer_id = $1 ORDER BY id LIMIT 1`,
      [customerId],
    );
    const m = await h().api(cookie, 'POST', `/api/customers/${customerId}/meters`, {
      accountId: acct.rows[0].id,
      assetNo: `MP-${customerId}`,
      meterType: 'three_phase',
      ctRatio: 40,
      ptRatio: 1,
    });
    expect(m.json().multiplier).toBe(40);
    const up = await h().api(cookie, 'PATCH', `/api/meters/${m.json().id}`, { version: 1, ptRatio: 100 });
    expect(up.json()).toMatchObject({ ctRatio: 40, ptRatio: 100, multiplier: 4000, version: 2 });
    expect((await h().api(cookie, 'DELETE', `/api/meters/${m.json().id}?version=2`)).statusCode).toBe(200);
    expect(await timelineKinds()).toEqual(
      expect.arrayContaining(['meter_created', 'meter_updated', 'meter_deleted']),
    );
  });

  it('adds, updates and removes a customer transformer', async () => {
    const t = await h().api(cookie, 'POST', `/api/customers/${customerId}/transformers`, {
      assetNo: `TR-${customerId}`,
      capacityKva: 315,
    });
    expect(t.statusCode).toBe(201);
    const sealed = await h().api(cookie, 'PATCH', `/api/transformers/${t.json().id}`, {
      version: 1,
      sealed: true,
      sealedAt: '2026-03-01',
      state: 'cold_standby',
    });
    expect(sealed.json()).toMatchObject({
      sealed: true,
      sealedAt: '2026-03-01',
      state: 'cold_standby',
      version: 2,
    });
    expect((await h().api(cookie, 'DELETE', `/api/transformers/${t.json().id}`)).statusCode).toBe(200);
    const audit = await h().db.query<{ before: { capacityKva: number } }>(
      `SELECT before FROM audit_log WHERE entity = 'transformer' AND entity_id = $1 AND action = 'delete'`,
      [String(t.json().id)],
    );
    expect(audit.rows[0].before.capacityKva).toBe(315);
  });

  it('hides parts of out-of-scope customers behind 404', async () => {
    const theirs = await createCustomerVia(h(), 'west', buildCustomerInput(h().org.officeIds[3]));
    const contact = await h().db.query<{ id: number }>(`SELECT id FROM contacts WHERE customer_id = $1`, [
      theirs.id,
    ]);
    const east = await h().loginAs('east');
    expect(
      (await h().api(east, 'PATCH', `/api/contacts/${contact.rows[0].id}`, { version: 1, name: 'x' }))
        .statusCode,
    ).toBe(404);
    expect((await h().api(east, 'DELETE', `/api/contacts/${contact.rows[0].id}`)).statusCode).toBe(404);
    expect(
      (await h().api(east, 'POST', `/api/customers/${theirs.id}/contacts`, { name: 'x' })).statusCode,
    ).toBe(404);
  });
});
