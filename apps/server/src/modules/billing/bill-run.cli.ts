// `npm run cli -- bill-run --period 2026-10 [--settlement 2] [--org C01 | --book C01-T001] [--due-days 15]
//   [--issue-date 2026-11-01] [--batch-size 5000] [--lanes 2] [--pause-ms 0]`
// Runs the same code as the job behind POST /api/billing/runs, in this process. An unfinished run of the
// same period and scope (queued, running when the process died, or failed) is resumed from its cursor
// instead of starting another, so re-running the command after a crash finishes the run.
import type { Db } from '../../platform/db/db';
import { runPeriod } from './bill-input';
import * as repo from './bill-run.repository';
import { DEFAULT_BATCH_SIZE, DEFAULT_DUE_DAYS, DEFAULT_LANES, executeBillRun } from './bill-run.service';
import { ensureDefaultTariff } from './tariff-versions.service';

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

export const BILL_RUN_USAGE =
  'bill-run --period YYYY-MM [--settlement 1|2] [--org CODE | --book CODE] [--due-days N] [--issue-date YYYY-MM-DD] [--batch-size N] [--lanes N] [--pause-ms N]';

export async function billRunFromCli(
  db: Db,
  args: string[],
  log: (s: string) => void = console.log,
): Promise<number> {
  const period = flag(args, 'period');
  if (!period || !/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new Error(`usage: ${BILL_RUN_USAGE}`);
  const settlement = Number(flag(args, 'settlement') ?? 1) === 2 ? 2 : 1;
  const orgCode = flag(args, 'org');
  const book = flag(args, 'book') ?? null;
  let orgUnitId: number | null = null;
  if (orgCode || !book) {
    const r = await db.query<{ id: number }>(
      orgCode
        ? `SELECT id FROM org_units WHERE code = $1`
        : `SELECT id FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1`,
      orgCode ? [orgCode] : [],
    );
    if (!r.rows[0]) throw new Error(`org unit ${orgCode ?? '(company)'} not found`);
    orgUnitId = r.rows[0].id;
  }
  await ensureDefaultTariff(db);
  const scope = { period, settlement, orgUnitId, readingBook: book };
  let runId = await repo.findUnfinishedRun(db, scope);
  if (runId) log(`resuming bill run ${runId} (${period}, settlement ${settlement})`);
  else {
    runId = await repo.insertRun(db, {
      ...scope,
      dueDays: Number(flag(args, 'due-days') ?? DEFAULT_DUE_DAYS),
      issueDate: flag(args, 'issue-date') ?? null,
      startedBy: null,
      batchSize: Number(flag(args, 'batch-size') ?? DEFAULT_BATCH_SIZE),
      lanes: Number(flag(args, 'lanes') ?? DEFAULT_LANES),
    });
    log(
      `bill run ${runId} started (${period}, settlement ${settlement}, ${runPeriod(period, settlement).periodEnd})`,
    );
  }
  const started = Date.now();
  const run = await executeBillRun(db, runId, {
    pauseMs: Number(flag(args, 'pause-ms') ?? 0),
    onBatch: (p) => log(`  processed ${p.processed}, billed ${p.billed}`),
  });
  log(
    `bill run ${run.id} ${run.status} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${run.billed_accounts} billed, ` +
      `${run.skipped_no_readings} without readings, ${run.skipped_existing} already billed, ${run.skipped_errors} refused, ` +
      `total ${(Number(run.total_fen) / 100).toFixed(2)} yuan`,
  );
  return run.id;
}
