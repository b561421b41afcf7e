import { expect, it } from 'vitest';
import type { Db } from '../../platform/db/db';
import { describeEachDatabase } from '../../test/harness';
import { inAppChannel } from './channels/in-app.channel';
import { enqueueNotification } from './notifications.outbox';
import { startNotificationDispatcher } from './notifications.dispatcher';
import { outboxRows, settleOutbox } from './notifications.test-builders';

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const breach = (userId: number, orderNo: string) => ({
  event: 'workorder.breach' as const,
  recipient: { userId },
  variables: { orderNo, dueAt: '2026-11-23 17:00', handlerName: '李四' },
  orgUnitId: null,
});

describeEachDatabase('notification dispatcher', (h) => {
  it('delivers soon after the enqueueing transaction commits, without waiting for the poll', async () => {
    await settleOutbox(h().db);
    // A poll an hour apart: only the commit signal can explain a prompt delivery.
    const dispatcher = await startNotificationDispatcher(h().db, {
      channels: { in_app: inAppChannel },
      pollMs: 3_600_000,
    });
    try {
      await dispatcher.idle();
      const ids = await h().db.transaction((tx: Db) =>
        enqueueNotification(tx, breach(h().org.userIds.admin, 'GD-D1')),
      );
      const sent = await waitFor(async () => {
        const [row] = await outboxRows(h().db, ids);
        return row.status === 'sent' ? row : undefined;
      });
      expect(sent.attempts).toBe(1);
    } finally {
      await dispatcher.stop();
    }
  });

  it('sends nothing for a transaction that rolled back', async () => {
    await settleOutbox(h().db);
    const dispatcher = await startNotificationDispatcher(h().db, {
      channels: { in_app: inAppChannel },
      pollMs: 3_600_000,
    });
    try {
      await h()
        .db.transaction(async (tx: Db) => {
          await enqueueNotification(tx, breach(h().org.userIds.admin, 'GD-D2'));
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      // A committed message afterwards is delivered; the rolled-back one never existed.
      const ids = await enqueueNotification(h().db, breach(h().org.userIds.admin, 'GD-D3'));
      await waitFor(async () => ((await outboxRows(h().db, ids))[0].status === 'sent' ? true : undefined));
      const inbox = await h().db.query<{ title: string }>(
        `SELECT title FROM in_app_messages WHERE title LIKE '%GD-D2%' OR title LIKE '%GD-D3%'`,
      );
      expect(inbox.rows.map((r) => r.title)).toEqual(['超时告警：工单GD-D3']);
    } finally {
      await dispatcher.stop();
    }
  });
});
