// Background jobs of the import: validation and commit of files too large for one request. Without
// pg-boss (tests, single-process tools) the same work runs as a background promise.
import { z } from 'zod';
import type { Db } from '../../platform/db/db';
import type { JobDefinition, Jobs } from '../../platform/jobs/jobs';
import { commitImportJob } from './import-commit.service';
import { validateImportJob } from './import-validation.service';

const ValidatePayload = z.object({ jobId: z.number().int().positive() });
const CommitPayload = z.object({ jobId: z.number().int().positive(), actorId: z.number().int().positive() });

export const importsValidateJob: JobDefinition<typeof ValidatePayload> = {
  name: 'imports.validate',
  payload: ValidatePayload,
  handler: (p, { db }) => validateImportJob(db, p.jobId),
};

export const importsCommitJob: JobDefinition<typeof CommitPayload> = {
  name: 'imports.commit',
  payload: CommitPayload,
  handler: (p, { db }) => commitImportJob(db, p.jobId, p.actorId),
};

const running = new Set<Promise<void>>();

/** Waits for background imports started without pg-boss (tests and shutdown). */
export async function settleBackgroundImports(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}

function inBackground(work: () => Promise<void>): void {
  const p = work().catch(() => undefined);
  running.add(p);
  void p.finally(() => running.delete(p));
}

/** Runs a job's work now (small files), on pg-boss, or as a background promise. */
export async function dispatch<P extends z.ZodTypeAny>(
  deps: { db: Db; jobs: Jobs | null },
  def: JobDefinition<P>,
  payload: z.infer<P>,
  inline: boolean,
): Promise<void> {
  if (inline) return def.handler(payload, { db: deps.db });
  if (deps.jobs) {
    await deps.jobs.send(def, payload, {
      singletonKey: `${def.name}:${String((payload as { jobId: number }).jobId)}`,
    });
    return;
  }
  inBackground(() => def.handler(payload, { db: deps.db }));
}
