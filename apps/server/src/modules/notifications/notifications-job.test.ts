import { expect, it } from 'vitest';
import { startJobs } from '../../platform/jobs/jobs';
import { describeEachDatabase } from '../../test/harness';
import { JOB_DEFINITIONS } from '../jobs';
import { notificationsDeliverJob } from './notifications.jobs';
import { enqueueNotification } from './notifications.outbox';
import { outboxRows, settleOutbox } from './notifications.test-builders';

describeEachDatabase('notification delivery job (pg-boss)', (h) => {
  it('is registered as a sweep every minute', () => {
    expect(JOB_DEFINITIONS.map((d) => d.name)).toContain('notifications.deliver');
    expect(notificationsDeliverJob.cron).toBe('* * * * *');
  });

  it('delivers due messages when pg-boss runs it', async () => {
    await settleOutbox(h().db);
    const ids = await enqueueNotification(h().db, {
      event: 'workorder.warning',
      recipient: { userId: h().org.userIds.agent },
      variables: { orderNo: 'GD-J1', percent: 50, dueAt: '2026-11-23 17:00', handlerName: '王五' },
      orgUnitId: null,
    });
    const jobs = await startJobs(h().db, {
      databaseUrl: h().testDb.url,
      definitions: [notificationsDeliverJob],
      work: true,
    });
    try {
      await jobs.send(notificationsDeliverJob, {});
      const until = Date.now() + 30_000;
      let status = '';
      while (Date.now() < until) {
        status = (await outboxRows(h().db, ids))[0].status;
        if (status === 'sent') break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(status).toBe('sent');
    } finally {
      await jobs.stop();
    }
  });
});
