// Benchmark: the bill run end to end over a generated company with one month of readings (issue: 1,000,000
// accounts of mixed tariffs on PostgreSQL, target ≤ 30 s and ≤ 4× one raw INSERT … SELECT writing the same
// bill rows; memory of the process running it ≤ 1 GB), and the quote's p99 over HTTP (≤ 10 ms). The same
// bill run on PGlite with a smaller N is reported beside it.
//
// The bill run executes in a child process (`npm run cli -- bill-run`, the code the pg-boss job runs), whose
// RSS is sampled every 100 ms from /proc. The baseline is measured in the same run right after: one
// INSERT … SELECT copying the run's bills (same columns, same indexes, lines included) into another
// period, rolled back.
// Usage: node --import tsx bench/src/billing.bench.ts [--kind postgres|pglite|both] [--customers 1000000]
//        [--pglite-customers 50000] [--where gc_bench_billing] [--pglite-dir data/bench-billing]
//        [--fresh] [--batch-size 5000] [--quote-duration 10] [--connections 10]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { databaseUrl, openBenchDb, postgresExists, recreatePostgres } from './lib/databases';
import { requestLoad } from './lib/request-load';
import { login, REPO_ROOT, startServer } from './lib/server';
import { arg, flag, ms, table } from './lib/stats';
import type { Db } from '../../apps/server/src/platform/db/db';

type Kind = 'postgres' | 'pglite';

interface RunFigures {
  kind: Kind;
  accounts: number;
  billed: number;
  seconds: number;
  baselineSeconds: number;
  ratio: number;
  peakRssMb: number;
  billsPerSecond: number;
  quote?: { p50: number; p95: number; p99: number; rps: number; non2xx: number };
}

const envOf = (kind: Kind, where: string): NodeJS.ProcessEnv =>
  kind === 'postgres'
    ? { ...process.env, DATABASE_URL: databaseUrl(where) }
    : { ...process.env, DATABASE_URL: '', GRIDCARE_DATA_DIR: path.resolve(REPO_ROOT, where) };

/** Runs `node --import tsx apps/server/src/cli.ts …`, sampling its RSS; resolves with output and peak RSS. */
function cli(kind: Kind, where: string, args: string[], log: (s: string) => void) {
  return new Promise<{ out: string; peakRssMb: number; seconds: number }>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...envOf(kind, where), TZ: 'UTC' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let peak = 0;
    const sample = setInterval(() => {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch {
        // the process has just exited
      }
    }, 100);
    const onData = (d: Buffer) => {
      out += d.toString();
      for (const line of d.toString().split('\n'))
        if (line.trim() && !line.includes('processed')) log('    ' + line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearInterval(sample);
      if (code === 0) resolve({ out, peakRssMb: peak, seconds: (performance.now() - started) / 1000 });
      else reject(new Error(`cli ${args.join(' ')} exited ${code}:\n${out.slice(-2000)}`));
    });
  });
}

async function prepare(
  kind: Kind,
  where: string,
  customers: number,
  fresh: boolean,
  log: (s: string) => void,
) {
  const exists =
    kind === 'postgres' ? await postgresExists(where) : existsSync(path.join(REPO_ROOT, where, 'pgdata'));
  if (exists && !fresh) return;
  log(`  generating ${customers.toLocaleString('en')} customers with one month of readings (${kind})…`);
  if (kind === 'postgres') await recreatePostgres(where);
  await cli(kind, where, ['seed', '--customers', String(customers), '--reading-months', '1', '--reset'], log);
}

/** Forgets the bills of earlier runs so every run bills the whole scope. */
async function clearBills(db: Db): Promise<void> {
  await db.exec(`DELETE FROM timeline_events WHERE kind = 'bill'`);
  await db.exec(`TRUNCATE bills, bill_runs CASCADE`);
  await db.exec(`DELETE FROM meter_readings WHERE status = 'estimated'`);
  if (db.kind === 'postgres')
    await db.exec(`VACUUM ANALYZE bills, timeline_events, meter_readings, accounts`);
}

async function latestPeriod(db: Db): Promise<string> {
  const r = await db.query<{ p: string }>(`SELECT max(period) AS p FROM meter_readings`);
  if (!r.rows[0]?.p) throw new Error('no readings: generate with --reading-months 1');
  return r.rows[0].p;
}

/** The baseline: one INSERT … SELECT writing the same bill rows (rolled back). */
async function rawInsertSeconds(db: Db, period: string): Promise<number> {
  let seconds = 0;
  await db
    .transaction(async (tx) => {
      if (tx.kind === 'postgres') await tx.exec('SET LOCAL jit = off');
      const t = performance.now();
      await tx.query(
        `INSERT INTO bills(bill_no, account_id, customer_id, org_unit_id, period, settlement, kind, run_id,
                           tariff_category, tariff_version_id, period_start, period_end, energy_kwh, estimated,
                           total_fen, due_date, lines, issued_at, cycle_kwh)
         SELECT bill_no || '-B', account_id, customer_id, org_unit_id, '2099-12', settlement, kind, run_id,
                tariff_category, tariff_version_id, period_start, period_end, energy_kwh, estimated, total_fen,
                due_date, lines, issued_at, cycle_kwh
           FROM bills WHERE period = $1`,
        [period],
      );
      seconds = (performance.now() - t) / 1000;
      throw new Error('baseline rolled back');
    })
    .catch((e: Error) => {
      if (e.message !== 'baseline rolled back') throw e;
    });
  return seconds;
}

