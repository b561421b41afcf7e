import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../test/databases';
import { startJobs, type JobDefinition, type Jobs } from './jobs';

async function waitFor<T>(fn: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

for (const kind of DATABASE_KINDS) {
  describe(`pg-boss job runner [${kind}]`, () => {
    let t: TestDatabase;
    let jobs: Jobs;
    const seen: string[] = [];
    const EchoPayload = z.object({ word: z.string() });
    const echo: JobDefinition<typeof EchoPayload> = {
      name: 'test.echo',
      payload: EchoPayload,
      handler: async (p, { db }) => {
        seen.push(p.word);
        await db.query(
          `INSERT INTO timeline_events(customer_id, org_unit_id, kind, title) VALUES (0, 0, 'job', $1)`,
          [p.word],
        );
      },
    };

    beforeAll(async () => {
      t = await createTestDatabase(kind);
      jobs = await startJobs(t.db, {
        databaseUrl: t.url,
        definitions: [echo as unknown as JobDefinition<z.ZodTypeAny>],
        work: true,
      });
    });
    afterAll(async () => {
      await jobs?.stop();
      await t?.destroy();
    });

    it('runs a sent job once in a worker against the same database', async () => {
      await jobs.send(echo, { word: '你好' });
      const row = await waitFor(async () => {
        const r = await t.db.query<{ title: string }>(`SELECT title FROM timeline_events WHERE kind = 'job'`);
        return r.rows[0] ?? null;
      });
      expect(row.title).toBe('你好');
      expect(seen).toEqual(['你好']);
    });

    it('rejects a payload that does not match the definition before queueing it', async () => {
      await expect(jobs.send(echo, { word: 42 } as never)).rejects.toThrow();
    });
  });
}
