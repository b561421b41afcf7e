// Benchmark a: the demo-data generator (issue target: 1,000,000 customers on PostgreSQL < 2 min).
// Baseline, measured in the same run: a raw COPY of the same customers rows alone into a bare table
// (no indexes, no constraints) — the floor of moving just the customers' bytes into the database.
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { isPglite, isPostgres, type Db } from '../../apps/server/src/platform/db/db';
import { seedOrganisation } from '../../apps/server/seed/org-seed';
import { generateCustomers } from '../../apps/server/seed/generate';
import { openBenchDb } from './lib/databases';
import { arg, secs } from './lib/stats';

export interface GeneratorResult {
  kind: 'postgres' | 'pglite';
  customers: number;
  totalRows: number;
  seconds: number;
  customersPerSecond: number;
  rowsPerSecond: number;
  baselineSeconds: number;
  /** generator time / raw COPY time of the customers rows alone. */
  ratio: number;
}

const GENERATED_TABLES = [
  'customers',
  'contacts',
  'premises',
  'accounts',
  'meters',
  'transformers',
  'manager_assignments',
  'ledger_entries',
  'visit_plans',
  'visits',
  'timeline_events',
];

async function rawCopyBaseline(db: Db): Promise<number> {
  await db.exec(
    'DROP TABLE IF EXISTS bench_raw_customers; CREATE TABLE bench_raw_customers (LIKE customers INCLUDING DEFAULTS)',
  );
  try {
    if (isPostgres(db)) {
      const file = `/tmp/gc_bench_customers_${process.pid}.copy`;
      const client = await db.connect();
      try {
        await pipeline(client.query(copyTo('COPY customers TO STDOUT')), createWriteStream(file));
        const t = performance.now();
        await pipeline(
          createReadStream(file, { highWaterMark: 1 << 20 }),
          client.query(copyFrom('COPY bench_raw_customers FROM STDIN')),
        );
        return performance.now() - t;
      } finally {
        client.release();
        rmSync(file, { force: true });
      }
    }
    if (isPglite(db)) {
      const dump = await db.pglite.query(`COPY customers TO '/dev/blob'`);
      const t = performance.now();
      await db.pglite.query(`COPY bench_raw_customers FROM '/dev/blob'`, [], { blob: dump.blob });
      return performance.now() - t;
    }
    throw new Error('unknown database kind');
  } finally {
    await db.exec('DROP TABLE IF EXISTS bench_raw_customers');
  }
}

/** Generates `customers` into a fresh database `where` (PostgreSQL database name or PGlite directory) and keeps it. */
export async function benchGenerator(o: {
  kind: 'postgres' | 'pglite';
  where: string;
  customers: number;
  seed?: number;
  log?: (s: string) => void;
}): Promise<GeneratorResult> {
  const log = o.log ?? console.log;
  const db = await openBenchDb(o.kind, o.where, true);
  try {
    const org = await seedOrganisation(db);
    log(`generator on ${o.kind}: ${o.customers.toLocaleString('en')} customers …`);
    const t = performance.now();
    await generateCustomers(db, org, { customers: o.customers, seed: o.seed ?? 42, log });
    const seconds = (performance.now() - t) / 1000;
    const counts = await db.query<{ n: number }>(
      `SELECT (${GENERATED_TABLES.map((x) => `(SELECT count(*) FROM ${x})`).join(' + ')})::bigint AS n`,
    );
    const totalRows = counts.rows[0].n;
    log(`baseline: raw COPY of the customers rows alone …`);
    const baselineSeconds = (await rawCopyBaseline(db)) / 1000;
    return {
      kind: o.kind,
      customers: o.customers,
      totalRows,
      seconds,
      customersPerSecond: o.customers / seconds,
      rowsPerSecond: totalRows / seconds,
      baselineSeconds,
      ratio: seconds / baselineSeconds,
    };
  } finally {
    await db.close();
  }
}

export function printGenerator(r: GeneratorResult): void {
  console.log(
    `generator ${r.kind}: ${r.customers.toLocaleString('en')} customers (${r.totalRows.toLocaleString('en')} rows) in ${secs(r.seconds * 1000)}` +
      ` = ${Math.round(r.customersPerSecond).toLocaleString('en')} customers/s, ${Math.round(r.rowsPerSecond).toLocaleString('en')} rows/s;` +
      ` baseline raw COPY of customers alone ${secs(r.baselineSeconds * 1000)}; ratio ${r.ratio.toFixed(2)}×`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kind = arg('kind', 'postgres') as 'postgres' | 'pglite';
  const customers = Number(arg('customers', kind === 'postgres' ? '1000000' : '100000'));
  const where = arg('where', kind === 'postgres' ? 'gc_bench' : '/tmp/gc_bench_pglite')!;
  printGenerator(await benchGenerator({ kind, where, customers }));
}
