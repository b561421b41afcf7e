// Background jobs on pg-boss: imports, visit-plan generation and (later) SLA sweeps, notification
// delivery and bill runs. Works on PostgreSQL (its own pool) and on PGlite (through fromPglite).
import { PgBoss, fromPglite } from 'pg-boss';
import type { z } from 'zod';
import type { Db } from '../db/db';
import { isPglite } from '../db/db';

export interface JobDefinition<P extends z.ZodTypeAny> {
  name: string;
  payload: P;
  /** Cron in Asia/Shanghai, if the job also runs on a schedule. */
  cron?: string;
  handler: (payload: z.infer<P>, deps: { db: Db }) => Promise<void>;
}

export interface Jobs {
  send<P extends z.ZodTypeAny>(
    def: JobDefinition<P>,
    payload: z.infer<P>,
    options?: { singletonKey?: string },
  ): Promise<string | null>;
  stop(): Promise<void>;
  boss: PgBoss;
}

export async function startJobs(
  db: Db,
  opts: {
    databaseUrl?: string;
    definitions: JobDefinition<z.ZodTypeAny>[];
    work: boolean;
    onError?: (e: unknown) => void;
  },
): Promise<Jobs> {
  const boss = isPglite(db)
    ? new PgBoss({ db: fromPglite(db.pglite), schema: 'pgboss', supervise: opts.work, schedule: opts.work })
    : new PgBoss({
        connectionString: opts.databaseUrl,
        schema: 'pgboss',
        max: 4,
        supervise: opts.work,
        schedule: opts.work,
      });
  boss.on('error', (e) => opts.onError?.(e));
  await boss.start();
  for (const def of opts.definitions) {
    await boss.createQueue(def.name).catch(() => undefined);
    if (opts.work) {
      await boss.work(def.name, { pollingIntervalSeconds: 1, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) await def.handler(def.payload.parse(job.data), { db });
      });
      if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'Asia/Shanghai' });
    }
  }
  return {
    boss,
    send: async (def, payload, options) =>
      boss.send(def.name, def.payload.parse(payload) as object, options ?? {}),
    stop: () => boss.stop({ graceful: true, timeout: 5000 }),
  };
}
