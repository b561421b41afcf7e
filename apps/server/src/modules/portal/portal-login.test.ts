import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSmsGatewaySimulator, type SmsGatewaySimulator } from '@gridcare/sms-gateway-sim';
import { describeEachDatabase } from '../../test/harness';
import { inAppChannel } from '../notifications/channels/in-app.channel';
import { createSmsGatewayChannel } from '../notifications/channels/sms-gateway.channel';
import { deliverDueNotifications } from '../notifications/delivery.worker';
import { DEV_SMS_APP_KEY, DEV_SMS_APP_SECRET } from '../notifications/notifications.config';
import { demoHint } from './portal-me.service';
import {
  codeFromOutbox,
  newPortalCustomer,
  portalApi,
  portalCookieOf,
  portalLogin,
  post,
} from './portal.test-builders';

const CODE = '/api/portal/login/code';
const LOGIN = '/api/portal/login';

/** A six-digit code that is not `code`. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describeEachDatabase('portal login by SMS code', (h) => {
  let sim: SmsGatewaySimulator;
  beforeAll(async () => {
    sim = await startSmsGatewaySimulator({ appKey: DEV_SMS_APP_KEY, appSecret: DEV_SMS_APP_SECRET });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('sends a 6-digit code to the registered mobile through the SMS gateway and logs in with it', async () => {
    const c = await newPortalCustomer(h());
    const sent = await post(h(), CODE, { accountNo: c.accountNo });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({ accepted: true, expiresInSeconds: 300, resendAfterSeconds: 60 });

    const channels = {
      in_app: inAppChannel,
      sms: createSmsGatewayChannel({
        baseUrl: sim.url,
        appKey: DEV_SMS_APP_KEY,
        appSecret: DEV_SMS_APP_SECRET,
        signName: '【国网示例市供电公司】',
      }),
    };
    await deliverDueNotifications(h().db, channels, { limit: 500 });
    const sms = sim.messages().filter((m) => m.mobile === c.mobile);
    expect(sms).toHaveLength(1);
    expect(sms[0].templateCode).toBe('GC_PORTAL_VERIFICATION_CODE_ZH');
    const code = sms[0].params.code;
    expect(code).toMatch(/^\d{6}$/);
    expect(sms[0].params.minutes).toBe('5');

    // Stored hashed: the code appears in no column of its row.
    const row = await h().db.query<Record<string, unknown>>(
      `SELECT * FROM portal_login_codes WHERE account_no = $1`,
      [c.accountNo],
    );
    expect(row.rows).toHaveLength(1);
    expect(JSON.stringify(row.rows[0])).not.toContain(code);
    expect(row.rows[0].code_hash).toMatch(/^[0-9a-f]{64}$/);

    const res = await post(h(), LOGIN, { accountNo: c.accountNo, code });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((x) => x.name === 'gc_portal')!;
    expect(cookie).toMatchObject({ httpOnly: true, path: '/api/portal', sameSite: 'Lax' });
    const me = await portalApi(h(), portalCookieOf(res), 'GET', '/api/portal/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      customerName: '张*丰',
      customerKind: 'person',
      accountNo: c.accountNo,
      maskedPhone: `${c.mobile.slice(0, 3)}****${c.mobile.slice(-4)}`,
      manager: null,
    });
    expect(me.json().accounts).toEqual([
      expect.objectContaining({
        accountNo: c.accountNo,
        status: 'active',
        address: '江西省南昌市东湖区八一大道****',
      }),
    ]);
    const audit = await h().db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'customer' AND entity_id = $1 AND action LIKE 'portal.%' ORDER BY id`,
      [String(c.id)],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['portal.code_sent', 'portal.login']);

    // A code works once.
    const again = await post(h(), LOGIN, { accountNo: c.accountNo, code });
    expect(again.statusCode).toBe(401);
  });

  it('answers a code request for an unknown account exactly as for a real one, and sends nothing', async () => {
    const real = await newPortalCustomer(h());
    const known = await post(h(), CODE, { accountNo: real.accountNo });
    const before = await h().db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notification_outbox`);
    const unknown = await post(h(), CODE, { accountNo: '9999999999' });
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    const after = await h().db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notification_outbox`);
    expect(after.rows[0].n).toBe(before.rows[0].n);

    // Logging in to an unknown account fails exactly like a wrong code for a real one.
    const noAccount = await post(h(), LOGIN, { accountNo: '9999999999', code: '123456' });
    const realCode = (await codeFromOutbox(h(), real.mobile))!;
    const wrongCode = await post(h(), LOGIN, { accountNo: real.accountNo, code: wrong(realCode) });
    expect(noAccount.statusCode).toBe(401);
    expect(noAccount.json().error.code).toBe('bad_code');
    expect(noAccount.body).toBe(wrongCode.body);
  });

  it('refuses a wrong code, and the fifth wrong try voids the code', async () => {
    const c = await newPortalCustomer(h());
    await post(h(), CODE, { accountNo: c.accountNo });
    const code = (await codeFromOutbox(h(), c.mobile))!;
    for (let i = 0; i < 5; i++) {
      const res = await post(h(), LOGIN, { accountNo: c.accountNo, code: wrong(code) });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({
        code: 'bad_code',
        details: [{ path: 'code', message: '验证码错误或已失效，请重新获取' }],
      });
    }
    expect((await post(h(), LOGIN, { accountNo: c.accountNo, code })).statusCode).toBe(401);
    const row = await h().db.query<{ failed_attempts: number; invalidated_at: string | null }>(
      `SELECT failed_attempts, invalidated_at FROM portal_login_codes WHERE account_no = $1`,
      [c.accountNo],
    );
    expect(row.rows[0].failed_attempts).toBe(5);
    expect(row.rows[0].invalidated_at).not.toBeNull();

    // Four wrong tries still leave the right code usable.
    const d = await newPortalCustomer(h());
    await post(h(), CODE, { accountNo: d.accountNo });
    const codeD = (await codeFromOutbox(h(), d.mobile))!;
    for (let i = 0; i < 4; i++) await post(h(), LOGIN, { accountNo: d.accountNo, code: wrong(codeD) });
    expect((await post(h(), LOGIN, { accountNo: d.accountNo, code: codeD })).statusCode).toBe(200);
  });

  it('refuses an expired code', async () => {
    const c = await newPortalCustomer(h());
    await post(h(), CODE, { accountNo: c.accountNo });
    const code = (await codeFromOutbox(h(), c.mobile))!;
    await h().db.query(
      `UPDATE portal_login_codes SET expires_at = now() - interval '1 second' WHERE account_no = $1`,
      [c.accountNo],
    );
    const res = await post(h(), LOGIN, { accountNo: c.accountNo, code });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('bad_code');
  });

  it('limits codes to one a minute and ten an hour per account, known or not; a new code replaces the old', async () => {
    const c = await newPortalCustomer(h());
    const backdate = (accountNo: string, interval: string) =>
      h().db.query(
        `UPDATE portal_login_codes SET created_at = created_at - $2::interval WHERE account_no = $1`,
        [accountNo, interval],
      );
    expect((await post(h(), CODE, { accountNo: c.accountNo })).statusCode).toBe(200);
    const first = (await codeFromOutbox(h(), c.mobile))!;
    const soon = await post(h(), CODE, { accountNo: c.accountNo });
    expect(soon.statusCode).toBe(429);
    expect(soon.json().error.code).toBe('rate_limited');
    expect(soon.json().error.retryAfterSeconds).toBeGreaterThan(0);
    expect(soon.json().error.retryAfterSeconds).toBeLessThanOrEqual(60);

    await backdate(c.accountNo, '61 seconds');
    expect((await post(h(), CODE, { accountNo: c.accountNo })).statusCode).toBe(200);
    const second = (await codeFromOutbox(h(), c.mobile))!;
    if (second !== first) {
      expect((await post(h(), LOGIN, { accountNo: c.accountNo, code: first })).statusCode).toBe(401);
    }
    expect((await post(h(), LOGIN, { accountNo: c.accountNo, code: second })).statusCode).toBe(200);

    // Ten in the hour (two so far): the eleventh waits for the hour, for a real and an unknown account alike.
    for (const accountNo of [c.accountNo, '8888888888']) {
      const already = accountNo === c.accountNo ? 2 : 0;
      for (let i = already; i < 10; i++) {
        await backdate(accountNo, '61 seconds');
        expect((await post(h(), CODE, { accountNo })).statusCode).toBe(200);
      }
      await backdate(accountNo, '61 seconds');
      const eleventh = await post(h(), CODE, { accountNo });
      expect(eleventh.statusCode).toBe(429);
      expect(eleventh.json().error.retryAfterSeconds).toBeGreaterThan(60);
      await backdate(accountNo, '1 hour');
      expect((await post(h(), CODE, { accountNo })).statusCode).toBe(200);
    }
  });

  it('keeps portal and staff sessions apart', async () => {
    const c = await newPortalCustomer(h());
    const portal = await portalLogin(h(), c);
    const portalToken = portal.split('=')[1];
    const staff = await h().loginAs('supervisor');
    const staffToken = staff.split('=')[1];

    // Staff sessions are refused on portal routes, as a cookie, as a bearer token, or under the portal name.
    for (const headers of [
      { cookie: staff },
      { authorization: `Bearer ${staffToken}` },
      { cookie: `gc_portal=${staffToken}` },
    ]) {
      const res = await h().app.inject({ method: 'GET', url: '/api/portal/me', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
    // Portal sessions are refused on staff routes, whichever way they are presented.
    for (const headers of [
      { cookie: portal },
      { cookie: `gc_session=${portalToken}` },
      { authorization: `Bearer ${portalToken}` },
    ]) {
      for (const url of ['/api/auth/me', '/api/customers', `/api/customers/${c.id}/overview`]) {
        const res = await h().app.inject({ method: 'GET', url, headers });
        expect(res.statusCode).toBe(401);
      }
    }
    // Both at once: each side reads only its own.
    const both = `${staff}; ${portal}`;
    expect((await portalApi(h(), both, 'GET', '/api/portal/me')).json().accountNo).toBe(c.accountNo);
    expect((await h().api(both, 'GET', '/api/auth/me')).json().username).toBe('supervisor');
    // The staff login still works as before.
    expect((await h().api(staff, 'GET', '/api/auth/me')).statusCode).toBe(200);
  });

  it('slides the 2-hour session, ends it when idle too long, and logs out', async () => {
    const c = await newPortalCustomer(h());
    const cookie = await portalLogin(h(), c);
    await h().db.query(
      `UPDATE portal_sessions SET last_seen_at = now() - interval '30 minutes', expires_at = now() + interval '90 minutes'
        WHERE customer_id = $1`,
      [c.id],
    );
    expect((await portalApi(h(), cookie, 'GET', '/api/portal/me')).statusCode).toBe(200);
    const slid = await h().db.query<{ left_minutes: number }>(
      `SELECT extract(epoch FROM expires_at - now()) / 60 AS left_minutes FROM portal_sessions WHERE customer_id = $1`,
      [c.id],
    );
    expect(Number(slid.rows[0].left_minutes)).toBeGreaterThan(110);

    await h().db.query(
      `UPDATE portal_sessions SET expires_at = now() - interval '1 second' WHERE customer_id = $1`,
      [c.id],
    );
    expect((await portalApi(h(), cookie, 'GET', '/api/portal/me')).statusCode).toBe(401);

    await h().db.query(`UPDATE portal_login_codes SET created_at = created_at - interval '2 minutes'`);
    const fresh = await portalLogin(h(), c);
    const out = await portalApi(h(), fresh, 'POST', '/api/portal/logout', {});
    expect(out.statusCode).toBe(200);
    expect((await portalApi(h(), fresh, 'GET', '/api/portal/me')).statusCode).toBe(401);
  });

  it('ends the session of a customer who is deactivated', async () => {
    const c = await newPortalCustomer(h());
    const cookie = await portalLogin(h(), c);
    await h().db.query(`UPDATE customers SET status = 'inactive' WHERE id = $1`, [c.id]);
    expect((await portalApi(h(), cookie, 'GET', '/api/portal/me')).statusCode).toBe(401);
    // No code goes out for it either (and the answer is the usual one).
    await h().db.query(
      `UPDATE portal_login_codes SET created_at = created_at - interval '2 hours' WHERE account_no = $1`,
      [c.accountNo],
    );
    const before = await codeFromOutbox(h(), c.mobile);
    expect((await post(h(), CODE, { accountNo: c.accountNo })).statusCode).toBe(200);
    const rows = await h().db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM portal_login_codes WHERE account_no = $1 AND code_hash IS NOT NULL`,
      [c.accountNo],
    );
    expect(rows.rows[0].n).toBe(1);
    expect(await codeFromOutbox(h(), c.mobile)).toBe(before);
  });

  it('tells a demo user where the SMS simulator lists codes, and says nothing when a real gateway is set', async () => {
    const c = await newPortalCustomer(h());
    const demo = await demoHint(h().db, { GRIDCARE_DEV_SMS_PORT: '3099' });
    expect(demo.smsInboxUrl).toBe('http://127.0.0.1:3099/messages');
    expect(demo.exampleAccountNo).toMatch(/^\d{10}$/);
    const holder = await h().db.query(
      `SELECT 1 FROM accounts a JOIN contacts ct ON ct.customer_id = a.customer_id AND ct.is_primary
        WHERE a.account_no = $1 AND ct.mobile IS NOT NULL`,
      [demo.exampleAccountNo],
    );
    expect(holder.rows).toHaveLength(1);
    expect(c.accountNo).toBeTruthy();
    expect(await demoHint(h().db, { SMS_GATEWAY_URL: 'https://sms.example.com' })).toEqual({
      smsInboxUrl: null,
      exampleAccountNo: null,
    });
    const res = await h().app.inject({ method: 'GET', url: '/api/portal/demo-hint' });
    expect(res.statusCode).toBe(200);
  });

  it('answers bad login input with 400 and field messages in the caller’s language, never 500', async () => {
    const cases: [string, unknown][] = [
      [CODE, {}],
      [CODE, { accountNo: '' }],
      [CODE, { accountNo: 'x'.repeat(100) }],
      [CODE, { accountNo: 3000000001 }],
      [CODE, { accountNo: "1' OR '1'='1" }],
      [LOGIN, { accountNo: '3000000001' }],
      [LOGIN, { accountNo: '3000000001', code: 'abcdef' }],
      [LOGIN, { accountNo: '3000000001', code: '1234567' }],
      [LOGIN, null],
    ];
    for (const [url, body] of cases) {
      const res = await post(h(), url, body);
      expect(res.statusCode, `${url} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json().error.code).toBe('validation');
    }
    const en = await post(h(), CODE, { accountNo: 'no!' }, { 'accept-language': 'en-US' });
    expect(en.json().error.details).toEqual([
      { path: 'body.accountNo', message: 'Enter the account number printed on your bill' },
    ]);
    const zh = await post(h(), LOGIN, { accountNo: '3000000001', code: '12' });
    expect(zh.json().error.details).toEqual([{ path: 'body.code', message: '验证码为 6 位数字' }]);
    const notJson = await h().app.inject({
      method: 'POST',
      url: CODE,
      payload: '{"accountNo":',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.statusCode).toBe(400);
  });
});
