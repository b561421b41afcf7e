// The bill run as a pg-boss job: POST /api/billing/runs queues it; any worker process executes it. A
// retried or duplicated job resumes the same run from its cursor (executeBillRun is restart-safe).
// Without pg-boss (tests, the CLI) the same work runs in this process.
import { z } from 'zod';
import type { Db } from '../../platform/db/db';
import type { JobDefinition, Jobs } from '../../platform/jobs/jobs';
import { executeBillRun } from './bill-run.service';

const BillRunPayload = z.object({ runId: z.number().int().positive() });

export const billRunJob: JobDefinition<typeof BillRunPayload> = {
  name: 'billing.run',
  payload: BillRunPayload,
  handler: async (p, { db }) => {
    await executeBillRun(db, p.runId);
  },
};

const running = new Set<Promise<void>>();

/** Waits for bill runs started without pg-boss (tests and shutdown). */
export async function settleBackgroundBillRuns(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}

export async function dispatchBillRun(deps: { db: Db; jobs: Jobs | null }, runId: number): Promise<void> {
  if (deps.jobs) {
    await deps.jobs.send(billRunJob, { runId }, { singletonKey: `billing.run:${runId}` });
    return;
  }
  // The run records its own failure on the run row; nothing to report here.
  const p = executeBillRun(deps.db, runId).then(
    () => undefined,
    () => undefined,
  );
  running.add(p);
  void p.finally(() => running.delete(p));
}
