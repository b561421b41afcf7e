// Payments' background jobs (pg-boss): due-date reminders and prepaid application daily; the 30-minute
// disconnection reminders every minute.
import { z } from 'zod';
import type { JobDefinition } from '../../platform/jobs/jobs';
import { applyPrepaidBalances, sendDueReminders } from './collection-jobs.service';
import { sendDueDisconnectionReminders } from './disconnection.service';

const Empty = z.object({});

export const paymentRemindersJob: JobDefinition<typeof Empty> = {
  name: 'payments.due-reminders',
  payload: Empty,
  cron: '0 9 * * *',
  handler: async (_p, { db }) => {
    await sendDueReminders(db);
  },
};

export const prepaidApplyJob: JobDefinition<typeof Empty> = {
  name: 'payments.prepaid-apply',
  payload: Empty,
  cron: '30 1 * * *',
  handler: async (_p, { db }) => {
    await applyPrepaidBalances(db);
  },
};

export const disconnectionRemindersJob: JobDefinition<typeof Empty> = {
  name: 'payments.disconnection-reminders',
  payload: Empty,
  cron: '* * * * *',
  handler: async (_p, { db }) => {
    await sendDueDisconnectionReminders(db);
  },
};

export const PAYMENTS_JOBS = [paymentRemindersJob, prepaidApplyJob, disconnectionRemindersJob];
