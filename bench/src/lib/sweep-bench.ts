// SLA sweep passes (runSlaSweep) over the generated open orders, each beside its baseline: a bare SELECT of
// the clocks due at that instant. First a catch-up pass at the real now (everything that fell due since
// the orders were generated or last swept), then an idle pass right after it, then passes at future
// instants where a realistic share is newly due (the next minute, a 10-minute and a 1-hour gap in the
// sweeps). A future pass is rolled back afterwards — clock levels restored, its breaches, events and
// messages deleted — so the database stays at the real now and the run can be repeated.
import type { Db } from '../../../apps/server/src/platform/db/db';
import { runSlaSweep } from '../../../apps/server/src/modules/workorders/sla-sweep';

export interface SweepPass {
  label: string;
  at: string;
  /** Clocks due at that instant (the baseline's rows). */
  due: number;
  baselineMs: number;
  ms: number;
  raised: number;
  breaches: number;
  openOrders: number;
  runningClocks: number;
}

const DUE_SQL = `SELECT k.id, k.order_id, k.kind, k.level, k.warn50_at, k.warn80_at, k.due_at
  FROM work_order_clocks k
 WHERE k.stopped_at IS NULL AND k.next_check_at IS NOT NULL AND k.next_check_at <= $1`;

async function maxId(db: Db, table: string): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT coalesce(max(id), 0)::bigint AS n FROM ${table}`)).rows[0].n;
}

async function pass(
  db: Db,
  label: string,
  at: Date,
  sizes: { open: number; running: number },
): Promise<SweepPass> {
  let t = performance.now();
  const due = await db.query(DUE_SQL, [at.toISOString()]);
  const baselineMs = performance.now() - t;
  t = performance.now();
  const r = await runSlaSweep(db, at);
  const ms = performance.now() - t;
  return {
    label,
    at: at.toISOString(),
    due: due.rows.length,
    baselineMs,
    ms,
    raised: r.raised,
    breaches: r.breaches,
    openOrders: sizes.open,
    runningClocks: sizes.running,
  };
}

/** A pass at a future instant, undone afterwards. */
async function futurePass(db: Db, label: string, at: Date, sizes: { open: number; running: number }) {
  await db.exec('DROP TABLE IF EXISTS bench_sweep_snapshot');
  await db.query(
    `CREATE TABLE bench_sweep_snapshot AS SELECT id, level, next_check_at, breached_at, updated_at
       FROM work_order_clocks WHERE stopped_at IS NULL AND next_check_at IS NOT NULL AND next_check_at <= $1`,
    [at.toISOString()],
  );
  const marks = {
    events: await maxId(db, 'work_order_events'),
    breaches: await maxId(db, 'sla_breaches'),
    outbox: await maxId(db, 'notification_outbox'),
  };
  const started = new Date();
  try {
    return await pass(db, label, at, sizes);
  } finally {
    await db.query(
      `UPDATE work_order_clocks k SET level = s.level, next_check_at = s.next_check_at, breached_at = s.breached_at,
              updated_at = s.updated_at
         FROM bench_sweep_snapshot s WHERE k.id = s.id`,
    );
    await db.query(`DELETE FROM sla_breaches WHERE id > $1`, [marks.breaches]);
    await db.query(`DELETE FROM work_order_events WHERE id > $1`, [marks.events]);
    await db.query(`DELETE FROM notification_outbox WHERE id > $1 AND created_at >= $2`, [
      marks.outbox,
      new Date(started.getTime() - 1000).toISOString(),
    ]);
    await db.query(`DELETE FROM notification_dedupe_keys WHERE created_at >= $1`, [
      new Date(started.getTime() - 1000).toISOString(),
    ]);
    await db.exec('DROP TABLE bench_sweep_snapshot');
    await db.exec('VACUUM work_order_clocks, work_order_events, sla_breaches');
  }
}

export async function benchSweep(db: Db, futureMinutes = [1, 10, 60]): Promise<SweepPass[]> {
  const sizes = (
    await db.query<{ open: number; running: number }>(
      `SELECT (SELECT count(*) FROM work_orders WHERE status NOT IN ('closed','merged'))::int AS open,
              (SELECT count(*) FROM work_order_clocks WHERE stopped_at IS NULL)::int AS running`,
    )
  ).rows[0];
  const out: SweepPass[] = [];
  const now = new Date();
  out.push(await pass(db, 'catch-up (due since generation)', now, sizes));
  out.push(await pass(db, 'idle (right after)', new Date(), sizes));
  for (const m of futureMinutes) {
    const label = m === 1 ? 'next minute' : `after a ${m}-minute gap`;
    out.push(await futurePass(db, label, new Date(Date.now() + m * 60_000), sizes));
  }
  return out;
}
