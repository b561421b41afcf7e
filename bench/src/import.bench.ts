// Benchmark d: the customer-archive import (issue target: 1,000,000 rows with accounts and meters
// ≥ 20,000 rows/s, within 3× a raw COPY of the same rows, server memory < 1 GB).
//   node --import tsx bench/src/import.bench.ts [--rows N] [--db postgres|pglite] [--where NAME|DIR] [--keep-files]
// Baseline, measured in the same run on the same fresh database: a raw COPY of the same rows, pre-shaped
// with explicit ids, straight into customers, accounts and meters with every index present (no
// validation, no premises/contacts/timeline/audit). Then the tables are truncated and importFile(…)
// validates and commits the CSV (mode valid_rows); validation and commit are timed separately.
// Peak RSS is sampled every 200 ms over the import only (the files are written beforehand, streaming).
import { createReadStream, rmSync, statSync, openAsBlob } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { isPglite, isPostgres, type Db } from '../../apps/server/src/platform/db/db';
import { seedOrganisation } from '../../apps/server/seed/org-seed';
import { loadAuthUser } from '../../apps/server/src/platform/auth/auth.service';
import { importFile } from '../../apps/server/src/modules/imports/imports.service';
import { openBenchDb } from './lib/databases';
import { BASELINE_COLUMNS, writeImportFiles } from './lib/import-file';
import { arg, flag, secs } from './lib/stats';

export interface ImportTarget {
  kind: 'postgres' | 'pglite';
  /** PostgreSQL database name (gc_bench_import…) or PGlite directory. */
  where: string;
  rows: number;
  keepFiles?: boolean;
  log?: (s: string) => void;
}

export interface ImportResult {
  kind: 'postgres' | 'pglite';
  rows: number;
  csvMiB: number;
  baselineSeconds: number;
  baselineRowsPerSecond: number;
  validateSeconds: number;
  commitSeconds: number;
  importSeconds: number;
  rowsPerSecond: number;
  /** import (validation + commit) time / raw COPY time. */
  ratio: number;
  imported: number;
  errors: number;
  peakRssMiB: number;
  rssBeforeMiB: number;
  loadAverage: string;
}

const MiB = 2 ** 20;
const TABLES = ['customers', 'accounts', 'meters'] as const;

