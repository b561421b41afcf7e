// Group commit for intake. In a storm (a feeder trips and hundreds of customers call at once) most of the
// cost of a new order is the transaction around it — begin, commit and its flush — not the order itself.
// Requests that arrive while earlier ones are being written wait for the next batch and are then written
// together: one subject query, one statement for all orders, one for their notices, one commit. At low
// load a batch is a single request, written at once (no added wait).
//
// Each request keeps its own outcome: checks that concern one request fail only that request, before the
// transaction; a request whose Idempotency-Key was used before is answered by the stored response; if the
// batch's transaction fails, each of its requests is retried on its own, so one bad request cannot take
// the others down with it.
import type { WorkOrder, WorkOrderCreate } from '@gridcare/contracts';
import type { RequestContext } from '../../platform/auth/context';
import { databaseKey, type Db } from '../../platform/db/db';
import { DomainError } from '../../platform/http/errors';
import {
  claimIdempotencyKeys,
  runIdempotentClaim,
  storeIdempotentResponses,
  type IdempotencyClaim,
  type IdempotentResult,
} from '../../platform/http/idempotency';
import {
  checkIntake,
  insertIntakes,
  intakeAnswer,
  intakeEnv,
  notifyIntake,
  planIntake,
  resolveSubjects,
  type IntakePlan,
} from './workorder-intake';
import { checkParent, createWorkOrder } from './workorders.service';

/** Orders written in one transaction at most. */
export const MAX_INTAKE_BATCH = 200;
/** Batches being written at once per process: one fills while the other commits. */
export const INTAKE_BATCHES_IN_FLIGHT = 2;

interface IntakeJob {
  ctx: RequestContext;
  input: WorkOrderCreate;
  claim: IdempotencyClaim | null;
  resolve: (r: IdempotentResult<WorkOrder>) => void;
  reject: (e: unknown) => void;
}

class IntakeBatcher {
  private queue: IntakeJob[] = [];
  private inFlight = 0;

  constructor(private readonly db: Db) {}

  submit(job: IntakeJob): void {
    this.queue.push(job);
    this.pump();
  }

  private pump(): void {
    while (this.inFlight < INTAKE_BATCHES_IN_FLIGHT && this.queue.length) {
      const batch = this.take();
      this.inFlight++;
      void writeBatch(this.db, batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /** The next batch; a second request under a key already in it waits for a later batch. */
  private take(): IntakeJob[] {
    const batch: IntakeJob[] = [];
    const keys = new Set<string>();
    const rest: IntakeJob[] = [];
    for (const job of this.queue) {
      const key = job.claim ? `${job.ctx.user.id}\u0000${job.claim.key}` : null;
      if (batch.length >= MAX_INTAKE_BATCH || (key && keys.has(key))) rest.push(job);
      else {
        if (key) keys.add(key);
        batch.push(job);
      }
    }
    this.queue = rest;
    return batch;
  }
}

const batchers = new Map<unknown, IntakeBatcher>();

/** Receives a request (受理) through the batcher of this database; resolves when its order is committed. */
export function submitIntake(
  db: Db,
  ctx: RequestContext,
  input: WorkOrderCreate,
  claim: IdempotencyClaim | null,
): Promise<IdempotentResult<WorkOrder>> {
  const key = databaseKey(db);
  let batcher = batchers.get(key);
  if (!batcher) batchers.set(key, (batcher = new IntakeBatcher(db)));
  return new Promise((resolve, reject) => batcher.submit({ ctx, input, claim, resolve, reject }));
}

/** One request on its own, in its own transaction: a retried key, or each request of a failed batch. */
function writeAlone(db: Db, job: IntakeJob): Promise<void> {
  return runIdempotentClaim(db, job.claim, job.ctx.user.id, 201, (tx) =>
    createWorkOrder({ ...job.ctx, db: tx }, tx, job.input),
  ).then(job.resolve, job.reject);
}

async function writeBatch(db: Db, jobs: IntakeJob[]): Promise<void> {
  try {
    const ready: IntakeJob[] = [];
    for (const job of jobs) {
      try {
        if (!job.ctx.user.permissions.has('workorder:create')) throw new DomainError('forbidden');
        checkIntake(job.input);
        ready.push(job);
      } catch (e) {
        job.reject(e);
      }
    }
    if (!ready.length) return;

    const subjects = await resolveSubjects(db, ready);
    const env = await intakeEnv(db, ready[0].ctx.now);
    const planned: { job: IntakeJob; plan: IntakePlan }[] = [];
    // A retry whose customer or parent no longer checks out is still answered from its key's stored response.
    const refusedRetries: IntakeJob[] = [];
    const refuse = (job: IntakeJob, e: unknown) => (job.claim ? refusedRetries.push(job) : job.reject(e));
    for (const [i, job] of ready.entries()) {
      const subject = subjects[i];
      if (subject instanceof DomainError) {
        refuse(job, subject);
        continue;
      }
      try {
        await checkParent(job.ctx, db, job.input);
        planned.push({ job, plan: await planIntake(db, job.ctx, job.input, subject, env) });
      } catch (e) {
        refuse(job, e);
      }
    }
    await Promise.all(refusedRetries.map((job) => writeAlone(db, job)));
    if (!planned.length) return;

    let written: { job: IntakeJob; body: WorkOrder }[];
    let usedBefore: IntakeJob[];
    try {
      ({ written, usedBefore } = await db.transaction(async (tx) => {
        const keyed = planned.filter((p) => p.job.claim);
        const taken = await claimIdempotencyKeys(
          tx,
          keyed.map((p) => ({ userId: p.job.ctx.user.id, claim: p.job.claim! })),
        );
        const lost = new Set(keyed.filter((_, i) => !taken[i]).map((p) => p.job));
        const toWrite = planned.filter((p) => !lost.has(p.job));
        const inserted = await insertIntakes(
          tx,
          toWrite.map((p) => p.plan),
        );
        await notifyIntake(
          tx,
          toWrite.map((p) => p.plan),
          inserted,
          toWrite[toWrite.length - 1]?.job.ctx.now ?? new Date(),
        );
        const bodies = toWrite.map((p, i) => ({ job: p.job, body: intakeAnswer(p.plan, inserted[i], env) }));
        await storeIdempotentResponses(
          tx,
          bodies
            .filter((b) => b.job.claim)
            .map((b) => ({ userId: b.job.ctx.user.id, key: b.job.claim!.key, status: 201, body: b.body })),
        );
        return { written: bodies, usedBefore: [...lost] };
      }));
    } catch {
      // Whatever failed the batch, each request gets its own chance (and its own error).
      await Promise.all(planned.map((p) => writeAlone(db, p.job)));
      return;
    }
    for (const { job, body } of written) job.resolve({ status: 201, body, replayed: false });
    // Answered from the stored response of the first request under the key (or 409 if it differs).
    await Promise.all(usedBefore.map((job) => writeAlone(db, job)));
  } catch (e) {
    // Reading subjects or the configuration failed: the requests not yet answered fail with it.
    for (const job of jobs) job.reject(e);
  }
}
