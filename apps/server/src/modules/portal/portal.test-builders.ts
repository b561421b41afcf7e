// Test data and helpers for the portal suites: a customer with an account, the login code as the outbox
// holds it, a logged-in portal cookie, and staff actions on work orders through the staff API.
import type { LightMyRequestResponse } from 'fastify';
import type { Harness } from '../../test/harness';
import { buildCustomerInput, createCustomerVia } from '../customers/customers.test-builders';

export interface PortalTestCustomer {
  id: number;
  accountNo: string;
  mobile: string;
  name: string;
}

/** A residential customer (one contact with a mobile, one premise, one account) created by admin. */
export async function newPortalCustomer(h: Harness, officeIndex = 0): Promise<PortalTestCustomer> {
  const input = buildCustomerInput(h.org.officeIds[officeIndex], { name: '张建丰' });
  const mobile = input.contacts![0].mobile!;
  const created = await createCustomerVia(h, 'admin', input);
  const r = await h.db.query<{ account_no: string }>(
    `SELECT account_no FROM accounts WHERE customer_id = $1 ORDER BY id LIMIT 1`,
    [created.id],
  );
  return { id: created.id, accountNo: r.rows[0].account_no, mobile, name: input.name };
}

/** The code of the latest login SMS queued for a mobile, read from the outbox. */
export async function codeFromOutbox(h: Harness, mobile: string): Promise<string | null> {
  const r = await h.db.query<{ code: string }>(
    `SELECT variables->>'code' AS code FROM notification_outbox
      WHERE event = 'portal.verification_code' AND recipient_address = $1
      ORDER BY id DESC LIMIT 1`,
    [mobile],
  );
  return r.rows[0]?.code ?? null;
}

export function post(h: Harness, url: string, body: unknown, headers: Record<string, string> = {}) {
  return h.app.inject({ method: 'POST', url, payload: body as never, headers });
}

export function portalCookieOf(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'gc_portal');
  if (!c) throw new Error(`no gc_portal cookie: ${res.statusCode} ${res.body}`);
  return `gc_portal=${c.value}`;
}

/** Asks for a code, takes it from the outbox and logs in; answers the portal cookie header. */
export async function portalLogin(h: Harness, c: PortalTestCustomer): Promise<string> {
  const sent = await post(h, '/api/portal/login/code', { accountNo: c.accountNo });
  if (sent.statusCode !== 200) throw new Error(`code: ${sent.statusCode} ${sent.body}`);
  const code = await codeFromOutbox(h, c.mobile);
  const res = await post(h, '/api/portal/login', { accountNo: c.accountNo, code });
  if (res.statusCode !== 200) throw new Error(`portal login: ${res.statusCode} ${res.body}`);
  return portalCookieOf(res);
}

export function portalApi(
  h: Harness,
  cookie: string,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return h.app.inject({ method, url, payload: body as never, headers: { cookie, ...headers } });
}

/** A staff action on an order at its current version (take, transfer, reply, …). */
export async function staffAct(h: Harness, user: string, orderId: number, body: Record<string, unknown>) {
  const cookie = await h.loginAs(user);
  const current = await h.api(cookie, 'GET', `/api/workorders/${orderId}`);
  const res = await h.api(cookie, 'POST', `/api/workorders/${orderId}/actions`, {
    version: current.json().version,
    ...body,
  });
  if (res.statusCode !== 200) throw new Error(`${String(body.action)}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** The staff view of an order found by its case number. */
export async function staffOrder(h: Harness, caseNo: string) {
  const cookie = await h.loginAs('supervisor');
  const list = await h.api(cookie, 'GET', `/api/workorders?q=${caseNo}`);
  const hit = list.json().items.find((o: { caseNo: string }) => o.caseNo === caseNo);
  return (await h.api(cookie, 'GET', `/api/workorders/${hit.id}`)).json();
}

export async function unitIdOf(h: Harness, code: string): Promise<number> {
  const r = await h.db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = $1`, [code]);
  return r.rows[0].id;
}
