// Benchmark e: the service centre over the generated work orders (issue: 1,000,000 historical and 100,000
// open orders on PostgreSQL, 2-core machine). Each part prints a ratio against a baseline of the same run:
//  - intake: POST /api/workorders as `agent` (target ≥ 2,000 orders/s for 60 s, p99 ≤ 50 ms) against a raw
//    loop of single-row INSERTs of the same rows over the same number of connections;
//  - queues: GET /api/workorders?queue=… as agent / ops / supervisor (target p95 ≤ 30 ms) against the same
//    page through the service function in-process;
//  - sweep: runSlaSweep passes (target ≤ 1 s) against a bare SELECT of the due clocks;
//  - delivery: the notification worker sending SMS to the local gateway simulator (target ≥ 1,000/s)
//    against raw HTTP POSTs to the simulator with as many requests in flight.
// Usage: node --import tsx bench/src/workorders.bench.ts --kind postgres --where gc_bench
//        [--only intake,queues,sweep,delivery] [--duration 10] [--intake-duration 60]
//        [--intake-connections 20] [--connections 10] [--sms 20000] [--concurrency 1,4] [--keep]
//        [--on-spot 1]  (share of intake bodies answered on the spot, relative to the generator's; 0 = none)
// BENCH_SERVER_NODE_ARGS go to the server process (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof).
import os from 'node:os';
import { isPostgres, openPostgres } from '../../apps/server/src/platform/db/db';
import { generateWorkOrders } from '../../apps/server/seed/generate';
import { benchDelivery, type DeliveryRun } from './lib/delivery-bench';
import { databaseUrl } from './lib/databases';
import { queueBaselines, queueHttp, type QueueRow } from './lib/queue-bench';
import { requestLoad, type RequestLoadResult } from './lib/request-load';
import { login, startServer } from './lib/server';
import { arg, flag, ms, table, type Latency } from './lib/stats';
import { benchSweep, type SweepPass } from './lib/sweep-bench';
import { openTarget, type Target } from './lib/target';
import { intakeRequest, intakeRows, rawInsertLoop } from './lib/workorder-intake';

export interface IntakeResult {
  connections: number;
  onSpotShare: number;
  seconds: number;
  http: RequestLoadResult;
  created: number;
  raw: Latency & { queriesPerSecond: number };
}

export interface WorkOrderBenchResult {
  kind: Target['kind'];
  loadAverage: string;
  orders: { open: number; total: number };
  sweep?: SweepPass[];
  delivery?: DeliveryRun[];
  queues?: QueueRow[];
  intake?: IntakeResult;
}

