import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  startMailCatcher,
  startSmsGatewaySimulator,
  type MailCatcher,
  type SmsGatewaySimulator,
} from '@gridcare/sms-gateway-sim';
import { describeEachDatabase } from '../../test/harness';
import type { ChannelAdapters } from './channels/channel';
import { inAppChannel } from './channels/in-app.channel';
import { createSmsGatewayChannel } from './channels/sms-gateway.channel';
import { createSmtpChannel } from './channels/smtp.channel';
import { deliverDueNotifications } from './delivery.worker';
import { enqueueNotification } from './notifications.outbox';
import { DEV_SMS_APP_KEY, DEV_SMS_APP_SECRET } from './notifications.config';
import { claimDueMessages } from './outbox.repository';
import { acceptedNotice, at, outboxRows, settleOutbox } from './notifications.test-builders';

// 14:00 in Shanghai: outside quiet hours.
const T0 = new Date('2026-11-23T06:00:00Z');

describeEachDatabase('notification delivery', (h) => {
  let mail: MailCatcher;
  let sim: SmsGatewaySimulator;
  let channels: ChannelAdapters;
  let closeSmtp: () => void;

  beforeAll(async () => {
    mail = await startMailCatcher();
    sim = await startSmsGatewaySimulator({ appKey: DEV_SMS_APP_KEY, appSecret: DEV_SMS_APP_SECRET });
    const smtp = createSmtpChannel({ url: mail.url, from: '"国网示例市供电公司" <noreply@gridcare.local>' });
    closeSmtp = () => smtp.close();
    channels = {
      in_app: inAppChannel,
      email: smtp,
      sms: createSmsGatewayChannel({
        baseUrl: sim.url,
        appKey: DEV_SMS_APP_KEY,
        appSecret: DEV_SMS_APP_SECRET,
        signName: '【国网示例市供电公司】',
      }),
    };
  });
  afterAll(async () => {
    closeSmtp?.();
    await sim?.close();
    await mail?.close();
  });
  beforeEach(async () => {
    await settleOutbox(h().db);
    sim.failNext(0);
  });

  it('sends an email through a real SMTP server', async () => {
    const ids = await enqueueNotification(h().db, acceptedNotice({ channels: ['email'] }), { now: T0 });
    const run = await deliverDueNotifications(h().db, channels, { now: T0 });
    expect(run).toMatchObject({ claimed: 1, sent: 1 });
    const [row] = await outboxRows(h().db, ids);
    expect(row.status).toBe('sent');
    const caught = mail.mails().find((m) => m.messageId === row.provider_message_id);
    expect(caught).toBeDefined();
    expect(caught!.envelopeTo).toEqual(['zhang.san@example.com']);
    expect(caught!.subject).toBe(row.subject);
    expect(caught!.text?.trim()).toBe(row.body);
    expect(caught!.html).toContain('尊敬的张三');
  });

  it('sends an SMS through the gateway simulator over HTTP with a signature it accepts', async () => {
    const ids = await enqueueNotification(h().db, acceptedNotice({ channels: ['sms'] }), { now: T0 });
    await deliverDueNotifications(h().db, channels, { now: T0 });
    const [row] = await outboxRows(h().db, ids);
    expect(row.status).toBe('sent');
    const received = sim.messages().find((m) => m.messageId === row.provider_message_id);
    expect(received).toMatchObject({
      mobile: '13800138000',
      signName: '【国网示例市供电公司】',
      templateCode: 'GC_WORKORDER_ACCEPTED_ZH',
      outId: String(row.id),
      params: { orderNo: row.variables.orderNo, orderType: '故障报修', customerName: '张三' },
    });
  });

  it('retries with backoff after the gateway fails twice, then sends', async () => {
    sim.failNext(2);
    const [id] = await enqueueNotification(h().db, acceptedNotice({ channels: ['sms'] }), { now: T0 });
    expect(await deliverDueNotifications(h().db, channels, { now: T0 })).toMatchObject({ failed: 1 });
    let [row] = await outboxRows(h().db, [id]);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.last_error).toContain('503 SYSTEM_BUSY');
    expect(new Date(row.next_attempt_at!)).toEqual(at(T0, 1));

    // Not due yet half a minute later.
    expect((await deliverDueNotifications(h().db, channels, { now: at(T0, 0.5) })).claimed).toBe(0);

    await deliverDueNotifications(h().db, channels, { now: at(T0, 1) });
    [row] = await outboxRows(h().db, [id]);
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect(new Date(row.next_attempt_at!)).toEqual(at(T0, 6));

    await deliverDueNotifications(h().db, channels, { now: at(T0, 6) });
    [row] = await outboxRows(h().db, [id]);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, last_error: null, next_attempt_at: null });
    expect(sim.messages().some((m) => m.messageId === row.provider_message_id)).toBe(true);
  });

  it('gives up after the last attempt and the message becomes a dead letter', async () => {
    sim.failNext(1000);
    const [id] = await enqueueNotification(h().db, acceptedNotice({ channels: ['sms'] }), { now: T0 });
    let now = T0;
    for (const wait of [0, 1, 5, 30, 120, 720]) {
      now = at(now, wait);
      expect((await deliverDueNotifications(h().db, channels, { now })).claimed).toBe(1);
    }
    const [row] = await outboxRows(h().db, [id]);
    expect(row).toMatchObject({ status: 'dead', attempts: 6, next_attempt_at: null });
    expect((await deliverDueNotifications(h().db, channels, { now: at(now, 100_000) })).claimed).toBe(0);
  });

  it('does not retry a number the gateway rejects', async () => {
    const [id] = await enqueueNotification(
      h().db,
      acceptedNotice({ channels: ['sms'], recipient: { mobile: '19900000000' } }),
      { now: T0 },
    );
    await h().db.query(`UPDATE notification_outbox SET recipient_address = '1990000' WHERE id = $1`, [id]);
    await deliverDueNotifications(h().db, channels, { now: T0 });
    const [row] = await outboxRows(h().db, [id]);
    expect(row).toMatchObject({ status: 'dead', attempts: 1 });
    expect(row.last_error).toContain('MOBILE_INVALID');
  });

  it('picks up a message again when the worker that claimed it died mid-send', async () => {
    const [id] = await enqueueNotification(h().db, acceptedNotice({ channels: ['sms'] }), { now: T0 });
    // A worker claims it with a two-minute lease and is killed before recording any result.
    const claimed = await claimDueMessages(h().db, { now: T0, leaseUntil: at(T0, 2), limit: 10 });
    expect(claimed.map((r) => r.id)).toEqual([id]);
    let [row] = await outboxRows(h().db, [id]);
    expect(row).toMatchObject({ status: 'sending', attempts: 1 });

    // While the lease holds nobody else takes it…
    expect((await deliverDueNotifications(h().db, channels, { now: at(T0, 1) })).claimed).toBe(0);
    // …and once it has run out the next worker sends it.
    expect(await deliverDueNotifications(h().db, channels, { now: at(T0, 2) })).toMatchObject({
      claimed: 1,
      sent: 1,
    });
    [row] = await outboxRows(h().db, [id]);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a worker killed after the gateway accepted but before recording it: the resend reaches the phone once', async () => {
    const [id] = await enqueueNotification(h().db, acceptedNotice({ channels: ['sms'] }), { now: T0 });
    expect(await deliverDueNotifications(h().db, channels, { now: T0 })).toMatchObject({ sent: 1 });
    const [first] = await outboxRows(h().db, [id]);
    // The crash: the result was never written, so the row still looks claimed with a lease that runs out.
    await h().db.query(
      `UPDATE notification_outbox SET status = 'sending', sent_at = NULL, provider_message_id = NULL,
              next_attempt_at = $2 WHERE id = $1`,
      [id, at(T0, 2).toISOString()],
    );
    expect(await deliverDueNotifications(h().db, channels, { now: at(T0, 2) })).toMatchObject({ sent: 1 });
    const [row] = await outboxRows(h().db, [id]);
    expect(row.status).toBe('sent');
    expect(sim.messages().filter((m) => m.outId === String(id))).toHaveLength(1);
    expect(row.provider_message_id).toBe(first.provider_message_id);
  });

  it('a stale worker finishing late does not overwrite the newer claim', async () => {
    const [id] = await enqueueNotification(
      h().db,
      acceptedNotice({ channels: ['in_app'], recipient: { userId: h().org.userIds.agent } }),
      {
        now: T0,
      },
    );
    const [stale] = await claimDueMessages(h().db, { now: T0, leaseUntil: at(T0, 2), limit: 10 });
    await deliverDueNotifications(h().db, channels, { now: at(T0, 3) });
    const { markFailed } = await import('./outbox.repository');
    const applied = await markFailed(
      h().db,
      { id: stale.id, createdAt: stale.created_at, attempts: stale.attempts },
      { now: at(T0, 4), error: 'late failure', nextAttemptAt: at(T0, 5) },
    );
    expect(applied).toBe(false);
    const [row] = await outboxRows(h().db, [id]);
    expect(row.status).toBe('sent');
  });

  it('two workers draining at once send every message exactly once', async () => {
    const before = sim.messages().length;
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      ids.push(...(await enqueueNotification(h().db, acceptedNotice({ channels: ['sms'] }), { now: T0 })));
    }
    const runs = await Promise.all([
      deliverDueNotifications(h().db, channels, { now: T0, limit: 3 }),
      deliverDueNotifications(h().db, channels, { now: T0, limit: 3 }),
      deliverDueNotifications(h().db, channels, { now: T0, limit: 3 }),
    ]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(6);
    expect(sim.messages().length - before).toBe(6);
    expect((await outboxRows(h().db, ids)).every((r) => r.status === 'sent')).toBe(true);
  });
});
