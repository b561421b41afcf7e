import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness';

describeEachDatabase('auth and platform', (h) => {
  it('health reports the database kind and the latest migration', async () => {
    const res = await h().app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json().database).toBe(h().kind);
    expect(res.json().migration).toMatch(/^\d{8}_\d{4}_.*\.sql$/);
  });

  it('refuses anonymous calls with 401', async () => {
    const res = await h().app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('logs in, returns the user with roles and permissions, and logs out', async () => {
    const cookie = await h().loginAs('manager', 'GridCare@2026');
    const me = await h().api(cookie, 'GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().roles[0].role).toBe('account_manager');
    expect(me.json().permissions).toContain('pii:view');
    const out = await h().api(cookie, 'POST', '/api/auth/logout');
    expect(out.statusCode).toBe(200);
    expect((await h().api(cookie, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it("ends a deactivated user's live session at once, although sessions are cached for a few seconds", async () => {
    const admin = await h().loginAs('admin', 'GridCare@2026');
    const cookie = await h().loginAs('manager2', 'GridCare@2026');
    const me = await h().api(cookie, 'GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    const id = me.json().id;
    const user = (await h().api(admin, 'GET', `/api/users/${id}`)).json();
    const off = await h().api(admin, 'PATCH', `/api/users/${id}`, { active: false, version: user.version });
    expect(off.statusCode).toBe(200);
    expect((await h().api(cookie, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const back = await h().api(admin, 'PATCH', `/api/users/${id}`, {
      active: true,
      version: off.json().version,
    });
    expect(back.statusCode).toBe(200);
  });

  it('answers a wrong password with 401 and locks the account after five failures', async () => {
    const app = h().app;
    for (let i = 0; i < 4; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'auditor', password: 'wrong' },
      });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'auditor', password: 'wrong' },
    });
    expect(fifth.statusCode).toBe(429);
    const right = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'auditor', password: 'GridCare@2026' },
    });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('locked');
  });

  it('answers bad login input with 400 and field details in the caller language', async () => {
    const res = await h().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '' },
      headers: { 'accept-language': 'en-US' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation');
    expect(body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['body.username', 'body.password']),
    );
    const zh = await h().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: 'not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.message).toContain('提交的数据有误');
  });

  it('audits logins', async () => {
    const r = await h().db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'login'`,
    );
    expect(r.rows[0].n).toBeGreaterThan(0);
  });

  it('serves the interactive API docs without a login', async () => {
    const ui = await h().app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
    const json = await h().app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(json.statusCode).toBe(200);
    expect(json.json().openapi).toMatch(/^3\./);
  });

  it('serves the OpenAPI document and Prometheus metrics', async () => {
    const doc = await h().app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.json().paths['/api/auth/login']).toBeDefined();
    const m = await h().app.inject({ method: 'GET', url: '/metrics' });
    expect(m.body).toContain('gridcare_http_request_duration_seconds');
  });
});
