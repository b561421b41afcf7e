import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness';

describeEachDatabase('org units, users and audit', (h) => {
  it('shows a branch supervisor only their branch and its units', async () => {
    const east = await h().loginAs('east');
    const res = await h().api(east, 'GET', '/api/org-units?flat=true');
    expect(res.statusCode).toBe(200);
    const ids = res.json().map((u: { id: number }) => u.id);
    expect(ids).toContain(h().org.branchIds[0]);
    expect(ids).not.toContain(h().org.branchIds[1]);
    expect(ids).not.toContain(h().org.companyId);
    const tree = await h().api(east, 'GET', '/api/org-units');
    expect(tree.json()).toHaveLength(1);
    expect(tree.json()[0].id).toBe(h().org.branchIds[0]);
    expect(tree.json()[0].children.length).toBeGreaterThan(0);
  });

  it('creates an org unit under an allowed parent and refuses an impossible hierarchy', async () => {
    const admin = await h().loginAs('admin');
    const ok = await h().api(admin, 'POST', '/api/org-units', {
      parentId: h().org.branchIds[0],
      code: 'B01-S9',
      name: '新区供电所',
      kind: 'supply_office',
      areaClass: 'urban',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().parentId).toBe(h().org.branchIds[0]);
    const bad = await h().api(admin, 'POST', '/api/org-units', {
      parentId: ok.json().id,
      code: 'B01-X1',
      name: '错误分公司',
      kind: 'branch',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('org_hierarchy');
    const dup = await h().api(admin, 'POST', '/api/org-units', {
      parentId: h().org.branchIds[0],
      code: 'B01-S9',
      name: '重复',
      kind: 'supply_office',
    });
    expect(dup.statusCode).toBe(409);
  });

  it('refuses org administration to a supervisor (403) and unknown ids (404)', async () => {
    const sup = await h().loginAs('supervisor');
    const res = await h().api(sup, 'POST', '/api/org-units', {
      parentId: h().org.companyId,
      code: 'B09',
      name: 'x',
      kind: 'branch',
    });
    expect(res.statusCode).toBe(403);
    const admin = await h().loginAs('admin');
    expect(
      (await h().api(admin, 'PATCH', '/api/org-units/999999', { name: 'x', version: 1 })).statusCode,
    ).toBe(404);
  });

  it('updates an org unit with optimistic locking', async () => {
    const admin = await h().loginAs('admin');
    const id = h().org.officeIds[0];
    const first = await h().api(admin, 'PATCH', `/api/org-units/${id}`, {
      name: '城东供电所（新）',
      version: 1,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await h().api(admin, 'PATCH', `/api/org-units/${id}`, { name: '又改', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
  });

  it('creates a user with roles who can then log in, and audits it', async () => {
    const admin = await h().loginAs('admin');
    const res = await h().api(admin, 'POST', '/api/users', {
      username: 'zhang.wei',
      displayName: '张伟',
      password: 'Secret#2026',
      phone: '13912345678',
      roles: [{ role: 'cs_agent', orgUnitId: h().org.companyId }],
    });
    expect(res.statusCode).toBe(201);
    const login = await h().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zhang.wei', password: 'Secret#2026' },
    });
    expect(login.statusCode).toBe(200);
    const audit = await h().api(admin, 'GET', `/api/audit?entity=user&entityId=${res.json().id}`);
    expect(audit.json().items.map((a: { action: string }) => a.action)).toContain('create');
  });

  it('keeps a branch admin from granting roles outside the branch', async () => {
    const admin = await h().loginAs('admin');
    await h().api(admin, 'POST', '/api/users', {
      username: 'branchadmin',
      displayName: '分公司管理员',
      password: 'Secret#2026',
      roles: [{ role: 'admin', orgUnitId: h().org.branchIds[0] }],
    });
    const ba = await h().loginAs('branchadmin', 'Secret#2026');
    const res = await h().api(ba, 'POST', '/api/users', {
      username: 'intruder',
      displayName: 'x',
      password: 'Secret#2026',
      roles: [{ role: 'admin', orgUnitId: h().org.companyId }],
    });
    expect(res.statusCode).toBe(403);
    const list = await h().api(ba, 'GET', '/api/users?pageSize=100');
    const names = list.json().items.map((u: { username: string }) => u.username);
    expect(names).toContain('east');
    expect(names).not.toContain('west');
  });

  it('answers bad input on every org and user route with 400, never 500', async () => {
    const admin = await h().loginAs('admin');
    const cases: [string, string, unknown][] = [
      ['POST', '/api/org-units', { parentId: 'x' }],
      ['POST', '/api/org-units', { parentId: 1, code: '!!', name: '', kind: 'planet' }],
      ['PATCH', '/api/org-units/abc', { version: 1 }],
      ['PATCH', '/api/org-units/1', { version: -1 }],
      ['POST', '/api/users', { username: 'a', displayName: '', password: 'short', roles: [] }],
      [
        'POST',
        '/api/users',
        {
          username: 'okname',
          displayName: 'x',
          password: 'longenough',
          phone: '123',
          roles: [{ role: 'king', orgUnitId: 1 }],
        },
      ],
      ['PATCH', '/api/users/1', { email: 'not-an-email', version: 1 }],
      ['GET', '/api/users?page=0', undefined],
      ['GET', '/api/users?pageSize=100000', undefined],
      ['GET', '/api/audit?page=-3', undefined],
      ['POST', '/api/users/xyz/unlock', undefined],
    ];
    for (const [method, url, body] of cases) {
      const res = await h().api(admin, method as 'POST', url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      expect(res.json().error.details.length, `${method} ${url}`).toBeGreaterThan(0);
    }
  });

  it('unlocks a locked user', async () => {
    for (let i = 0; i < 5; i++) {
      await h().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'west', password: 'nope' },
      });
    }
    const locked = await h().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'west', password: 'GridCare@2026' },
    });
    expect(locked.statusCode).toBe(429);
    const admin = await h().loginAs('admin');
    const res = await h().api(admin, 'POST', `/api/users/${h().org.userIds.west}/unlock`);
    expect(res.statusCode).toBe(200);
    expect(res.json().locked).toBe(false);
    const ok = await h().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'west', password: 'GridCare@2026' },
    });
    expect(ok.statusCode).toBe(200);
  });
});

describeEachDatabase('excel exports of admin lists', (h) => {
  it('exports the users list as a real xlsx workbook', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const admin = await h().loginAs('admin');
    const res = await h().api(admin, 'GET', '/api/users/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('登录名');
    const logins = sheet.getColumn(1).values.slice(2);
    expect(logins).toEqual(expect.arrayContaining(['admin', 'manager', 'auditor']));
  });

  it('refuses the users export to an agent', async () => {
    const agent = await h().loginAs('agent');
    expect((await h().api(agent, 'GET', '/api/users/export.xlsx')).statusCode).toBe(403);
  });
});
