import { afterAll, describe, expect, it } from 'vitest';
import { maskPhone } from '@gridcare/domain';
import { buildApp } from '../../app';
import { openPostgres } from '../../platform/db/db';
import { createHarness, describeEachDatabase, type Harness } from '../../test/harness';
import { buildCustomerInput, buildMobile, createCustomerVia } from '../customers/customers.test-builders';
import { openSse, type SseClient } from './sse.test-client';
import { ringOptions, simulateCall } from './softphone-cli';
import { DEV_TELEPHONY_KEY } from './telephony-config';

// Heartbeats every 200 ms so a test sees one without waiting; read when the app registers its routes.
process.env.TELEPHONY_HEARTBEAT_MS = '200';

const KEY = { 'x-telephony-key': DEV_TELEPHONY_KEY };

interface PopBody {
  callId: string;
  event: string;
  callerNumber: string;
  customers: { id: number; name: string; phone: string | null; orgUnitId: number }[];
  more: boolean;
}

async function listen(h: Harness): Promise<string> {
  const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
  return address;
}

async function ring(h: Harness, body: Record<string, unknown>) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/telephony/events',
    headers: KEY,
    payload: { calledNumber: '95598', at: new Date().toISOString(), ...body },
  });
  expect(res.statusCode).toBe(200);
  return res.json() as { duplicate: boolean; notifiedAgent: boolean };
}

