// Benchmark: register-reading intake (抄表数据导入, target ≥ 200,000 rows/s and ≥ 50 % of a raw COPY on
// PostgreSQL).
//   node --import tsx bench/src/readings.bench.ts [--customers N] [--history M] [--db postgres|pglite]
//        [--where NAME|DIR] [--skip-generate]
// A fresh database gets N customers (default 200,000) and M months of readings (default 6) from the
// generator, so every intake row is validated against a real previous reading and history. Then one CSV
// of the next period — every register of every meter — is written to a file.
// Baseline, same run, same table and indexes: a raw COPY of the same rows pre-shaped as meter_readings
// rows (previous value, multiplier and consumption computed beforehand, no validation). Those rows are
// deleted again, and the real intake path (stageCsv → commitIntake: COPY into the staging table, the
// set-wise checks, the INSERT … SELECT with previous reading, history, rollover and exception codes)
// reads the CSV file. Both figures and the ratio are printed.
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { addPeriodMonths } from '@gridcare/domain';
import { isPglite, isPostgres, type Db } from '../../apps/server/src/platform/db/db';
import { seedOrganisation } from '../../apps/server/seed/org-seed';
import { generateCustomers } from '../../apps/server/seed/generate';
import { generateReadings } from '../../apps/server/seed/generator/readings';
import { loadAuthUser } from '../../apps/server/src/platform/auth/auth.service';
import { commitIntake, stageCsv } from '../../apps/server/src/modules/metering/reading-intake.service';
import { dropStage } from '../../apps/server/src/modules/metering/reading-stage';
import { openBenchDb } from './lib/databases';
import { arg, flag, secs, table } from './lib/stats';

const LAST_HISTORY = '2026-06';
const PERIOD = addPeriodMonths(LAST_HISTORY, 1);

const BASELINE_COLUMNS =
  'meter_id, account_id, org_unit_id, period, settlement, register, read_on, value, previous_value, multiplier, consumption, source, status';

export interface ReadingsBenchResult {
  kind: 'postgres' | 'pglite';
  rows: number;
  baselineSeconds: number;
  baselineRowsPerSecond: number;
  intakeSeconds: number;
  intakeRowsPerSecond: number;
  /** intake rows/s ÷ raw COPY rows/s. */
  ratio: number;
  valid: number;
  exceptions: number;
  loadAverage: string;
}

/** Writes the intake CSV and the pre-shaped baseline rows of the next period; returns the row count. */
async function writeFiles(db: Db, csvPath: string, copyPath: string): Promise<number> {
  const csv = createWriteStream(csvPath);
  const raw = createWriteStream(copyPath);
  csv.write('meter_asset_no,period,settlement,register,read_on,value\n');
  let rows = 0;
  let lastId = 0;
  for (;;) {
    const r = await db.query<{
      id: number;
      meter_id: number;
      asset_no: string;
      account_id: number;
      org_unit_id: number;
      register: string;
      value: string;
      multiplier: string;
      consumption: string;
    }>(
      `SELECT r.id, r.meter_id, m.asset_no, r.account_id, r.org_unit_id, r.register, r.value, r.multiplier, r.consumption
         FROM meter_readings r JOIN meters m ON m.id = r.meter_id
        WHERE r.period = $1 AND r.id > $2 AND r.status = 'valid' ORDER BY r.id LIMIT 50000`,
      [LAST_HISTORY, lastId],
    );
    if (r.rows.length === 0) break;
    let a = '';
    let b = '';
    for (const x of r.rows) {
      // Next month ≈ this month's advance: value + consumption ÷ multiplier (rounded to the hundredth).
      const mult = Number(x.multiplier);
      const prevCents = Math.round(Number(x.value) * 100);
      const advCents = x.register === 'max_demand' ? 0 : Math.round((Number(x.consumption) * 100) / mult);
      const valueCents = x.register === 'max_demand' ? prevCents : (prevCents + advCents) % 100_000_000;
      const value = (valueCents / 100).toFixed(2);
      const kwh = (Math.floor((advCents * Math.round(mult * 100) + 50) / 100) / 100).toFixed(2);
      a += `${x.asset_no},${PERIOD},1,${x.register},${PERIOD}-10,${value}\n`;
      b += `${x.meter_id}\t${x.account_id}\t${x.org_unit_id}\t${PERIOD}\t1\t${x.register}\t${PERIOD}-10\t${value}\t${x.register === 'max_demand' ? '\\N' : x.value}\t${x.multiplier}\t${x.register === 'max_demand' ? x.consumption : kwh}\tapi\tvalid\n`;
      rows++;
    }
    lastId = r.rows[r.rows.length - 1].id;
    if (!csv.write(a)) await once(csv, 'drain');
    if (!raw.write(b)) await once(raw, 'drain');
  }
  csv.end();
  raw.end();
  await Promise.all([once(csv, 'finish'), once(raw, 'finish')]);
  return rows;
}

