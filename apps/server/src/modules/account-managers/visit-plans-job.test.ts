import { expect, it } from 'vitest';
import { startJobs } from '../../platform/jobs/jobs';
import { JOB_DEFINITIONS } from '../jobs';
import { describeEachDatabase } from '../../test/harness';
import { insertTestCustomer } from './account-managers.test-builders';
import { visitPlansGenerateJob } from './jobs/visit-plans-generate.job';

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describeEachDatabase('visit-plan generation job', (h) => {
  it('is registered to run monthly on the 1st at 01:00', () => {
    expect(JOB_DEFINITIONS.map((d) => d.name)).toContain('visit-plans.generate');
    expect(visitPlansGenerateJob.cron).toBe('0 1 1 * *');
  });

  it('runs through pg-boss and creates the period’s plans', async () => {
    const { userIds, officeIds } = h().org;
    const customerId = await insertTestCustomer(h().db, {
      orgUnitId: officeIds[0],
      importanceTier: 'key',
      managerId: userIds.manager,
    });
    const jobs = await startJobs(h().db, {
      databaseUrl: h().testDb.url,
      definitions: [visitPlansGenerateJob],
      work: true,
    });
    try {
      await jobs.send(visitPlansGenerateJob, { period: '2036-02' });
      const plan = await waitFor(async () => {
        const r = await h().db.query<{ due_date: string; manager_id: number }>(
          `SELECT due_date, manager_id FROM visit_plans WHERE customer_id = $1 AND period = '2036-02'`,
          [customerId],
        );
        return r.rows[0];
      }, 30_000);
      expect(plan).toEqual({ due_date: '2036-02-29', manager_id: userIds.manager });
    } finally {
      await jobs.stop();
    }
  });
});
