// Daily at 06:00 (Asia/Shanghai): accounts unread for 6 consecutive months get a termination notice and
// a task for the reader's supervisor (domain.md §8). Idempotent: a second run flags nothing new.
import { z } from 'zod';
import type { JobDefinition } from '../../../platform/jobs/jobs';
import { flagUnreadAccounts, lastClosedPeriod } from '../unread.service';

export const UnreadCheckPayload = z.object({ period: z.string().optional() });

export const meteringUnreadCheckJob: JobDefinition<typeof UnreadCheckPayload> = {
  name: 'metering.unread-check',
  payload: UnreadCheckPayload,
  cron: '0 6 * * *',
  handler: async (payload, { db }) => {
    const now = new Date();
    await flagUnreadAccounts(db, {
      period: payload.period ?? lastClosedPeriod(now),
      today: new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10),
    });
  },
};