export interface WorkOrderBenchOptions extends Target {
  parts: Set<string>;
  durationSeconds: number;
  connections: number;
  intakeSeconds: number;
  intakeConnections: number;
  smsCount: number;
  concurrencies: number[];
  /** How often intake bodies are answered on the spot, relative to the generator's agents (1). */
  onSpotScale: number;
  keep: boolean;
  log?: (s: string) => void;
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function serve(o: Target) {
  return startServer(
    o.kind === 'postgres' ? { DATABASE_URL: databaseUrl(o.where) } : { GRIDCARE_DATA_DIR: o.where },
  );
}

/**
 * Removes what the intake run wrote: the orders the benchmark's agent accepted, their events, clocks,
 * timeline, audit, messages and idempotency keys. The foreign-key triggers are skipped (children are
 * deleted explicitly): with them every deleted order scans work_orders for merged_into_id (no index).
 */
async function forgetIntake(o: Target, firstId: number, agentId: number, since: Date): Promise<void> {
  const db = await openTarget(o);
  try {
    await db.transaction(async (tx) => {
      await tx.exec(`SET LOCAL session_replication_role = replica`);
      await tx.query(
        `CREATE TEMP TABLE bench_intake ON COMMIT DROP AS
           SELECT id FROM work_orders WHERE id >= $1 AND created_by = $2 AND accepted_at >= $3`,
        [firstId, agentId, since.toISOString()],
      );
      for (const t of [
        'work_order_events',
        'work_order_clocks',
        'work_order_pauses',
        'sla_breaches',
        'work_order_return_visits',
      ])
        await tx.exec(`DELETE FROM ${t} WHERE order_id IN (SELECT id FROM bench_intake)`);
      const at = since.toISOString();
      await tx.query(
        `DELETE FROM timeline_events WHERE ref_entity = 'work_order' AND ref_id IN (SELECT id::text FROM bench_intake)`,
      );
      await tx.query(
        `DELETE FROM audit_log WHERE entity = 'work_order' AND at >= $1 AND entity_id IN (SELECT id::text FROM bench_intake)`,
        [at],
      );
      await tx.query(
        `DELETE FROM notification_outbox WHERE entity_type = 'work_order' AND created_at >= $1
            AND entity_id IN (SELECT id::text FROM bench_intake)`,
        [at],
      );
      await tx.query(
        `DELETE FROM notification_dedupe_keys WHERE created_at >= $1 AND dedupe_key LIKE 'wo:%'`,
        [at],
      );
      await tx.query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND created_at >= $2`, [agentId, at]);
      await tx.exec(`DELETE FROM work_orders WHERE id IN (SELECT id FROM bench_intake)`);
    });
    await db.exec(
      'VACUUM (ANALYZE) work_orders, work_order_events, work_order_clocks, timeline_events, notification_outbox',
    );
  } finally {
    await db.close();
  }
}

async function benchIntake(o: WorkOrderBenchOptions): Promise<IntakeResult> {
  const log = o.log ?? console.log;
  const db =
    o.kind === 'postgres' ? openPostgres(databaseUrl(o.where), o.intakeConnections) : await openTarget(o);
  let rows;
  let raw;
  let firstId;
  let agent;
  try {
    rows = await intakeRows(db, 5000, o.onSpotScale);
    agent = (await db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'agent'`)).rows[0].id;
    log(`intake baseline: single-row INSERTs from ${o.intakeConnections} connections …`);
    raw = await rawInsertLoop(
      db,
      rows,
      agent,
      isPostgres(db) ? o.intakeConnections : 1,
      Math.min(20, o.intakeSeconds),
    );
    firstId = (await db.query<{ n: number }>(`SELECT coalesce(max(id), 0)::bigint + 1 AS n FROM work_orders`))
      .rows[0].n;
  } finally {
    await db.close();
  }
  const since = new Date();
  const server = await serve(o);
  let http: RequestLoadResult;
  try {
    const cookie = await login(server.url, 'agent');
    const next = intakeRequest(rows);
    log(`intake over HTTP: ${o.intakeConnections} connections, 5 s warm-up, ${o.intakeSeconds} s …`);
    await requestLoad({
      baseUrl: server.url,
      cookie,
      next,
      connections: o.intakeConnections,
      durationSeconds: 5,
    });
    http = await requestLoad({
      baseUrl: server.url,
      cookie,
      next: (i) => next(i + 7919),
      connections: o.intakeConnections,
      durationSeconds: o.intakeSeconds,
    });
  } finally {
    await server.stop();
  }
  const check = await openTarget(o);
  let created: number;
  try {
    created = (
      await check.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM work_orders WHERE id >= $1 AND created_by = $2 AND accepted_at >= $3`,
        [firstId, agent, since.toISOString()],
      )
    ).rows[0].n;
  } finally {
    await check.close();
  }
  if (!o.keep) await forgetIntake(o, firstId, agent, since);
  const onSpotShare = rows.filter((r) => r.body.answeredOnSpot).length / rows.length;
  return { connections: o.intakeConnections, onSpotShare, seconds: o.intakeSeconds, http, created, raw };
}

async function benchQueues(o: WorkOrderBenchOptions): Promise<QueueRow[]> {
  (o.log ?? console.log)(`queue pages: in-process baseline, then over HTTP (${o.connections} clients) …`);
  const db = await openTarget(o);
  let rows: QueueRow[];
  try {
    rows = await queueBaselines(db, o.connections, o.durationSeconds);
  } finally {
    await db.close();
  }
  const server = await serve(o);
  try {
    const cookies: Record<string, string> = {};
    for (const u of new Set(rows.map((r) => r.user))) cookies[u] = await login(server.url, u);
    await queueHttp(rows, server.url, cookies, o.connections, o.durationSeconds);
  } finally {
    await server.stop();
  }
  return rows;
}

export async function benchWorkOrders(o: WorkOrderBenchOptions): Promise<WorkOrderBenchResult> {
  const log = o.log ?? console.log;
  const result: WorkOrderBenchResult = {
    kind: o.kind,
    loadAverage: loadAverage(),
    orders: { open: 0, total: 0 },
  };
  const db = await openTarget(o);
  try {
    result.orders = (
      await db.query<{ open: number; total: number }>(
        `SELECT count(*) FILTER (WHERE status NOT IN ('closed','merged'))::int AS open, count(*)::int AS total FROM work_orders`,
      )
    ).rows[0];
    log(
      `work orders in ${o.where}: ${result.orders.total.toLocaleString('en')} (${result.orders.open.toLocaleString('en')} open); load average ${result.loadAverage}`,
    );
    if (o.parts.has('sweep')) {
      log('SLA sweep passes …');
      result.sweep = await benchSweep(db);
    }
    if (o.parts.has('delivery')) {
      log(`notification delivery: ${o.smsCount.toLocaleString('en')} SMS per run …`);
      result.delivery = await benchDelivery(db, o.smsCount, o.concurrencies);
    }
  } finally {
    await db.close();
  }
  if (o.parts.has('queues')) result.queues = await benchQueues(o);
  if (o.parts.has('intake')) result.intake = await benchIntake(o);
  return result;
}

export function printWorkOrders(r: WorkOrderBenchResult): void {
  console.log(
    `\nservice centre on ${r.kind}: ${r.orders.total.toLocaleString('en')} work orders, ${r.orders.open.toLocaleString('en')} open; load average at start ${r.loadAverage}, now ${loadAverage()}`,
  );
  if (r.intake) {
    const i = r.intake;
    const status = Object.entries(i.http.statusCounts)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    console.log(
      `\norder intake (POST /api/workorders as agent, ${i.connections} connections, ${i.seconds} s, ${Math.round(i.onSpotShare * 100)} % answered on the spot; target ≥ 2,000/s, p99 ≤ 50 ms)`,
    );
    console.log(
      table(
        [
          '',
          'orders/s',
          'p50',
          'p95',
          'p99',
          'answers',
          'raw INSERT rows/s',
          'INSERT p99',
          'raw ÷ HTTP',
          'target',
        ],
        [
          [
            'intake',
            Math.round(i.http.okPerSecond),
            ms(i.http.p50),
            ms(i.http.p95),
            ms(i.http.p99),
            status,
            Math.round(i.raw.queriesPerSecond),
            ms(i.raw.p99),
            (i.raw.queriesPerSecond / Math.max(1, i.http.okPerSecond)).toFixed(1) + '×',
            i.http.okPerSecond >= 2000 && i.http.p99 <= 50 ? 'met' : 'MISSED',
          ],
        ],
      ),
    );
    console.log(`orders written during the run: ${i.created.toLocaleString('en')}`);
  }
  if (r.queues) {
    console.log(`\nqueue pages (GET /api/workorders?queue=…&pageSize=20; target p95 ≤ 30 ms)`);
    console.log(
      table(
        [
          'user',
          'queue',
          'total',
          'HTTP p50',
          'p95',
          'p99',
          'req/s',
          'errors',
          'in-process p95',
          'ratio',
          'target',
        ],
        r.queues.map((q) => [
          q.user,
          q.queue,
          q.total,
          ms(q.http?.p50 ?? NaN),
          ms(q.http?.p95 ?? NaN),
          ms(q.http?.p99 ?? NaN),
          Math.round(q.http?.requestsPerSecond ?? 0),
          (q.http?.errors ?? 0) + (q.http?.non2xx ?? 0),
          ms(q.service.p95),
          ((q.http?.p95 ?? NaN) / q.service.p95).toFixed(1) + '×',
          (q.http?.p95 ?? Infinity) <= 30 && !q.http?.non2xx ? 'met' : 'MISSED',
        ]),
      ),
    );
  }
  if (r.sweep) {
    console.log(`\nSLA sweep passes (runSlaSweep; target ≤ 1 s per pass)`);
    console.log(
      table(
        [
          'pass',
          'open orders',
          'running clocks',
          'due',
          'raised',
          'breaches',
          'pass ms',
          'SELECT ms',
          'ratio',
          'target',
        ],
        r.sweep.map((p) => [
          p.label,
          p.openOrders,
          p.runningClocks,
          p.due,
          p.raised,
          p.breaches,
          ms(p.ms),
          ms(p.baselineMs),
          (p.ms / Math.max(0.01, p.baselineMs)).toFixed(1) + '×',
          p.ms <= 1000 ? 'met' : 'MISSED',
        ]),
      ),
    );
  }
  if (r.delivery) {
    console.log(`\nSMS delivery to the local gateway simulator (target ≥ 1,000 messages/s)`);
    console.log(
      table(
        ['workers', 'messages', 'enqueue/s', 'sent', 'failed', 'sent/s', 'raw POST/s', 'ratio', 'target'],
        r.delivery.map((d) => [
          d.concurrency,
          d.messages,
          Math.round(d.enqueuePerSecond),
          d.sent,
          d.failed,
          Math.round(d.sentPerSecond),
          Math.round(d.baselinePerSecond),
          (d.baselinePerSecond / Math.max(1, d.sentPerSecond)).toFixed(1) + '×',
          d.sentPerSecond >= 1000 ? 'met' : 'MISSED',
        ]),
      ),
    );
  }
}

/** Generates the orders the benchmark reads into a database that has its customers; answers the seconds. */
export async function generateBenchOrders(
  o: Target,
  counts: { historical: number; open: number },
): Promise<number> {
  const db = await openTarget(o);
  try {
    console.log(
      `work orders on ${o.kind}: ${counts.historical.toLocaleString('en')} historical, ${counts.open.toLocaleString('en')} open …`,
    );
    const r = await generateWorkOrders(db, { ...counts, seed: 42, log: console.log });
    return r.seconds;
  } finally {
    await db.close();
  }
}

export function workOrderOptionsFromArgs(kind: Target['kind'], where: string): WorkOrderBenchOptions {
  return {
    kind,
    where,
    parts: new Set((arg('only', 'sweep,delivery,queues,intake') ?? '').split(',')),
    durationSeconds: Number(arg('duration', '10')),
    connections: Number(arg('connections', '10')),
    intakeSeconds: Number(arg('intake-duration', '60')),
    intakeConnections: Number(arg('intake-connections', '20')),
    smsCount: Number(arg('sms', '20000')),
    onSpotScale: Number(arg('on-spot', '1')),
    concurrencies: (arg('concurrency', '1,4') ?? '1').split(',').map(Number),
    keep: flag('keep'),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kind = arg('kind', 'postgres') as Target['kind'];
  const where = arg('where', kind === 'postgres' ? 'gc_bench' : '/tmp/gc_bench_pglite')!;
  printWorkOrders(await benchWorkOrders(workOrderOptionsFromArgs(kind, where)));
  process.exit(0);
}
