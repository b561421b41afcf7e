// Benchmark b: the one search box over HTTP (GET /api/customers?q=…&pageSize=20) at 10 concurrent
// clients, per kind of query; target p95 ≤ 20 ms. Baseline, same run: the equivalent raw SQL lookup
// (one index, LIMIT 20) straight at the database at the same concurrency — the floor the API adds to.
import type { Db } from '../../apps/server/src/platform/db/db';
import { httpLoad, sqlLoad, type HttpResult } from './lib/load';
import { openTarget, sampleCustomerIds, serveTarget, type Target } from './lib/target';
import { arg, ms, table, type Latency } from './lib/stats';

const CUSTOMER_COLUMNS = 'c.id, c.customer_no, c.name, c.customer_class, c.phone, c.address';

export const SEARCH_KINDS = {
  account_no: {
    label: 'account number',
    sql: `SELECT ${CUSTOMER_COLUMNS} FROM accounts a JOIN customers c ON c.id = a.customer_id WHERE a.account_no = $1 LIMIT 20`,
  },
  name: {
    label: 'customer name',
    sql: `SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE lower(c.name) LIKE $1 || '%' LIMIT 20`,
  },
  phone: {
    label: 'full phone',
    sql: `SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.phone = $1 LIMIT 20`,
  },
  phone_last4: {
    label: 'last 4 digits',
    sql: `SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.phone_last4 = $1 ORDER BY c.id LIMIT 20`,
  },
  certificate: {
    label: 'certificate no.',
    sql: `SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.cert_no = $1 LIMIT 20`,
  },
  address: {
    label: 'address fragment',
    sql: `SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.search_text LIKE '%' || $1 || '%' LIMIT 20`,
  },
} as const;
export type SearchKind = keyof typeof SEARCH_KINDS;

export interface SearchRow {
  kind: SearchKind;
  http: HttpResult;
  sql: Latency & { queriesPerSecond: number };
}

/** Query values taken from the generated data: random customers' account no., name, phone … */
export async function sampleSearchValues(db: Db, n = 200): Promise<Record<SearchKind, string[]>> {
  const ids = await sampleCustomerIds(db, n, 7);
  const r = await db.query<{
    account_no: string;
    name: string;
    phone: string;
    cert_no: string;
    street: string;
    detail: string;
  }>(
    `SELECT (SELECT a.account_no FROM accounts a WHERE a.customer_id = c.id ORDER BY a.id LIMIT 1) AS account_no,
            c.name, c.phone, c.cert_no, p.street, p.detail
       FROM customers c JOIN premises p ON p.customer_id = c.id WHERE c.id = ANY($1::bigint[])`,
    [ids],
  );
  const rows = r.rows;
  return {
    account_no: rows.map((x) => x.account_no),
    name: rows.map((x) => x.name),
    phone: rows.map((x) => x.phone),
    phone_last4: rows.map((x) => x.phone.slice(-4)),
    certificate: rows.map((x) => x.cert_no),
    // 八一大道368号, 塘南镇胡家村7组83号: a road or village and a house number, as people type them.
    address: rows.map((x) => x.street + x.detail.slice(0, x.detail.indexOf('号') + 1)),
  };
}

export async function benchSearch(
  o: Target & { durationSeconds: number; connections?: number; log?: (s: string) => void },
): Promise<SearchRow[]> {
  const log = o.log ?? console.log;
  const connections = o.connections ?? 10;
  const kinds = Object.keys(SEARCH_KINDS) as SearchKind[];
  const sampler = await openTarget(o);
  const values = await sampleSearchValues(sampler).finally(() => sampler.close());
  const pathsOf = (kind: SearchKind) =>
    values[kind].map((v) => `/api/customers?q=${encodeURIComponent(v)}&pageSize=20`);
  const rows: SearchRow[] = [];
  // The machine is shared and noisy: each kind's baseline runs right before its HTTP run. PostgreSQL
  // keeps one server up (an idle server costs nothing); PGlite allows one process at a time, so the
  // baseline opens the database while no server runs.
  const shared = o.kind === 'postgres' ? { db: await openTarget(o), served: await serveTarget(o) } : null;
  try {
    if (shared) await warmHttp(shared.served, kinds.flatMap(pathsOf), connections);
    for (const kind of kinds) {
      const q = SEARCH_KINDS[kind].sql;
      const v = values[kind].map((x) => (kind === 'name' || kind === 'address' ? x.toLowerCase() : x));
      const db = shared?.db ?? (await openTarget(o));
      let sql: SearchRow['sql'];
      try {
        await sqlLoad((i) => db.query(q, [v[i % v.length]]), connections, 1);
        sql = await sqlLoad((i) => db.query(q, [v[i % v.length]]), connections, o.durationSeconds);
      } finally {
        if (!shared) await db.close();
      }
      const served = shared?.served ?? (await serveTarget(o));
      try {
        if (!shared) await warmHttp(served, pathsOf(kind), connections);
        const http = await httpLoad({
          baseUrl: served.server.url,
          cookie: served.cookie,
          paths: pathsOf(kind),
          connections,
          durationSeconds: o.durationSeconds,
        });
        log(
          `  ${kind}: HTTP p95 ${http.p95.toFixed(1)} ms (${Math.round(http.requestsPerSecond)} req/s, ${http.non2xx} non-2xx); raw SQL p95 ${sql.p95.toFixed(1)} ms`,
        );
        rows.push({ kind, http, sql });
      } finally {
        if (!shared) await served.server.stop();
      }
    }
  } finally {
    await shared?.served.server.stop();
    await shared?.db.close();
  }
  return rows;
}

async function warmHttp(
  served: { server: { url: string }; cookie: string },
  paths: string[],
  connections: number,
) {
  await httpLoad({
    baseUrl: served.server.url,
    cookie: served.cookie,
    paths,
    connections,
    durationSeconds: 3,
  });
}

export function printSearch(kind: string, rows: SearchRow[], targetMs = 20, connections = 10): void {
  console.log(
    `\nsearch over HTTP on ${kind} (${connections} clients; target p95 ≤ ${targetMs} ms at 10 clients)`,
  );
  console.log(
    table(
      ['query', 'HTTP p50', 'p95', 'p99', 'req/s', 'errors', 'SQL p50', 'p95', 'p99', 'p95 ratio', 'target'],
      rows.map((r) => [
        SEARCH_KINDS[r.kind].label,
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
      ]),
    ),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kind = arg('kind', 'postgres') as 'postgres' | 'pglite';
  const where = arg('where', kind === 'postgres' ? 'gc_bench' : '/tmp/gc_bench_pglite')!;
  const connections = Number(arg('connections', '10'));
  const rows = await benchSearch({
    kind,
    where,
    connections,
    durationSeconds: Number(arg('duration', '10')),
  });
  printSearch(kind, rows, 20, connections);
}
