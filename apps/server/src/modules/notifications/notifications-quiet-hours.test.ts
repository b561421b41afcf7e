import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness';
import type { ChannelAdapter, ChannelAdapters } from './channels/channel';
import { DeliveryFailure } from './channels/channel';
import { deliverDueNotifications } from './delivery.worker';
import { enqueueNotification, enqueueNotifications } from './notifications.outbox';
import {
  acceptedNotice,
  at,
  insertTestContact,
  insertTestCustomer,
  outboxRows,
  settleOutbox,
} from './notifications.test-builders';

// Times in Asia/Shanghai (+08:00).
const sh = (local: string) => new Date(`${local}+08:00`);
const NIGHT = sh('2026-11-23T23:00:00');
const MORNING = sh('2026-11-24T08:00:00');

/** An SMS adapter that records what it sent, or fails while `failing` is set. */
function recordingSms(): ChannelAdapter & { sent: number[]; failing: boolean } {
  const adapter = {
    channel: 'sms' as const,
    sent: [] as number[],
    failing: false,
    async send(m: { id: number }) {
      if (adapter.failing) throw new DeliveryFailure('gateway down');
      adapter.sent.push(m.id);
      return { providerMessageId: `rec-${m.id}` };
    },
  };
  return adapter;
}

describeEachDatabase('quiet hours and expiring messages', (h) => {
  let sms: ReturnType<typeof recordingSms>;
  let channels: ChannelAdapters;
  beforeEach(async () => {
    await settleOutbox(h().db);
    sms = recordingSms();
    channels = { sms };
  });

  it('holds an SMS due at 23:00 until 08:00 the next morning', async () => {
    const [id] = await enqueueNotification(h().db, acceptedNotice({ channels: ['sms'] }), { now: NIGHT });
    const [row] = await outboxRows(h().db, [id]);
    expect(new Date(row.next_attempt_at!)).toEqual(MORNING);
    expect((await deliverDueNotifications(h().db, channels, { now: NIGHT })).claimed).toBe(0);
    expect((await deliverDueNotifications(h().db, channels, { now: at(MORNING, -1) })).claimed).toBe(0);
    await deliverDueNotifications(h().db, channels, { now: MORNING });
    expect(sms.sent).toEqual([id]);
  });

  it('sends a safety-critical notice at once, in quiet hours too', async () => {
    const [id] = await enqueueNotification(
      h().db,
      acceptedNotice({ channels: ['sms'], safetyCritical: true }),
      {
        now: NIGHT,
      },
    );
    const [row] = await outboxRows(h().db, [id]);
    expect(row.safety_critical).toBe(true);
    expect(new Date(row.next_attempt_at!)).toEqual(NIGHT);
    await deliverDueNotifications(h().db, channels, { now: NIGHT });
    expect(sms.sent).toEqual([id]);
  });

  it('follows a contact’s own quiet hours and channel choice over the customer’s', async () => {
    const customerId = await insertTestCustomer(h().db, { orgUnitId: h().org.officeIds[0] });
    const contactId = await insertTestContact(h().db, customerId);
    await h().db.query(
      `INSERT INTO contact_preferences(customer_id, contact_id, org_unit_id, channels, quiet_start, quiet_end)
       SELECT id, NULL::bigint, org_unit_id, ARRAY['sms'], '20:00', '09:00' FROM customers WHERE id = $1
       UNION ALL
       SELECT id, $2::bigint, org_unit_id, ARRAY['sms','email'], '23:30', '06:00' FROM customers WHERE id = $1`,
      [customerId, contactId],
    );
    const recipient = { customerId, contactId, mobile: '13800138000', email: 'c@example.com' };
    // 23:00 lies outside the contact's 23:30–06:00 window, though inside the customer's 20:00–09:00.
    const ids = await enqueueNotification(h().db, acceptedNotice({ recipient }), { now: NIGHT });
    const rows = await outboxRows(h().db, ids);
    expect(rows.map((r) => r.channel)).toEqual(['sms', 'email']);
    expect(rows.every((r) => new Date(r.next_attempt_at!).getTime() === NIGHT.getTime())).toBe(true);

    // The customer-wide preference applies to the customer's other recipients: SMS only, held till 09:00.
    const other = await enqueueNotification(
      h().db,
      acceptedNotice({ recipient: { customerId, mobile: '13800138001', email: 'd@example.com' } }),
      { now: NIGHT },
    );
    const [held] = await outboxRows(h().db, other);
    expect(other).toHaveLength(1);
    expect(held.channel).toBe('sms');
    expect(new Date(held.next_attempt_at!)).toEqual(sh('2026-11-24T09:00:00'));
  });

  it('applies each recipient’s preferences when many notices are queued together', async () => {
    const customerId = await insertTestCustomer(h().db, { orgUnitId: h().org.officeIds[0] });
    const contactId = await insertTestContact(h().db, customerId);
    const plain = await insertTestCustomer(h().db, { orgUnitId: h().org.officeIds[0] });
    await h().db.query(
      `INSERT INTO contact_preferences(customer_id, contact_id, org_unit_id, channels, quiet_start, quiet_end)
       SELECT id, NULL::bigint, org_unit_id, ARRAY['sms'], '20:00', '09:00' FROM customers WHERE id = $1
       UNION ALL
       SELECT id, $2::bigint, org_unit_id, ARRAY['sms','email'], '23:30', '06:00' FROM customers WHERE id = $1`,
      [customerId, contactId],
    );
    const notices = [
      acceptedNotice({ recipient: { customerId, contactId, mobile: '13800138000', email: 'c@example.com' } }),
      acceptedNotice({ recipient: { customerId, mobile: '13800138001', email: 'd@example.com' } }),
      acceptedNotice({ recipient: { contactId, mobile: '13800138002', email: 'e@example.com' } }),
      acceptedNotice({ recipient: { customerId: plain, mobile: '13800138003', email: 'f@example.com' } }),
    ];
    await enqueueNotifications(h().db, notices, { now: NIGHT });
    const rows = (
      await h().db.query<{ entity_id: string; channel: string; next_attempt_at: string }>(
        `SELECT entity_id, channel, next_attempt_at FROM notification_outbox
          WHERE entity_id = ANY($1::text[]) ORDER BY entity_id::int, channel`,
        [notices.map((n) => String(n.entityId))],
      )
    ).rows.map((r) => [Number(r.entity_id), r.channel, new Date(r.next_attempt_at).toISOString()]);
    const [a, b, c, d] = notices.map((n) => Number(n.entityId));
    expect(rows).toEqual([
      // The contact's own choice (SMS and email) and window (23:30–06:00): 23:00 is outside it.
      [a, 'email', NIGHT.toISOString()],
      [a, 'sms', NIGHT.toISOString()],
      // The customer-wide row: SMS only, held till 09:00.
      [b, 'sms', sh('2026-11-24T09:00:00').toISOString()],
      // The contact named alone: its own row still applies.
      [c, 'email', NIGHT.toISOString()],
      [c, 'sms', NIGHT.toISOString()],
      // No preferences: both channels, held by the default quiet hours (22:00–08:00) till 08:00.
      [d, 'email', MORNING.toISOString()],
      [d, 'sms', MORNING.toISOString()],
    ]);
  });

  it('sends a portal login code at once even at night, and states its validity', async () => {
    const [id] = await enqueueNotification(
      h().db,
      {
        event: 'portal.verification_code',
        channels: ['sms'],
        recipient: { mobile: '13800138000' },
        variables: { code: '482913', minutes: 5 },
        orgUnitId: null,
      },
      { now: NIGHT },
    );
    const [row] = await outboxRows(h().db, [id]);
    expect(row.body).toBe('您的网上营业厅登录验证码为482913，5分钟内有效。请勿将验证码告知他人。');
    expect(new Date(row.next_attempt_at!)).toEqual(NIGHT);
    expect(new Date(row.expires_at!)).toEqual(at(NIGHT, 5));
    await deliverDueNotifications(h().db, channels, { now: NIGHT });
    expect(sms.sent).toEqual([id]);
  });

  it('never retries a login code after its validity', async () => {
    sms.failing = true;
    const [id] = await enqueueNotification(
      h().db,
      {
        event: 'portal.verification_code',
        recipient: { mobile: '13800138000' },
        channels: ['sms'],
        variables: { code: '111222', minutes: 5 },
        orgUnitId: null,
      },
      { now: NIGHT },
    );
    await deliverDueNotifications(h().db, channels, { now: NIGHT }); // fails; retry in 1 min
    let [row] = await outboxRows(h().db, [id]);
    expect(row.status).toBe('failed');
    await deliverDueNotifications(h().db, channels, { now: at(NIGHT, 1) }); // fails; next would be at +6 > +5
    [row] = await outboxRows(h().db, [id]);
    expect(row).toMatchObject({ status: 'dead', attempts: 2, next_attempt_at: null });
    expect(row.last_error).toContain('expired');
  });

  it('drops a login code that waited past its validity without sending it', async () => {
    const [id] = await enqueueNotification(
      h().db,
      {
        event: 'portal.verification_code',
        recipient: { mobile: '13800138000' },
        channels: ['sms'],
        variables: { code: '333444', minutes: 5 },
        orgUnitId: null,
      },
      { now: NIGHT },
    );
    await deliverDueNotifications(h().db, channels, { now: at(NIGHT, 10) });
    const [row] = await outboxRows(h().db, [id]);
    expect(row.status).toBe('dead');
    expect(sms.sent).toEqual([]);
  });
});
