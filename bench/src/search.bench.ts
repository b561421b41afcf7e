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
) {
  const log = o.log ?? console.log;
  const connections = o.connections ?? 10;
  const kinds = Object.keys(SEARCH_KINDS) as SearchKind[];
  const db = await openTarget(o);
  const values = await sampleSearchValues(db);
  const sql = {} as Record<SearchKind, SearchRow['sql']>;
  try {
    for (const kind of kinds) {
      const q = SEARCH_KINDS[kind].sql;
      const v = values[kind];
      const param = (i: number) =>
        kind === 'name'
          ? v[i % v.length].toLowerCase()
          : kind === 'address'
            ? v[i % v.length].toLowerCase()
            : v[i % v.length];
      await sqlLoad((i) => db.query(q, [param(i)]), connections, 1);
      sql[kind] = await sqlLoad((i) => db.query(q, [param(i)]), connections, o.durationSeconds);
      log(`  raw SQL ${kind}: p95 ${sql[kind].p95.toFixed(1)} ms`);
    }
  } finally {
    await db.close();
  }
  const { server, cookie } = await serveTarget(o);
  const rows: SearchRow[] = [];
  try {
    const pathsOf = (kind: SearchKind) =>
      values[kind].map((v) => `/api/customers?q=${encodeURIComponent(v)}&pageSize=20`);
    await httpLoad({
      baseUrl: server.url,
      cookie,
      paths: kinds.flatMap(pathsOf),
      connections,
      durationSeconds: 3,
    });
    for (const kind of kinds) {
      const http = await httpLoad({
        baseUrl: server.url,
        cookie,
        paths: pathsOf(kind),
        connections,
        durationSeconds: o.durationSeconds,
      });
      log(
        `  HTTP ${kind}: p95 ${http.p95.toFixed(1)} ms (${Math.round(http.requestsPerSecond)} req/s, ${http.non2xx} non-2xx)`,
      );
      rows.push({ kind, http, sql: sql[kind] });
    }
  } finally {
    await server.stop();
  }
  return rows;
}

export function printSearch(kind: string, rows: SearchRow[], targetMs = 20): void {
  console.log(`\nsearch over HTTP on ${kind} (10 clients; target p95 ≤ ${targetMs} ms)`);
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
  printSearch(kind, await benchSearch({ kind, where, durationSeconds: Number(arg('duration', '10')) }));
}
