// Benchmark c: customer 360 (GET /api/customers/:id/overview) at 10 concurrent clients over random
// ids; target p95 ≤ 30 ms. Baseline, same run: one raw SQL statement that reads the same parts
// (customer, premises, accounts, meters, contacts, transformers, manager, latest timeline) as JSON.
import { httpLoad, sqlLoad, type HttpResult } from './lib/load';
import { openTarget, sampleCustomerIds, serveTarget, type Target } from './lib/target';
import { arg, ms, table, type Latency } from './lib/stats';

const OVERVIEW_SQL = `
  SELECT row_to_json(c) AS customer,
    (SELECT json_agg(p) FROM premises p WHERE p.customer_id = c.id) AS premises,
    (SELECT json_agg(a) FROM accounts a WHERE a.customer_id = c.id) AS accounts,
    (SELECT json_agg(m) FROM meters m WHERE m.customer_id = c.id) AS meters,
    (SELECT json_agg(ct) FROM contacts ct WHERE ct.customer_id = c.id) AS contacts,
    (SELECT json_agg(t) FROM transformers t WHERE t.customer_id = c.id) AS transformers,
    (SELECT row_to_json(mp) FROM manager_profiles mp WHERE mp.user_id = c.account_manager_id) AS manager,
    (SELECT json_agg(e) FROM (SELECT * FROM timeline_events e WHERE e.customer_id = c.id ORDER BY at DESC LIMIT 10) e) AS timeline
  FROM customers c WHERE c.id = $1`;

export interface Customer360Result {
  http: HttpResult;
  sql: Latency & { queriesPerSecond: number };
}

export async function benchCustomer360(
  o: Target & { durationSeconds: number; connections?: number },
): Promise<Customer360Result> {
  const connections = o.connections ?? 10;
  const db = await openTarget(o);
  let ids: number[];
  let sql: Customer360Result['sql'];
  try {
    ids = await sampleCustomerIds(db, 2000, 11);
    await sqlLoad((i) => db.query(OVERVIEW_SQL, [ids[i % ids.length]]), connections, 1);
    sql = await sqlLoad(
      (i) => db.query(OVERVIEW_SQL, [ids[(i * 7) % ids.length]]),
      connections,
      o.durationSeconds,
    );
  } finally {
    await db.close();
  }
  const { server, cookie } = await serveTarget(o);
  try {
    const paths = ids.map((id) => `/api/customers/${id}/overview`);
    await httpLoad({ baseUrl: server.url, cookie, paths, connections, durationSeconds: 3 });
    const http = await httpLoad({
      baseUrl: server.url,
      cookie,
      paths: [...paths].reverse(),
      connections,
      durationSeconds: o.durationSeconds,
    });
    return { http, sql };
  } finally {
    await server.stop();
  }
}

export function printCustomer360(kind: string, r: Customer360Result, targetMs = 30, connections = 10): void {
  console.log(
    `\ncustomer 360 over HTTP on ${kind} (${connections} clients, random ids; target p95 ≤ ${targetMs} ms at 10 clients)`,
  );
  console.log(
    table(
      ['', 'HTTP p50', 'p95', 'p99', 'req/s', 'errors', 'SQL p50', 'p95', 'p99', 'p95 ratio', 'target'],
      [
        [
          'overview',
          ms(r.http.p50),
          ms(r.http.p95),
          ms(r.http.p99),
          Math.round(r.http.requestsPerSecond),
          r.http.errors + r.http.non2xx,
          ms(r.sql.p50),
          ms(r.sql.p95),
          ms(r.sql.p99),
          (r.http.p95 / r.sql.p95).toFixed(1) + '×',
          r.http.p95 <= targetMs && r.http.non2xx === 0 ? 'met' : 'MISSED',
        ],
      ],
    ),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kind = arg('kind', 'postgres') as 'postgres' | 'pglite';
  const where = arg('where', kind === 'postgres' ? 'gc_bench' : '/tmp/gc_bench_pglite')!;
  const connections = Number(arg('connections', '10'));
  const result = await benchCustomer360({
    kind,
    where,
    connections,
    durationSeconds: Number(arg('duration', '10')),
  });
  printCustomer360(kind, result, 30, connections);
}
