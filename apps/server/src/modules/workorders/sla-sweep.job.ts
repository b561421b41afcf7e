// Every minute: raise SLA warnings and record breaches (architecture.md: a frequent sweep over stored
// instants). Several processes may run it at once; runSlaSweep claims clocks with SKIP LOCKED.
import { z } from 'zod';
import type { JobDefinition } from '../../platform/jobs/jobs';
import { runSlaSweep } from './sla-sweep';

export const SlaSweepPayload = z.object({});

export const slaSweepJob: JobDefinition<typeof SlaSweepPayload> = {
  name: 'workorders.sla-sweep',
  payload: SlaSweepPayload,
  cron: '* * * * *',
  handler: async (_payload, { db }) => {
    await runSlaSweep(db);
  },
};
