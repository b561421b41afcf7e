// Monthly visit-plan generation (domain.md §3): on the 1st at 01:00 Asia/Shanghai for the new month.
import { z } from 'zod';
import { Period } from '@gridcare/contracts';
import { businessPeriod } from '@gridcare/domain';
import type { JobDefinition } from '../../../platform/jobs/jobs';
import { generateVisitPlans } from '../visit-plans.service';

export const VisitPlansGeneratePayload = z.object({ period: Period.optional() });

export const visitPlansGenerateJob: JobDefinition<typeof VisitPlansGeneratePayload> = {
  name: 'visit-plans.generate',
  payload: VisitPlansGeneratePayload,
  cron: '0 1 1 * *',
  handler: async (payload, { db }) => {
    await generateVisitPlans(db, { period: payload.period ?? businessPeriod(new Date()), scopeOrgIds: null });
  },
};
