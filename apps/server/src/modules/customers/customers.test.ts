import { expect, it } from 'vitest';
import { maskCertificate, residentIdCheckCharacter } from '@gridcare/domain';
import { describeEachDatabase } from '../../test/harness';
import {
  buildCustomerInput,
  buildEnterpriseInput,
  buildResidentId,
  createCustomerVia,
} from './customers.test-builders';

describeEachDatabase('customer archive', (h) => {
  const branch1Office = () => h().org.officeIds[0];
  const branch2Office = () => h().org.officeIds[3];

  it('creates a customer with contacts, premises, accounts, meters and transformers in one go', async () => {
    const input = buildEnterpriseInput(branch1Office());
    const created = await createCustomerVia(h(), 'supervisor', input);
    expect(created.customerNo).toMatch(/^C\d{10}$/);
    expect(created.version).toBe(1);
    const overview = (
      await h().api(await h().loginAs('supervisor'), 'GET', `/api/customers/${created.id}/overview`)
    ).json();
    expect(overview.contacts.map((c: { name: string }) => c.name)).toEqual(
      input.contacts!.map((c) => c.name),
    );
    expect(overview.accounts).toHaveLength(2);
    expect(overview.accounts[0].accountNo).toMatch(/^\d{10}$/);
    expect(overview.accounts[0].premiseId).toBe(overview.premises[0].id);
    // 综合倍率 = CT 75 × PT 100.
    expect(overview.meters[0].multiplier).toBe(75 * 100);
    expect(overview.meters[0].accountId).toBe(overview.accounts[0].id);
    expect(overview.transformers[0]).toMatchObject({ capacityKva: 800, accountId: overview.accounts[0].id });
    expect(overview.premises[0].fullAddress).toBe(`江西省南昌市西山区${input.premises![0].detail}`);
    // The customer row carries the primary contact's phone and the first address for lists and search.
    expect(overview.customer.phone).toBe(input.contacts![0].mobile);
    expect(overview.customer.address).toBe(overview.premises[0].fullAddress);
    expect(overview.counts).toMatchObject({
      contacts: 2,
      premises: 1,
      accounts: 2,
      meters: 1,
      transformers: 1,
    });
  });

  it('writes an audit entry and a customer_created timeline event in the same change', async () => {
    const created = await createCustomerVia(h(), 'supervisor', buildCustomerInput(branch1Office()));
    const audit = await h().db.query<{ action: string; after: { name: string } }>(
      `SELECT action, after FROM audit_log WHERE entity = 'customer' AND entity_id = $1 AND action = 'create'`,
      [String(created.id)],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].after.name).toBe(created.name);
    const tl = (
      await h().api(await h().loginAs('supervisor'), 'GET', `/api/customers/${created.id}/timeline`)
    ).json();
    expect(tl.items.map((e: { kind: string }) => e.kind)).toEqual(['customer_created']);
  });

  it('rejects a resident ID with a wrong check digit with a Chinese message on body.certNo', async () => {
    const good = buildResidentId();
    const wrong = good.slice(0, 17) + (residentIdCheckCharacter(good.slice(0, 17)) === '1' ? '2' : '1');
    const res = await h().api(
      await h().loginAs('supervisor'),
      'POST',
      '/api/customers',
      buildCustomerInput(branch1Office(), { certNo: wrong }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'body.certNo', message: '证件号码校验位不正确' }]);
  });

  it('rejects a credit code with a wrong check character in English when asked', async () => {
    const input = buildEnterpriseInput(branch1Office());
    const code = input.certNo!;
    const wrongLast = code[17] === '0' ? '1' : '0';
    const res = await h().api(
      await h().loginAs('supervisor'),
      'POST',
      '/api/customers',
      { ...input, certNo: code.slice(0, 17) + wrongLast },
      { 'accept-language': 'en-US' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'body.certNo', message: 'Certificate number check character is wrong' },
    ]);
  });

  it('masks phone and certificate for an agent without pii:view', async () => {
    const input = buildCustomerInput(branch1Office(), {
      contacts: [{ name: '王五', mobile: '13812345678', isPrimary: true }],
    });
    const created = await createCustomerVia(h(), 'supervisor', input);
    const res = await h().api(await h().loginAs('agent'), 'GET', `/api/customers/${created.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      phone: '138****5678',
      certNo: maskCertificate(input.certNo!),
      piiMasked: true,
    });
    const overview = (
      await h().api(await h().loginAs('agent'), 'GET', `/api/customers/${created.id}/overview`)
    ).json();
    expect(overview.contacts[0].mobile).toBe('138****5678');
  });

  it('shows full personal data to a manager with pii:view and audits the view', async () => {
    const input = buildCustomerInput(branch1Office(), {
      contacts: [{ name: '赵六', mobile: '13912345678', isPrimary: true }],
    });
    const created = await createCustomerVia(h(), 'supervisor', input);
    const before = await h().db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'view_pii' AND entity_id = $1 AND actor_id = $2`,
      [String(created.id), h().org.userIds.manager],
    );
    const res = await h().api(await h().loginAs('manager'), 'GET', `/api/customers/${created.id}`);
    expect(res.json()).toMatchObject({ phone: '13912345678', certNo: input.certNo, piiMasked: false });
    const after = await h().db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'view_pii' AND entity_id = $1 AND actor_id = $2`,
      [String(created.id), h().org.userIds.manager],
    );
    expect(after.rows[0].n).toBe(before.rows[0].n + 1);
  });

  it('updates with before/after in the audit log and lists the changed fields on the timeline', async () => {
    const cookie = await h().loginAs('supervisor');
    const created = await createCustomerVia(h(), 'supervisor', buildCustomerInput(branch1Office()));
    const res = await h().api(cookie, 'PATCH', `/api/customers/${created.id}`, {
      version: 1,
      name: '改名后的客户',
      vip: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '改名后的客户', vip: true, version: 2 });
    const audit = await h().db.query<{ before: { name: string }; after: { name: string } }>(
      `SELECT before, after FROM audit_log WHERE entity = 'customer' AND entity_id = $1 AND action = 'update'`,
      [String(created.id)],
    );
    expect(audit.rows[0].before.name).toBe(created.name);
    expect(audit.rows[0].after.name).toBe('改名后的客户');
    const tl = (await h().api(cookie, 'GET', `/api/customers/${created.id}/timeline`)).json();
    expect(tl.items.map((e: { kind: string }) => e.kind)).toEqual(['customer_updated', 'customer_created']);
    expect(tl.items[0].detail.fields).toEqual(['name', 'vip']);
    // The new name is searchable at once.
    const found = (
      await h().api(cookie, 'GET', `/api/customers?q=${encodeURIComponent('改名后的客户')}`)
    ).json();
    expect(found.items.map((i: { id: number }) => i.id)).toContain(created.id);
  });

  it('changes only the fields a PATCH sends (no defaults filled in)', async () => {
    const cookie = await h().loginAs('supervisor');
    const created = await createCustomerVia(
      h(),
      'supervisor',
      buildEnterpriseInput(branch1Office(), { vip: true, relationship: 'system' }),
    );
    const res = await h().api(cookie, 'PATCH', `/api/customers/${created.id}`, {
      version: 1,
      note: '只改备注',
    });
    expect(res.json()).toMatchObject({
      note: '只改备注',
      vip: true,
      relationship: 'system',
      importanceTier: 'important',
    });
    const acct = await h().db.query<{ id: number }>(
      `SELECT id FROM accounts WHERE customer_id = $1 ORDER BY id LIMIT 1`,
      [created.id],
    );
    await h().api(cookie, 'PATCH', `/api/accounts/${acct.rows[0].id}`, { version: 1, status: 'suspended' });
    const a = await h().api(cookie, 'PATCH', `/api/accounts/${acct.rows[0].id}`, {
      version: 2,
      readingDay: 5,
    });
    expect(a.json()).toMatchObject({
      status: 'suspended',
      readingDay: 5,
      contractCapacityKva: 800,
      basicFeeMethod: 'capacity',
    });
  });

  it('answers a stale version with 409 and leaves the row unchanged', async () => {
    const cookie = await h().loginAs('supervisor');
    const created = await createCustomerVia(h(), 'supervisor', buildCustomerInput(branch1Office()));
    expect(
      (await h().api(cookie, 'PATCH', `/api/customers/${created.id}`, { version: 1, note: '第一次' }))
        .statusCode,
    ).toBe(200);
    const stale = await h().api(cookie, 'PATCH', `/api/customers/${created.id}`, {
      version: 1,
      note: '过期的修改',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await h().api(cookie, 'GET', `/api/customers/${created.id}`)).json().note).toBe('第一次');
  });

  it('checks the merged certificate when only the number changes', async () => {
    const cookie = await h().loginAs('supervisor');
    const created = await createCustomerVia(h(), 'supervisor', buildCustomerInput(branch1Office()));
    const res = await h().api(cookie, 'PATCH', `/api/customers/${created.id}`, {
      version: 1,
      certNo: '110101198001011234X',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.certNo');
  });

  it('refuses a likely duplicate with 409 and saves it once a reason is given', async () => {
    const cookie = await h().loginAs('supervisor');
    const first = buildCustomerInput(branch1Office());
    const original = await createCustomerVia(h(), 'supervisor', first);
    const again = buildCustomerInput(branch1Office(), { certNo: first.certNo!.toLowerCase() });
    const check = await h().api(cookie, 'POST', '/api/customers/duplicates/check', again);
    expect(check.json().duplicates).toEqual([
      { id: original.id, customerNo: original.customerNo, name: first.name, reason: 'same_certificate' },
    ]);
    const refused = await h().api(cookie, 'POST', '/api/customers', again);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('duplicate');
    expect(refused.json().error.duplicates[0].id).toBe(original.id);
    const saved = await h().api(cookie, 'POST', '/api/customers', {
      ...again,
      duplicateOverrideReason: '同一人名下两处房产',
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({
      duplicateOf: original.id,
      duplicateOverrideReason: '同一人名下两处房产',
    });
    const audit = await h().db.query(
      `SELECT 1 FROM audit_log WHERE action = 'create_duplicate_override' AND entity_id = $1`,
      [String(saved.json().id)],
    );
    expect(audit.rows).toHaveLength(1);
  });

  it('flags same name + phone + address as a duplicate even without a certificate', async () => {
    const cookie = await h().loginAs('supervisor');
    const first = buildCustomerInput(branch1Office(), { certType: null, certNo: null });
    await createCustomerVia(h(), 'supervisor', first);
    const copy = {
      ...first,
      name: ` ${first.name} `,
      meters: [{ accountIndex: 0, assetNo: `MX${Date.now()}`, meterType: 'smart_single_phase' as const }],
    };
    const res = await h().api(cookie, 'POST', '/api/customers/duplicates/check', copy);
    expect(res.json().duplicates.map((d: { reason: string }) => d.reason)).toEqual([
      'same_name_phone_address',
    ]);
  });

  it('replays an Idempotency-Key retry with the same customer and creates one row', async () => {
    const cookie = await h().loginAs('supervisor');
    const input = buildCustomerInput(branch1Office());
    const headers = { 'idempotency-key': `create-${input.name}` };
    const a = await h().api(cookie, 'POST', '/api/customers', input, headers);
    const b = await h().api(cookie, 'POST', '/api/customers', input, headers);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    const rows = await h().db.query(`SELECT 1 FROM customers WHERE name = $1`, [input.name]);
    expect(rows.rows).toHaveLength(1);
  });

  it('keeps branch B customers away from a branch A supervisor', async () => {
    const created = await createCustomerVia(h(), 'west', buildCustomerInput(branch2Office()));
    const east = await h().loginAs('east');
    expect((await h().api(east, 'GET', `/api/customers/${created.id}`)).statusCode).toBe(404);
    expect((await h().api(east, 'GET', `/api/customers/${created.id}/overview`)).statusCode).toBe(404);
    expect((await h().api(east, 'GET', `/api/customers/${created.id}/timeline`)).statusCode).toBe(404);
    expect(
      (await h().api(east, 'PATCH', `/api/customers/${created.id}`, { version: 1, note: 'x' })).statusCode,
    ).toBe(404);
    const list = (await h().api(east, 'GET', '/api/customers?pageSize=200')).json();
    expect(list.items.map((i: { id: number }) => i.id)).not.toContain(created.id);
    const byName = (
      await h().api(east, 'GET', `/api/customers?q=${encodeURIComponent(created.name as string)}`)
    ).json();
    expect(byName.items).toEqual([]);
    const into = await h().api(east, 'POST', '/api/customers', buildCustomerInput(branch2Office()));
    expect(into.statusCode).toBe(403);
    // West sees it.
    expect((await h().api(await h().loginAs('west'), 'GET', `/api/customers/${created.id}`)).statusCode).toBe(
      200,
    );
  });

  it('refuses to move a customer into a unit outside the caller scope with 403', async () => {
    const created = await createCustomerVia(h(), 'east', buildCustomerInput(branch1Office()));
    const res = await h().api(await h().loginAs('east'), 'PATCH', `/api/customers/${created.id}`, {
      version: 1,
      orgUnitId: branch2Office(),
    });
    expect(res.statusCode).toBe(403);
  });

  it('moves the parts along when a customer moves to another unit', async () => {
    const created = await createCustomerVia(h(), 'supervisor', buildCustomerInput(branch1Office()));
    const res = await h().api(await h().loginAs('supervisor'), 'PATCH', `/api/customers/${created.id}`, {
      version: 1,
      orgUnitId: branch2Office(),
    });
    expect(res.statusCode).toBe(200);
    const units = await h().db.query<{ org_unit_id: number }>(
      `SELECT org_unit_id FROM accounts WHERE customer_id = $1 UNION SELECT org_unit_id FROM contacts WHERE customer_id = $1`,
      [created.id],
    );
    expect(units.rows.map((r) => r.org_unit_id)).toEqual([branch2Office()]);
    expect((await h().api(await h().loginAs('east'), 'GET', `/api/customers/${created.id}`)).statusCode).toBe(
      404,
    );
  });

  it('refuses writes to a user without customer:write', async () => {
    const res = await h().api(
      await h().loginAs('agent'),
      'POST',
      '/api/customers',
      buildCustomerInput(branch1Office()),
    );
    expect(res.statusCode).toBe(403);
  });

  it('shows the manager card and grid position on the overview', async () => {
    const db = h().db;
    const admin = await h().loginAs('admin');
    const sub = (
      await h().api(admin, 'POST', '/api/topology/substations', {
        orgUnitId: h().org.branchIds[0],
        code: 'SS-OV',
        name: '青山湖变电站',
      })
    ).json();
    const feeder = (
      await h().api(admin, 'POST', '/api/topology/feeders', {
        substationId: sub.id,
        code: 'F-OV',
        name: '10kV湖滨线',
      })
    ).json();
    const area = (
      await h().api(admin, 'POST', '/api/topology/transformer-areas', {
        feederId: feeder.id,
        code: 'TA-OV',
        name: '湖滨小区1号台区',
      })
    ).json();
    const input = buildCustomerInput(branch1Office());
    input.premises = [{ ...input.premises![0], transformerAreaId: area.id }];
    const created = await createCustomerVia(h(), 'supervisor', input);
    const managerId = h().org.userIds.manager;
    await db.query(
      `INSERT INTO manager_profiles(user_id, photo_url, phone_24h, service_scope) VALUES ($1, '/photos/m.png', '13900001111', '东湖区高压客户')
       ON CONFLICT (user_id) DO UPDATE SET phone_24h = EXCLUDED.phone_24h, photo_url = EXCLUDED.photo_url, service_scope = EXCLUDED.service_scope`,
      [managerId],
    );
    await db.query(`UPDATE customers SET account_manager_id = $2 WHERE id = $1`, [created.id, managerId]);
    const o = (
      await h().api(await h().loginAs('supervisor'), 'GET', `/api/customers/${created.id}/overview`)
    ).json();
    expect(o.premises[0].topology).toEqual({
      substation: { id: sub.id, code: 'SS-OV', name: '青山湖变电站' },
      feeder: { id: feeder.id, code: 'F-OV', name: '10kV湖滨线' },
      transformerArea: { id: area.id, code: 'TA-OV', name: '湖滨小区1号台区' },
    });
    // The feeder is completed from the transformer area.
    expect(o.premises[0].feederId).toBe(feeder.id);
    expect(o.manager).toMatchObject({
      id: managerId,
      name: '客户经理（东湖区）',
      photoUrl: '/photos/m.png',
      phone24h: '13900001111',
      serviceScope: '东湖区高压客户',
    });
    expect(o.timeline[0].kind).toBe('customer_created');
  });

  it('has no manager card for an unmanaged customer', async () => {
    const created = await createCustomerVia(h(), 'supervisor', buildCustomerInput(branch1Office()));
    const o = (
      await h().api(await h().loginAs('supervisor'), 'GET', `/api/customers/${created.id}/overview`)
    ).json();
    expect(o.manager).toBeNull();
    expect(o.premises[0].topology).toEqual({ substation: null, feeder: null, transformerArea: null });
  });
});
