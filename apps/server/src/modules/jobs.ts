// Every background job definition, registered with pg-boss at start-up.
import type { z } from 'zod';
import type { JobDefinition } from '../platform/jobs/jobs';
import { visitPlansGenerateJob } from './account-managers/jobs/visit-plans-generate.job';
import { importsCommitJob, importsValidateJob } from './imports/imports.jobs';
import { slaSweepJob } from './workorders/sla-sweep.job';
import { notificationsDeliverJob } from './notifications/notifications.jobs';
import { PAYMENTS_JOBS } from './payments/payments.jobs';
import { billRunJob } from './billing/bill-run.job';
import { meteringUnreadCheckJob } from './metering/jobs/unread-check.job';

export const JOB_DEFINITIONS: JobDefinition<z.ZodTypeAny>[] = [];
JOB_DEFINITIONS.push(visitPlansGenerateJob);
JOB_DEFINITIONS.push(importsValidateJob, importsCommitJob);
JOB_DEFINITIONS.push(notificationsDeliverJob);
JOB_DEFINITIONS.push(slaSweepJob);
JOB_DEFINITIONS.push(...PAYMENTS_JOBS);
JOB_DEFINITIONS.push(meteringUnreadCheckJob);
JOB_DEFINITIONS.push(billRunJob);
