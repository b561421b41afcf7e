// The periodic sweep as a pg-boss job: every minute, in whichever process has workers, deliver whatever
// is due (retries whose backoff has passed, quiet-hours holds that ended, leases that ran out). The
// in-process dispatcher does the same within seconds of a commit; both share work through SKIP LOCKED.
import { z } from 'zod';
import type { JobDefinition } from '../../platform/jobs/jobs';
import { createChannelAdapters, loadNotificationSettings } from './notifications.config';
import { drainNotifications } from './delivery.worker';

export const NotificationsDeliverPayload = z.object({ limit: z.number().int().min(1).max(1000).optional() });

let shared: ReturnType<typeof createChannelAdapters> | null = null;

export const notificationsDeliverJob: JobDefinition<typeof NotificationsDeliverPayload> = {
  name: 'notifications.deliver',
  payload: NotificationsDeliverPayload,
  cron: '* * * * *',
  handler: async (payload, { db }) => {
    shared ??= createChannelAdapters(loadNotificationSettings());
    await drainNotifications(db, shared.adapters, { limit: payload.limit });
  },
};
