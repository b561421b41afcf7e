// "Send a test": an administrator sends any event's templates to their own inbox, phone or mailbox,
// through the same outbox and workers as real notices (and with the same refusal of missing variables).
import type { NotificationTestSendBody } from '@gridcare/contracts';
import { writeAudit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requirePermission } from '../../platform/auth/context';
import { enqueueNotification } from './notifications.outbox';

export async function sendTestNotification(
  ctx: RequestContext,
  b: NotificationTestSendBody,
): Promise<{ ids: number[] }> {
  requirePermission(ctx.user, 'notification:admin');
  return ctx.db.transaction(async (tx) => {
    const ids = await enqueueNotification(
      tx,
      {
        event: b.event,
        channels: b.channels,
        recipient: {
          userId: ctx.user.id,
          mobile: b.mobile || null,
          email: b.email || null,
          language: b.language ?? (ctx.user.locale === 'en-US' ? 'en-US' : 'zh-CN'),
        },
        variables: b.variables,
        orgUnitId: null,
        entityType: 'test',
        entityId: ctx.user.id,
      },
      { now: ctx.now },
    );
    await writeAudit(tx, {
      actor: { id: ctx.user.id, name: ctx.user.displayName },
      action: 'notification.test_send',
      entity: 'notification',
      after: { ...b, ids },
      requestId: ctx.requestId,
    });
    return { ids };
  });
}