async function quoteLoad(kind: Kind, where: string, seconds: number, connections: number) {
  const server = await startServer(
    kind === 'postgres'
      ? { DATABASE_URL: databaseUrl(where) }
      : { GRIDCARE_DATA_DIR: path.resolve(REPO_ROOT, where) },
  );
  try {
    const cookie = await login(server.url, 'billing');
    const bodies = [
      {
        period: '2026-10',
        tariffCategory: 'residential',
        voltageLevel: '220V',
        energy: { totalKwh: 320 },
        residential: {
          cycle: 'annual',
          monthsOfServiceInCycle: 12,
          householdSize: 3,
          lowIncome: false,
          kwhBilledInCycle: 2400,
        },
      },
      {
        period: '2026-10',
        tariffCategory: 'commercial',
        voltageLevel: '380V',
        energy: { totalKwh: 5200, peakKwh: 2100, flatKwh: 1900, valleyKwh: 1200 },
        reactiveKvarh: 2100,
        pfStandard: '0.85',
      },
      {
        period: '2026-10',
        tariffCategory: 'large_industry',
        voltageLevel: '10kV',
        energy: { totalKwh: 400000, peakKwh: 150000, valleyKwh: 100000 },
        reactiveKvarh: 190000,
        pfStandard: '0.90',
        basicFeeMethod: 'capacity',
        transformers: [{ id: 'T1', capacityKva: 2000, state: 'running', sealed: false }],
      },
    ].map((b) => JSON.stringify(b));
    const r = await requestLoad({
      baseUrl: server.url,
      cookie,
      connections,
      durationSeconds: seconds,
      next: (i) => ({
        method: 'POST',
        path: '/api/billing/quote',
        headers: { 'content-type': 'application/json' },
        body: bodies[i % 3],
      }),
    });
    return { p50: r.p50, p95: r.p95, p99: r.p99, rps: r.requestsPerSecond, non2xx: r.non2xx };
  } finally {
    await server.stop();
  }
}

async function benchKind(
  kind: Kind,
  o: {
    where: string;
    customers: number;
    fresh: boolean;
    batchSize: number;
    quoteSeconds: number;
    connections: number;
  },
  log: (s: string) => void,
): Promise<RunFigures> {
  log(`\n${kind}: ${o.where}`);
  await prepare(kind, o.where, o.customers, o.fresh, log);
  const target = kind === 'postgres' ? o.where : path.resolve(REPO_ROOT, o.where);
  let db = await openBenchDb(kind, target, false);
  const period = await latestPeriod(db);
  const accounts = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM accounts`)).rows[0].n;
  await clearBills(db);
  await db.close(); // PGlite: one process at a time — the bill run's process opens it next.

  log(`  bill run ${period} over ${accounts.toLocaleString('en')} accounts…`);
  const run = await cli(
    kind,
    o.where,
    ['bill-run', '--period', period, '--batch-size', String(o.batchSize)],
    log,
  );
  const m = /in ([\d.]+) s: (\d+) billed/.exec(run.out);
  const seconds = m ? Number(m[1]) : run.seconds;
  const billed = m ? Number(m[2]) : 0;

  db = await openBenchDb(kind, target, false);
  log('  baseline: one INSERT … SELECT of the same bill rows…');
  const baselineSeconds = await rawInsertSeconds(db, period);
  await db.close();

  const figures: RunFigures = {
    kind,
    accounts,
    billed,
    seconds,
    baselineSeconds,
    ratio: seconds / baselineSeconds,
    peakRssMb: run.peakRssMb,
    billsPerSecond: billed / seconds,
  };
  if (o.quoteSeconds > 0) {
    log(`  quote over HTTP: ${o.connections} connections for ${o.quoteSeconds} s…`);
    figures.quote = await quoteLoad(kind, o.where, o.quoteSeconds, o.connections);
  }
  return figures;
}

async function main() {
  const which = arg('kind', 'both')!;
  const kinds: Kind[] = which === 'both' ? ['postgres', 'pglite'] : [which as Kind];
  const common = {
    fresh: flag('fresh'),
    batchSize: Number(arg('batch-size', '5000')),
    quoteSeconds: Number(arg('quote-duration', '10')),
    connections: Number(arg('connections', '10')),
  };
  const results: RunFigures[] = [];
  for (const kind of kinds) {
    results.push(
      await benchKind(
        kind,
        kind === 'postgres'
          ? {
              ...common,
              where: arg('where', 'gc_bench_billing')!,
              customers: Number(arg('customers', '1000000')),
            }
          : {
              ...common,
              where: arg('pglite-dir', 'data/bench-billing')!,
              customers: Number(arg('pglite-customers', '50000')),
            },
        console.log,
      ),
    );
  }
  console.log(
    '\n' +
      table(
        [
          'database',
          'accounts',
          'billed',
          'bill run',
          'bills/s',
          'raw INSERT…SELECT',
          'ratio',
          'peak RSS',
          'quote p50/p95/p99 ms',
          'quote req/s',
        ],
        results.map((r) => [
          r.kind,
          r.accounts.toLocaleString('en'),
          r.billed.toLocaleString('en'),
          `${r.seconds.toFixed(1)} s`,
          Math.round(r.billsPerSecond).toLocaleString('en'),
          `${r.baselineSeconds.toFixed(1)} s`,
          `${r.ratio.toFixed(2)}×`,
          `${Math.round(r.peakRssMb)} MB`,
          r.quote
            ? `${ms(r.quote.p50).trim()} / ${ms(r.quote.p95).trim()} / ${ms(r.quote.p99).trim()}${r.quote.non2xx ? ` (${r.quote.non2xx} non-2xx)` : ''}`
            : '—',
          r.quote ? Math.round(r.quote.rps).toLocaleString('en') : '—',
        ]),
      ),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