async function rawCopy(db: Db, file: string): Promise<number> {
  const t = performance.now();
  const sql = `COPY meter_readings (${BASELINE_COLUMNS}) FROM %s`;
  if (isPostgres(db)) {
    const client = await db.connect();
    try {
      await pipeline(
        createReadStream(file, { highWaterMark: 1 << 20 }),
        client.query(copyFrom(sql.replace('%s', 'STDIN'))),
      );
    } finally {
      client.release();
    }
  } else if (isPglite(db)) {
    const { openAsBlob } = await import('node:fs');
    await db.pglite.query(sql.replace('%s', `'/dev/blob'`), [], { blob: await openAsBlob(file) });
  }
  return performance.now() - t;
}

export async function benchReadings(opts: {
  kind: 'postgres' | 'pglite';
  where: string;
  customers: number;
  historyMonths: number;
  skipGenerate?: boolean;
  log?: (s: string) => void;
}): Promise<ReadingsBenchResult> {
  const log = opts.log ?? console.log;
  const db = await openBenchDb(opts.kind, opts.where, !opts.skipGenerate);
  const csvPath = path.join(tmpdir(), `gc-readings-${process.pid}.csv`);
  const copyPath = path.join(tmpdir(), `gc-readings-${process.pid}.copy`);
  try {
    if (!opts.skipGenerate) {
      log(
        `  generating ${opts.customers.toLocaleString('en')} customers and ${opts.historyMonths} months of readings …`,
      );
      const org = await seedOrganisation(db);
      await generateCustomers(db, org, { customers: opts.customers, seed: 42 });
      await db.query(`UPDATE accounts SET created_at = '2024-01-01'`);
      await generateReadings(db, { months: opts.historyMonths, lastPeriod: LAST_HISTORY, seed: 42 });
    }
    await db.query(`DELETE FROM meter_readings WHERE period >= $1`, [PERIOD]);
    const rows = await writeFiles(db, csvPath, copyPath);
    log(`  ${rows.toLocaleString('en')} readings of ${PERIOD} written to ${csvPath}`);
    if (isPostgres(db)) {
      await db.exec('VACUUM ANALYZE meter_readings');
      await db.exec('CHECKPOINT');
    }

    const baselineMs = await rawCopy(db, copyPath);
    log(`  raw COPY ${secs(baselineMs)}`);
    await db.query(`DELETE FROM meter_readings WHERE period = $1`, [PERIOD]);
    if (isPostgres(db)) {
      await db.exec('VACUUM ANALYZE meter_readings');
      await db.exec('CHECKPOINT');
    }

    const adminId = (await db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'admin'`)).rows[0]
      .id;
    const base = await db.query<{ username: string; displayName: string; locale: string }>(
      `SELECT username, display_name AS "displayName", locale FROM users WHERE id = $1`,
      [adminId],
    );
    const user = await loadAuthUser(db, adminId, base.rows[0]);
    const loadAverage = os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    const t = performance.now();
    const staged = await stageCsv(db, 'register', createReadStream(csvPath, { highWaterMark: 1 << 20 }));
    const tStaged = performance.now();
    let batch;
    try {
      batch = await db.transaction((tx) =>
        commitIntake(tx, user, staged, { source: 'api', fileName: 'bench.csv' }),
      );
    } finally {
      await dropStage(db, staged.stage);
    }
    const intakeMs = performance.now() - t;
    log(
      `  intake ${secs(intakeMs)} (staging COPY ${secs(tStaged - t)}, checks + write ${secs(intakeMs - (tStaged - t))})`,
    );
    if (batch.status !== 'completed')
      throw new Error(`intake rejected the bench file: ${batch.errorRows} bad lines`);
    const baselineRowsPerSecond = rows / (baselineMs / 1000);
    const intakeRowsPerSecond = rows / (intakeMs / 1000);
    return {
      kind: opts.kind,
      rows,
      baselineSeconds: baselineMs / 1000,
      baselineRowsPerSecond,
      intakeSeconds: intakeMs / 1000,
      intakeRowsPerSecond,
      ratio: intakeRowsPerSecond / baselineRowsPerSecond,
      valid: batch.validRows,
      exceptions: batch.exceptionRows,
      loadAverage,
    };
  } finally {
    rmSync(csvPath, { force: true });
    rmSync(copyPath, { force: true });
    await db.close();
  }
}

export function printReadings(results: ReadingsBenchResult[]): void {
  console.log(
    table(
      ['db', 'rows', 'raw COPY', 'rows/s', 'intake', 'rows/s', 'intake/COPY', 'valid', 'exceptions', 'load'],
      results.map((r) => [
        r.kind,
        r.rows.toLocaleString('en'),
        r.baselineSeconds.toFixed(2) + ' s',
        Math.round(r.baselineRowsPerSecond).toLocaleString('en'),
        r.intakeSeconds.toFixed(2) + ' s',
        Math.round(r.intakeRowsPerSecond).toLocaleString('en'),
        (r.ratio * 100).toFixed(0) + ' %',
        r.valid.toLocaleString('en'),
        r.exceptions.toLocaleString('en'),
        r.loadAverage,
      ]),
    ),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kind = (arg('db', 'postgres') as 'postgres' | 'pglite') ?? 'postgres';
  const r = await benchReadings({
    kind,
    where: arg('where', kind === 'postgres' ? 'gc_bench_readings' : '/tmp/gc_bench_readings_pglite')!,
    customers: Number(arg('customers', '200000')),
    historyMonths: Number(arg('history', '6')),
    skipGenerate: flag('skip-generate'),
  });
  printReadings([r]);
}
