import { expect, it } from 'vitest';
import { answerRate } from '@gridcare/domain';
import { createUser } from '../../../seed/org-seed';
import { describeEachDatabase } from '../../test/harness';
import { DEV_TELEPHONY_KEY } from './telephony-config';

const KEY = { 'x-telephony-key': DEV_TELEPHONY_KEY };
const DAY = '2026-03-02';
/** Seconds after 09:00 Beijing time on DAY. */
const t = (s: number) => new Date(Date.parse(`${DAY}T09:00:00+08:00`) + s * 1000).toISOString();

describeEachDatabase('telephony intake and answer rate', (h) => {
  const post = (body: unknown, headers: Record<string, string> = KEY) =>
    h().app.inject({ method: 'POST', url: '/api/telephony/events', payload: body as object, headers });
  const event = (callId: string, e: string, at: string, extra: Record<string, unknown> = {}) => ({
    callId,
    event: e,
    at,
    callerNumber: '13800138000',
    calledNumber: '95598',
    ...extra,
  });

  it('takes events only with the telephony key, without a user session', async () => {
    const body = event(`key-${h().kind}`, 'ringing', t(0));
    expect((await post(body, {})).statusCode).toBe(401);
    const wrong = await post(body, { 'x-telephony-key': 'guess' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('unauthenticated');
    expect((await post(body)).statusCode).toBe(200);
  });

  it('keeps one row per call with each event’s time, and ignores a repeated event', async () => {
    const callId = `call-${h().kind}-1`;
    const first = await post(event(callId, 'ringing', t(0), { agentLogin: 'agent', queue: '95598-居民' }));
    expect(first.json()).toEqual({ callId, duplicate: false, notifiedAgent: true });
    const repeat = await post(event(callId, 'ringing', t(1), { agentLogin: 'agent' }));
    expect(repeat.json()).toEqual({ callId, duplicate: true, notifiedAgent: false });
    // Events may arrive out of order: "ended" before "answered".
    await post(event(callId, 'ended', t(200), { agentLogin: 'agent' }));
    await post(event(callId, 'answered', t(12), { agentLogin: 'agent' }));
    const row = await h().db.query(
      `SELECT caller_number, called_number, queue, agent_login, agent_user_id, org_unit_id,
              ringing_at, answered_at, abandoned_at, ended_at FROM call_records WHERE call_id = $1`,
      [callId],
    );
    expect(row.rows).toEqual([
      {
        caller_number: '13800138000',
        called_number: '95598',
        queue: '95598-居民',
        agent_login: 'agent',
        agent_user_id: h().org.userIds.agent,
        org_unit_id: h().org.companyId,
        ringing_at: t(0),
        answered_at: t(12),
        abandoned_at: null,
        ended_at: t(200),
      },
    ]);
    const events = await h().db.query<{ event: string }>(
      `SELECT event FROM call_events WHERE call_id = $1 ORDER BY id`,
      [callId],
    );
    expect(events.rows.map((e) => e.event)).toEqual(['ringing', 'ended', 'answered']);
    const audit = await h().db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'call_record' AND entity_id = $1 ORDER BY id`,
      [callId],
    );
    expect(audit.rows.map((a) => a.action)).toEqual(['call.ringing', 'call.ended', 'call.answered']);
  });

  it('files a call under the answering agent’s unit, or the company when no known agent took it', async () => {
    const { branchIds } = h().org;
    await createUser(h().db, {
      username: `seat_e_${h().kind}`,
      displayName: '东湖坐席',
      roles: [{ role: 'cs_agent', orgUnitId: branchIds[0] }],
    });
    const callId = `call-${h().kind}-unit`;
    await post(event(callId, 'ringing', t(0), { queue: 'q1' }));
    await post(event(callId, 'answered', t(4), { agentLogin: `seat_e_${h().kind}` }));
    const stranger = `call-${h().kind}-stranger`;
    const r = await post(event(stranger, 'ringing', t(0), { agentLogin: 'nobody-here' }));
    expect(r.json().notifiedAgent).toBe(false);
    const rows = await h().db.query<{ call_id: string; org_unit_id: number; agent_user_id: number | null }>(
      `SELECT call_id, org_unit_id, agent_user_id FROM call_records WHERE call_id = ANY($1) ORDER BY call_id`,
      [[callId, stranger]],
    );
    expect(rows.rows.map((x) => [x.call_id, x.org_unit_id, x.agent_user_id === null])).toEqual([
      [stranger, h().org.companyId, true],
      [callId, branchIds[0], false],
    ]);
  });

  it('computes the answered-within-3-rings rate in SQL exactly as the domain rule does', async () => {
    const { branchIds } = h().org;
    const seats = { east: `seat_ar_e_${h().kind}`, west: `seat_ar_w_${h().kind}` };
    await createUser(h().db, {
      username: seats.east,
      displayName: '东湖坐席二',
      roles: [{ role: 'cs_agent', orgUnitId: branchIds[0] }],
    });
    await createUser(h().db, {
      username: seats.west,
      displayName: '西山坐席',
      roles: [{ role: 'cs_agent', orgUnitId: branchIds[1] }],
    });
    const day = '2026-04-07';
    const at = (s: number) => new Date(Date.parse(`${day}T10:00:00+08:00`) + s * 1000).toISOString();
    // [ring offset, answered after (s) or null, abandoned after (s) or null, seat]
    const calls: [number, number | null, number | null, string][] = [
      [0, 3, null, seats.east],
      [10, 15, null, seats.east], // exactly three rings
      [20, 15.5, null, seats.east],
      [30, 40, null, seats.west],
      [40, null, 6, seats.east],
      [50, null, 30, seats.west],
      [60, null, null, seats.west], // still ringing when counted
      [70, 14.999, null, seats.west],
      [86_400 * 2, 1, null, seats.east], // two days later: outside the day
    ];
    let n = 0;
    for (const [offset, answered, abandoned, seat] of calls) {
      const callId = `ar-${h().kind}-${++n}`;
      await post(event(callId, 'ringing', at(offset), { agentLogin: seat }));
      if (answered !== null)
        await post(event(callId, 'answered', at(offset + answered), { agentLogin: seat }));
      if (abandoned !== null) await post(event(callId, 'abandoned', at(offset + abandoned)));
    }
    const supervisor = await h().loginAs('supervisor');
    const fromDb = async (orgUnitIds: number[]) =>
      (
        await h().db.query<{ ringingAt: string; answeredAt: string | null; abandonedAt: string | null }>(
          `SELECT ringing_at AS "ringingAt", answered_at AS "answeredAt", abandoned_at AS "abandonedAt"
             FROM call_records WHERE call_id LIKE $1 AND org_unit_id = ANY($2::bigint[])
              AND ringing_at >= $3 AND ringing_at < $4`,
          [`ar-${h().kind}-%`, orgUnitIds, `${day}T00:00:00+08:00`, `${day}T24:00:00+08:00`],
        )
      ).rows;
    const allUnits = (await h().db.query<{ id: number }>('SELECT id FROM org_units')).rows.map((r) => r.id);
    for (const seconds of [10, 15, 16]) {
      const res = await h().api(
        supervisor,
        'GET',
        `/api/telephony/answer-rate?from=${day}&to=${day}&withinSeconds=${seconds}`,
      );
      expect(res.statusCode).toBe(200);
      const { from, to, withinSeconds, ...figures } = res.json();
      expect({ from, to, withinSeconds }).toEqual({
        from: '2026-04-06T16:00:00.000Z',
        to: '2026-04-07T16:00:00.000Z',
        withinSeconds: seconds,
      });
      // Only this test's calls rang on that day.
      expect(figures).toEqual(answerRate(await fromDb(allUnits), seconds));
    }
    const fifteen = (
      await h().api(supervisor, 'GET', `/api/telephony/answer-rate?from=${day}&to=${day}`)
    ).json();
    expect(fifteen).toMatchObject({ offered: 8, answered: 5, answeredInTime: 3, abandoned: 2, rate: 3 / 8 });

    const branch1 = await h().api(
      supervisor,
      'GET',
      `/api/telephony/answer-rate?from=${day}T00:00:00%2B08:00&to=${day}T23:59:59%2B08:00&orgUnitId=${branchIds[0]}`,
    );
    const { from: _f, to: _t, withinSeconds: _w, ...b1 } = branch1.json();
    expect(b1).toEqual(answerRate(await fromDb([branchIds[0]])));
    expect(b1).toMatchObject({ offered: 4, answeredInTime: 2, abandoned: 1, rate: 0.5 });
    // A branch supervisor sees his branch only; another branch is not found.
    const west = await h().loginAs('west');
    const westRate = (await h().api(west, 'GET', `/api/telephony/answer-rate?from=${day}&to=${day}`)).json();
    expect(westRate).toMatchObject({ offered: 4, answered: 2, answeredInTime: 1, abandoned: 1, rate: 0.25 });
    const outside = await h().api(
      west,
      'GET',
      `/api/telephony/answer-rate?from=${day}&to=${day}&orgUnitId=${branchIds[0]}`,
    );
    expect(outside.statusCode).toBe(404);
    const empty = (
      await h().api(supervisor, 'GET', '/api/telephony/answer-rate?from=2020-01-01&to=2020-01-01')
    ).json();
    expect(empty).toMatchObject({ offered: 0, rate: null });
    expect(
      (await h().api(await h().loginAs('agent'), 'GET', `/api/telephony/answer-rate?from=${day}&to=${day}`))
        .statusCode,
    ).toBe(403);
  });

  it('answers bad input with 400 and field messages, never 500', async () => {
    const supervisor = await h().loginAs('supervisor');
    const backwards = await h().api(
      supervisor,
      'GET',
      '/api/telephony/answer-rate?from=2026-05-02&to=2026-05-01',
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details).toEqual([
      { path: 'querystring.to', message: '结束时间必须晚于开始时间' },
    ]);
    const badNumber = await post(event('bad-1', 'ringing', t(0), { callerNumber: '138-abc' }), {
      ...KEY,
      'accept-language': 'en-US',
    });
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.json().error.details).toEqual([
      { path: 'body.callerNumber', message: 'Phone number has the wrong format' },
    ]);
    const bodies: unknown[] = [
      event('bad-2', 'transferred', t(0)),
      event('bad id with spaces', 'ringing', t(0)),
      event('bad-3', 'ringing', 'yesterday'),
      { callId: 'bad-4', event: 'ringing', at: t(0), calledNumber: '95598' },
      event('bad-5', 'ringing', t(0), { agentLogin: '' }),
    ];
    for (const body of bodies) {
      const res = await post(body);
      expect({ body, status: res.statusCode }).toEqual({ body, status: 400 });
    }
    const malformed = await h().app.inject({
      method: 'POST',
      url: '/api/telephony/events',
      payload: '{"callId": "bad-6",',
      headers: { ...KEY, 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    for (const qs of [
      'from=2026-01-01',
      'from=x&to=y',
      'from=2026-01-01&to=2026-01-02&withinSeconds=0',
      'from=2026-01-01&to=2026-01-02&orgUnitId=abc',
    ]) {
      const res = await h().api(supervisor, 'GET', `/api/telephony/answer-rate?${qs}`);
      expect({ qs, status: res.statusCode }).toEqual({ qs, status: 400 });
    }
  });
});