/** Samples the process RSS every 200 ms until stopped. */
function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 200);
  return {
    stop(): number {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

async function checkpoint(db: Db): Promise<void> {
  if (isPostgres(db)) await db.exec('CHECKPOINT');
}

async function rawCopy(db: Db, files: Record<(typeof TABLES)[number], string>): Promise<number> {
  const t = performance.now();
  if (isPostgres(db)) {
    const client = await db.connect();
    try {
      for (const table of TABLES) {
        await pipeline(
          createReadStream(files[table], { highWaterMark: 1 << 20 }),
          client.query(copyFrom(`COPY ${table} (${BASELINE_COLUMNS[table].join(', ')}) FROM STDIN`)),
        );
      }
    } finally {
      client.release();
    }
  } else if (isPglite(db)) {
    for (const table of TABLES) {
      const blob = await openAsBlob(files[table]);
      await db.pglite.query(`COPY ${table} (${BASELINE_COLUMNS[table].join(', ')}) FROM '/dev/blob'`, [], {
        blob,
      });
    }
  } else throw new Error('unknown database kind');
  return performance.now() - t;
}

export async function benchImport(o: ImportTarget): Promise<ImportResult> {
  const log = o.log ?? console.log;
  if (o.kind === 'postgres' && !o.where.startsWith('gc_bench_import'))
    throw new Error('the import benchmark uses its own databases: gc_bench_import*');
  const db = await openBenchDb(o.kind, o.where, true);
  const prefix = path.join(tmpdir(), `gc_bench_import_${process.pid}_${o.kind}`);
  try {
    const org = await seedOrganisation(db);
    const units = await db.query<{ code: string; id: number }>('SELECT code, id FROM org_units');
    log(`import on ${o.kind}: writing ${o.rows.toLocaleString('en')} rows to ${prefix}.csv (streaming) …`);
    const tw = performance.now();
    const files = await writeImportFiles(prefix, o.rows, {
      orgUnitIdByCode: new Map(units.rows.map((u) => [u.code, u.id])),
    });
    log(`  files written in ${secs(performance.now() - tw)} (CSV ${(files.csvBytes / MiB).toFixed(0)} MiB)`);

    // (a) Baseline: raw COPY of the same rows into the real tables, indexes present.
    await checkpoint(db);
    log('  baseline: raw COPY of customers, accounts, meters …');
    const baselineMs = await rawCopy(db, files.copyPaths);
    log(`  baseline ${secs(baselineMs)}`);
    await db.exec(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY CASCADE`);
    await checkpoint(db);

    // (b) importFile, mode valid_rows.
    const admin = org.userIds.admin;
    const base = await db.query<{ username: string; displayName: string; locale: string }>(
      `SELECT username, display_name AS "displayName", locale FROM users WHERE id = $1`,
      [admin],
    );
    const user = await loadAuthUser(db, admin, base.rows[0]);
    const loadAverage = (await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    log('  importFile(valid_rows) …');
    const sampler = rssSampler();
    const ti = performance.now();
    const r = await importFile(db, user, { filePath: files.csvPath, format: 'csv', mode: 'valid_rows' });
    const importMs = performance.now() - ti;
    const peak = sampler.stop();
    if (r.status !== 'done') {
      const job = await db.query<{ message: string | null }>(
        'SELECT message FROM import_jobs WHERE id = $1',
        [r.jobId],
      );
      throw new Error(`import ended ${r.status}: ${job.rows[0]?.message ?? ''}`);
    }
    const counts = await db.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM accounts)::int AS accounts,
              (SELECT count(*) FROM meters)::int AS meters, (SELECT count(*) FROM premises)::int AS premises,
              (SELECT count(*) FROM contacts)::int AS contacts,
              (SELECT count(*) FROM timeline_events WHERE kind = 'customer_imported')::int AS timeline`,
    );
    log(`  imported: ${JSON.stringify(counts.rows[0])}; errors ${r.errors}`);
    if (counts.rows[0].customers !== o.rows || counts.rows[0].meters !== o.rows)
      throw new Error(`expected ${o.rows} customers and meters`);
    const validateSeconds = r.timings.validateMs / 1000;
    const commitSeconds = r.timings.commitMs / 1000;
    return {
      kind: o.kind,
      rows: o.rows,
      csvMiB: statSync(files.csvPath).size / MiB,
      baselineSeconds: baselineMs / 1000,
      baselineRowsPerSecond: o.rows / (baselineMs / 1000),
      validateSeconds,
      commitSeconds,
      importSeconds: importMs / 1000,
      rowsPerSecond: o.rows / (importMs / 1000),
      ratio: importMs / baselineMs,
      imported: r.imported,
      errors: r.errors,
      peakRssMiB: peak / MiB,
      rssBeforeMiB: rssBefore / MiB,
      loadAverage,
    };
  } finally {
    await db.close();
    if (!o.keepFiles)
      for (const suffix of ['.csv', '.customers.copy', '.accounts.copy', '.meters.copy'])
        rmSync(prefix + suffix, { force: true });
  }
}

export function printImport(kind: ImportResult['kind'], r: ImportResult): void {
  const n = (v: number) => Math.round(v).toLocaleString('en');
  console.log(
    `import ${kind}: ${n(r.rows)} rows (CSV ${r.csvMiB.toFixed(0)} MiB) in ${secs(r.importSeconds * 1000)}` +
      ` (validation ${secs(r.validateSeconds * 1000)}, commit ${secs(r.commitSeconds * 1000)}) = ${n(r.rowsPerSecond)} rows/s;` +
      ` baseline raw COPY of customers+accounts+meters ${secs(r.baselineSeconds * 1000)} (${n(r.baselineRowsPerSecond)} rows/s);` +
      ` ratio ${r.ratio.toFixed(2)}×; peak RSS ${n(r.peakRssMiB)} MiB (before import ${n(r.rssBeforeMiB)} MiB);` +
      ` load average at start ${r.loadAverage}`,
  );
  console.log(
    `  targets: ≥ 20,000 rows/s ${r.rowsPerSecond >= 20_000 ? 'met' : 'NOT met'}; ≤ 3× COPY ${r.ratio <= 3 ? 'met' : 'NOT met'};` +
      ` RSS < 1 GiB ${r.peakRssMiB < 1024 ? 'met' : 'NOT met'}`,
  );
}

/** For run-all.ts: PostgreSQL `gc_bench_import` and PGlite /tmp/gc_bench_import_pglite. */
export async function runImportBenchmarks(
  kinds: ('postgres' | 'pglite')[],
  rows: Record<'postgres' | 'pglite', number>,
): Promise<ImportResult[]> {
  const out: ImportResult[] = [];
  for (const kind of kinds) {
    const where = kind === 'postgres' ? 'gc_bench_import' : path.join(tmpdir(), 'gc_bench_import_pglite');
    const r = await benchImport({ kind, where, rows: rows[kind] });
    printImport(kind, r);
    out.push(r);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kind = arg('db', 'postgres') as 'postgres' | 'pglite';
  const rows = Number(arg('rows', '1000000'));
  const where = arg(
    'where',
    kind === 'postgres' ? 'gc_bench_import' : path.join(tmpdir(), 'gc_bench_import_pglite'),
  )!;
  printImport(kind, await benchImport({ kind, where, rows, keepFiles: flag('keep-files') }));
  process.exit(0);
}