describeEachDatabase('screen pop over server-sent events', (h) => {
  let base = '';
  const streams: SseClient[] = [];
  const open = async (cookie: string) => {
    if (!base) base = await listen(h());
    const s = await openSse(base, '/api/telephony/stream', { cookie });
    streams.push(s);
    return s;
  };
  afterAll(() => streams.forEach((s) => s.close()));

  it('pops the caller’s customers at the agent it rings at, masked and within his scope', async () => {
    const { officeIds, officeBranch, branchIds } = h().org;
    const east = officeIds.find((o) => officeBranch.get(o) === branchIds[0])!;
    const west = officeIds.find((o) => officeBranch.get(o) === branchIds[1])!;
    const mobile = buildMobile();
    const a = await createCustomerVia(h(), 'supervisor', buildCustomerInput(east, { name: '弹屏客户甲' }));
    await h().api(await h().loginAs('supervisor'), 'POST', `/api/customers/${a.id}/contacts`, {
      name: '甲联系人',
      role: 'other',
      mobile,
    });
    const b = await createCustomerVia(
      h(),
      'supervisor',
      buildCustomerInput(west, {
        name: '弹屏客户乙',
        contacts: [{ name: '乙联系人', role: 'other', mobile, isPrimary: true }],
      }),
    );

    // The company-wide agent (no pii:view) sees both, phone numbers masked.
    const agentStream = await open(await h().loginAs('agent'));
    expect(agentStream.status).toBe(200);
    expect((await agentStream.next()).event).toBe('ready');
    const callId = `pop-${h().kind}-1`;
    expect(
      await ring(h(), { callId, event: 'ringing', callerNumber: `+86 ${mobile}`, agentLogin: 'agent' }),
    ).toEqual({
      callId,
      duplicate: false,
      notifiedAgent: true,
    });
    const pop = (await agentStream.nextNamed('screen-pop')).data as PopBody;
    expect(pop).toMatchObject({ callId, event: 'ringing', callerNumber: `+86 ${mobile}`, more: false });
    expect(pop.customers.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    const shownB = pop.customers.find((c) => c.id === b.id)!;
    expect(shownB.phone).toBe(maskPhone(mobile));

    // A retried "ringing" pops nothing; the next pop is the answer.
    expect(
      (await ring(h(), { callId, event: 'ringing', callerNumber: mobile, agentLogin: 'agent' })).duplicate,
    ).toBe(true);
    await ring(h(), { callId, event: 'answered', callerNumber: mobile, agentLogin: 'agent' });
    const answered = await agentStream.nextNamed('screen-pop');
    expect(answered.id).toBe(`${callId}:answered`);
    await ring(h(), { callId, event: 'ended', callerNumber: mobile, agentLogin: 'agent' });
    expect((await agentStream.nextNamed('call-status')).data).toMatchObject({ callId, event: 'ended' });

    // The branch-1 manager (pii:view, scope branch 1) sees only customer A, unmasked, and the view is audited.
    const managerStream = await open(await h().loginAs('manager'));
    await managerStream.nextNamed('ready');
    await ring(h(), {
      callId: `pop-${h().kind}-2`,
      event: 'ringing',
      callerNumber: mobile,
      agentLogin: 'manager',
    });
    const managerPop = (await managerStream.nextNamed('screen-pop')).data as PopBody;
    expect(managerPop.customers.map((c) => c.id)).toEqual([a.id]);
    const audit = await h().db.query<{ after: { what: string } }>(
      `SELECT after FROM audit_log WHERE action = 'view_pii' AND actor_id = $1 AND entity_id = $2`,
      [h().org.userIds.manager, String(a.id)],
    );
    expect(audit.rows.map((r) => r.after.what)).toContain('customer_search');
  });

  it('sends each agent only his own calls, and an unknown number pops with no customers', async () => {
    const agentStream = await open(await h().loginAs('agent'));
    await agentStream.nextNamed('ready');
    await ring(h(), {
      callId: `pop-${h().kind}-other`,
      event: 'ringing',
      callerNumber: '13912345678',
      agentLogin: 'supervisor',
    });
    await ring(h(), {
      callId: `pop-${h().kind}-mine`,
      event: 'ringing',
      callerNumber: '13700000001',
      agentLogin: 'agent',
    });
    const pop = (await agentStream.nextNamed('screen-pop')).data as PopBody;
    expect(pop).toMatchObject({ callId: `pop-${h().kind}-mine`, customers: [], more: false });
    await ring(h(), {
      callId: `pop-${h().kind}-land`,
      event: 'ringing',
      callerNumber: '0791-86541234',
      agentLogin: 'agent',
    });
    expect((await agentStream.nextNamed('screen-pop')).data).toMatchObject({ callerNumber: '0791-86541234' });
  });

  it('keeps one stream per agent: a second one replaces the first', async () => {
    const cookie = await h().loginAs('agent');
    const first = await open(cookie);
    await first.nextNamed('ready');
    const second = await open(cookie);
    await second.nextNamed('ready');
    await first.nextNamed('replaced');
    await first.ended;
    await ring(h(), {
      callId: `pop-${h().kind}-replaced`,
      event: 'ringing',
      callerNumber: '13700000002',
      agentLogin: 'agent',
    });
    expect(((await second.nextNamed('screen-pop')).data as PopBody).callId).toBe(`pop-${h().kind}-replaced`);
  });

  it('sends heartbeats and ends the stream when the session is logged out', async () => {
    const login = await h().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'supervisor', password: 'GridCare@2026' },
    });
    const cookie = `gc_session=${login.json().token}`;
    const stream = await open(cookie);
    await stream.nextNamed('ready');
    expect((await stream.nextNamed(':comment')).data).toBe('heartbeat');
    expect((await h().api(cookie, 'POST', '/api/auth/logout')).statusCode).toBeLessThan(300);
    await stream.nextNamed('logout');
    await stream.ended;
  });

  it('the softphone simulator rings, answers and hangs up through the same intake', async () => {
    const agentStream = await open(await h().loginAs('agent'));
    await agentStream.nextNamed('ready');
    const lines: string[] = [];
    const options = ringOptions(
      [
        '--caller',
        '13700000009',
        '--agent',
        'agent',
        '--answer-after',
        '0',
        '--hang-up-after',
        '0',
        '--url',
        base,
      ],
      {},
    );
    expect(options).toMatchObject({
      key: DEV_TELEPHONY_KEY,
      called: '95598',
      answerAfter: 0,
      hangUpAfter: 0,
    });
    const callId = await simulateCall(options, (l) => lines.push(l));
    expect(((await agentStream.nextNamed('screen-pop')).data as PopBody).event).toBe('ringing');
    expect(((await agentStream.nextNamed('screen-pop')).data as PopBody).event).toBe('answered');
    expect((await agentStream.nextNamed('call-status')).data).toMatchObject({ callId, event: 'ended' });
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['ringing', 'answered', 'ended']);
    const row = await h().db.query<{ answered_at: string | null; ended_at: string | null }>(
      `SELECT answered_at, ended_at FROM call_records WHERE call_id = $1`,
      [callId],
    );
    expect(row.rows[0].answered_at).not.toBeNull();
    expect(row.rows[0].ended_at).not.toBeNull();
    expect(() => ringOptions(['--agent', 'agent'], {})).toThrow(/usage: npm run cli -- telephony:ring/);
    expect(() => ringOptions(['--caller', '1', '--answer-after', 'soon'], {})).toThrow(/--answer-after/);
    expect(ringOptions(['--caller', '1'], { PORT: '4000', TELEPHONY_KEY: 'k' })).toMatchObject({
      baseUrl: 'http://localhost:4000',
      key: 'k',
      agent: null,
      answerAfter: null,
    });
  });

  it('needs a session with workorder:create', async () => {
    if (!base) base = await listen(h());
    const anonymous = await openSse(base, '/api/telephony/stream', {});
    expect(anonymous.status).toBe(401);
    anonymous.close();
    const auditor = await openSse(base, '/api/telephony/stream', { cookie: await h().loginAs('auditor') });
    expect(auditor.status).toBe(403);
    auditor.close();
  });
});

// Several API processes share one PostgreSQL: the event may arrive at one process while the agent's
// stream is held by another. LISTEN/NOTIFY carries it across.
if (process.env.TEST_DATABASE_URL) {
  describe('screen pop across two server processes on one PostgreSQL', () => {
    let h: Harness;
    let other: Awaited<ReturnType<typeof buildApp>> | null = null;
    afterAll(async () => {
      await other?.close();
      await h?.app.close();
      await h?.testDb.destroy();
    });

    it('an event received by one process pops in the stream held by the other', async () => {
      h = await createHarness('postgres');
      const secondDb = openPostgres(h.testDb.url!);
      other = await buildApp({ db: secondDb });
      other.addHook('onClose', () => secondDb.close());
      const address = await other.listen({ port: 0, host: '127.0.0.1' });
      const stream = await openSse(address, '/api/telephony/stream', { cookie: await h.loginAs('agent') });
      await stream.nextNamed('ready');
      await ring(h, {
        callId: 'cross-process-1',
        event: 'ringing',
        callerNumber: '13700000003',
        agentLogin: 'agent',
      });
      expect(((await stream.nextNamed('screen-pop')).data as PopBody).callId).toBe('cross-process-1');
      stream.close();
    });
  });
}
