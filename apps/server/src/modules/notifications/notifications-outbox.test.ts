import { expect, it } from 'vitest';
import { DomainError } from '../../platform/http/errors';
import { describeEachDatabase } from '../../test/harness';
import { inAppChannel } from './channels/in-app.channel';
import { deliverDueNotifications } from './delivery.worker';
import { enqueueNotification, enqueueNotifications } from './notifications.outbox';
import { acceptedNotice, outboxCount, outboxRows } from './notifications.test-builders';

// 14:00 in Shanghai: outside the default quiet hours.
const DAYTIME = new Date('2026-11-23T06:00:00Z');

describeEachDatabase('notification outbox', (h) => {
  it('writes nothing when the business transaction rolls back', async () => {
    const before = await outboxCount(h().db);
    await expect(
      h().db.transaction(async (tx) => {
        const ids = await enqueueNotification(tx, acceptedNotice());
        expect(ids).toHaveLength(2);
        throw new Error('business rule failed after enqueueing');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await outboxCount(h().db)).toBe(before);
  });

  it('enqueues many in one go and reports the ones it cannot render, writing the rest', async () => {
    const before = await outboxCount(h().db);
    const agent = h().org.userIds.agent;
    const result = await h().db.transaction((tx) =>
      enqueueNotifications(tx, [
        acceptedNotice({ channels: ['in_app'], recipient: { userId: agent } }),
        acceptedNotice({ channels: ['in_app'], recipient: { userId: agent }, variables: { orderNo: 'GD2' } }),
        acceptedNotice({ channels: ['email'], recipient: { userId: agent, email: null } }),
        acceptedNotice({ channels: ['in_app'], recipient: { userId: agent } }),
      ]),
    );
    expect(result.queued).toBe(2);
    expect(result.refused.map((r) => r.index)).toEqual([1, 2]);
    expect(await outboxCount(h().db)).toBe(before + 2);
  });

  it('writes one rendered row per channel when the transaction commits', async () => {
    const ids = await h().db.transaction((tx) =>
      enqueueNotification(
        tx,
        acceptedNotice({ variables: { orderNo: 'GD001', orderType: '故障报修', customerName: '张三' } }),
        {
          now: DAYTIME,
        },
      ),
    );
    const rows = await outboxRows(h().db, ids);
    expect(rows.map((r) => [r.channel, r.status, r.recipient_address])).toEqual([
      ['sms', 'pending', '13800138000'],
      ['email', 'pending', 'zhang.san@example.com'],
    ]);
    expect(rows[0].body).toBe('您的故障报修工单GD001已受理，我们将尽快处理。如有疑问请致电95598。');
    expect(rows[0].sms_template_code).toBe('GC_WORKORDER_ACCEPTED_ZH');
    expect(rows[1].subject).toBe('工单受理通知：GD001');
    expect(rows[1].template_version).toBe(1);
    expect(new Date(rows[0].next_attempt_at!)).toEqual(DAYTIME);
  });

  it('uses the English templates for an English-speaking recipient', async () => {
    const ids = await enqueueNotification(
      h().db,
      acceptedNotice({
        channels: ['sms'],
        recipient: { mobile: '13800138000', language: 'en-US' },
        variables: { orderNo: 'GD002', orderType: 'fault repair', customerName: 'Zhang San' },
      }),
    );
    const [row] = await outboxRows(h().db, ids);
    expect(row.language).toBe('en-US');
    expect(row.body).toContain('Your fault repair request GD002 has been accepted');
  });

  it('refuses a notice whose template needs a variable the caller did not give, and writes nothing', async () => {
    const before = await outboxCount(h().db);
    const err = await enqueueNotification(
      h().db,
      acceptedNotice({ variables: { orderNo: 'GD003', orderType: '咨询' } }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('validation');
    expect((err as DomainError).details).toEqual([
      { path: 'variables.customerName', message: 'msg:notification.variable_missing' },
    ]);
    expect(await outboxCount(h().db)).toBe(before);
  });

  it('refuses a requested channel the recipient has no address for', async () => {
    const err = await enqueueNotification(
      h().db,
      acceptedNotice({ channels: ['email'], recipient: { mobile: '13800138000' } }),
    ).catch((e: unknown) => e);
    expect((err as DomainError).details).toEqual([
      { path: 'channels.0', message: 'msg:notification.no_address' },
    ]);
  });

  it('treats a second enqueue with the same dedupe key as a no-op answering the first ids', async () => {
    const first = await enqueueNotification(h().db, acceptedNotice({ dedupeKey: 'wo-77-accepted' }));
    const before = await outboxCount(h().db);
    const second = await h().db.transaction((tx) =>
      enqueueNotification(tx, acceptedNotice({ dedupeKey: 'wo-77-accepted' })),
    );
    expect(second).toEqual(first);
    expect(await outboxCount(h().db)).toBe(before);
  });

  it('a refused enqueue inside a transaction that carries on leaves no dedupe key behind', async () => {
    await h().db.transaction(async (tx) => {
      await expect(
        enqueueNotification(tx, acceptedNotice({ dedupeKey: 'wo-78', variables: { orderNo: 'x' } })),
      ).rejects.toBeInstanceOf(DomainError);
    });
    const ids = await enqueueNotification(h().db, acceptedNotice({ dedupeKey: 'wo-78' }));
    expect(ids).toHaveLength(2);
  });

  it('delivers an in-app message to a staff user’s inbox', async () => {
    const userId = h().org.userIds.supervisor;
    const ids = await enqueueNotification(
      h().db,
      {
        event: 'workorder.breach',
        recipient: { userId },
        variables: { orderNo: 'GD004', dueAt: '2026-11-23 17:00', handlerName: '李四' },
        orgUnitId: h().org.companyId,
        entityType: 'work_order',
        entityId: 4,
      },
      { now: DAYTIME },
    );
    expect(ids).toHaveLength(1);
    const run = await deliverDueNotifications(h().db, { in_app: inAppChannel }, { now: DAYTIME });
    expect(run.sent).toBeGreaterThanOrEqual(1);
    const [row] = await outboxRows(h().db, ids);
    expect(row.status).toBe('sent');
    const inbox = await h().db.query<{
      title: string;
      body: string;
      entity_id: string;
      read_at: string | null;
    }>(`SELECT title, body, entity_id, read_at FROM in_app_messages WHERE user_id = $1 AND outbox_id = $2`, [
      userId,
      ids[0],
    ]);
    expect(inbox.rows).toEqual([
      {
        title: '超时告警：工单GD004',
        body: '已超过处理时限（截止 2026-11-23 17:00），处理人 李四。',
        entity_id: '4',
        read_at: null,
      },
    ]);
  });
});
