// Bill runs (电费发行): estimate the missing readings, then stream the scope's accounts in keyset batches —
// one statement reads a batch with everything pricing needs, the tariff engine prices it in JS, one
// statement writes its bills, timeline entries and the run's progress in the same transaction. Memory is
// one batch; a run killed at any point continues from its cursor and never bills an account-period twice.
import { BillingInputError, priceBill, type TariffVersion } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import { estimateMissingReadings } from '../metering/estimation.service';
import {
  billInputFromRow,
  billNumber,
  cycleKwhAfter,
  dueDateOf,
  runPeriod,
  shanghaiDate,
  type RunPeriod,
} from './bill-input';
import * as repo from './bill-run.repository';
import { tariffById, tariffInForce } from './tariff-cache';

/** Accounts per batch: large enough that statements are few, small enough that memory stays flat. */
export const DEFAULT_BATCH_SIZE = 5000;
/** Parallel lanes of a run on PostgreSQL (GRIDCARE_BILL_RUN_LANES, default 2 — the database's cores). */
export const DEFAULT_LANES = Math.min(16, Math.max(1, Number(process.env.GRIDCARE_BILL_RUN_LANES ?? 2)));
/** domain.md §10 leaves the due date to the company: 15 days after issue unless configured. */
export const DEFAULT_DUE_DAYS = Number(process.env.GRIDCARE_BILL_DUE_DAYS ?? 15);

export interface RunOptions {
  /** Pause between batches (a daytime run on a busy database). */
  pauseMs?: number;
  /** Test hook: throw after this many batches have committed (simulates a crash mid-run). */
  failAfterBatches?: number;
  /** Called after each committed batch (progress logging in the CLI). */
  onBatch?: (run: { processed: number; billed: number }) => void;
}

export class BillRunError extends Error {}

async function scopeOf(db: Db, run: repo.BillRunRow): Promise<repo.RunScope> {
  return {
    orgUnitIds: run.org_unit_id ? await repo.unitAndDescendants(db, run.org_unit_id) : null,
    readingBook: run.reading_book,
  };
}

async function pinnedTariff(db: Db, run: repo.BillRunRow, p: RunPeriod): Promise<TariffVersion> {
  const tariff = run.tariff_version_id
    ? await tariffById(db, run.tariff_version_id)
    : await tariffInForce(db, p.periodStart);
  if (!tariff) throw new BillRunError(`没有在 ${p.periodStart} 生效的电价版本`);
  return tariff;
}

/**
 * Executes (or resumes) a run to the end. Safe to call again after a crash or on a second worker: each
 * batch locks its lane row and reads the lane's cursor inside its transaction, so batches never overlap.
 */
export async function executeBillRun(db: Db, runId: number, opts: RunOptions = {}): Promise<repo.BillRunRow> {
  const run = await repo.findRun(db, runId);
  if (!run) throw new BillRunError(`bill run ${runId} not found`);
  if (run.status === 'completed' || run.status === 'cancelled') return run;
  const p = runPeriod(run.period, run.settlement);
  try {
    const tariff = await pinnedTariff(db, run, p);
    const scope = await scopeOf(db, run);
    const estimated = await estimateMissingReadings(db, {
      period: run.period,
      settlement: run.settlement,
      ...(run.org_unit_id ? { orgUnitId: run.org_unit_id } : {}),
      ...(run.reading_book ? { readingBook: run.reading_book } : {}),
    });
    await repo.startRun(db, runId, {
      tariffVersionId: tariff.id,
      issueDate: run.issue_date ?? shanghaiDate(new Date()),
      totalAccounts: run.total_accounts ?? (await repo.countScope(db, scope)),
      estimated: estimated.estimated,
    });
    // PGlite runs one statement at a time: lanes would only take turns.
    const lanes = await repo.ensureLanes(db, runId, db.kind === 'postgres' ? run.lanes : 1, scope);
    let batches = 0;
    let stopped: unknown = null;
    const work = async (lane: number) => {
      while (!stopped) {
        const more = await db.transaction((tx) => runBatch(tx, runId, lane, p, tariff, scope));
        if (!more) return;
        batches += 1;
        if (opts.onBatch) {
          const now = await repo.findRun(db, runId);
          if (now) opts.onBatch({ processed: now.processed_accounts, billed: now.billed_accounts });
        }
        if (opts.failAfterBatches !== undefined && batches >= opts.failAfterBatches)
          throw new BillRunError(`injected failure after ${batches} batch(es)`);
        if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs));
      }
    };
    // One failing lane stops the others after their current batch; the run is then 'failed' and resumable.
    await Promise.all(
      lanes
        .filter((l) => !l.done)
        .map((l) =>
          work(l.lane).catch((e: unknown) => {
            stopped ??= e;
          }),
        ),
    );
    if (stopped) throw stopped;
    await repo.finishRun(db, runId, 'completed', null);
  } catch (e) {
    await repo.finishRun(db, runId, 'failed', (e as Error).message.slice(0, 500)).catch(() => undefined);
    throw e;
  }
  return (await repo.findRun(db, runId))!;
}

/** One batch of one lane in the caller's transaction; false when the lane is done or the run stopped. */
async function runBatch(
  tx: Db,
  runId: number,
  laneNo: number,
  p: RunPeriod,
  tariff: TariffVersion,
  scope: repo.RunScope,
): Promise<boolean> {
  const lane = await repo.lockLane(tx, runId, laneNo);
  if (!lane) return false;
  const run = await repo.findRun(tx, runId);
  if (!run || run.status !== 'running') return false;
  // The batch statements are planned with poor row estimates (CTEs, unnest); PostgreSQL would spend
  // seconds JIT-compiling each one for a few milliseconds of work.
  if (tx.kind === 'postgres') await tx.exec('SET LOCAL jit = off');
  const rows = await repo.readBatch(tx, p, {
    scope,
    afterId: lane.cursor_account_id,
    upTo: lane.hi_id,
    limit: run.batch_size,
  });
  if (rows.length === 0) {
    await repo.advanceLane(tx, runId, laneNo, null);
    return false;
  }
  const bills = repo.emptyBatch();
  const issues: Array<{ accountId: number; accountNo: string; code: string; message: string }> = [];
  let noReadings = 0;
  let errors = 0;
  for (const row of rows) {
    const outcome = billInputFromRow(row, p);
    if (outcome.kind === 'skip') {
      noReadings += 1;
      continue;
    }
    try {
      const priced = priceBill(outcome.input, tariff);
      bills.accountId.push(row.id);
      bills.customerId.push(row.customer_id);
      bills.orgUnitId.push(row.org_unit_id);
      bills.billNo.push(billNumber(p.period, p.settlement, row.account_no));
      bills.tariffCategory.push(priced.tariffCategory);
      bills.energyKwh.push(priced.energyKwh);
      bills.estimated.push(outcome.estimated);
      bills.totalFen.push(priced.totalFen);
      bills.lines.push(JSON.stringify(priced.lines));
      bills.cycleKwh.push(cycleKwhAfter(outcome.input, priced.energyKwh));
    } catch (e) {
      // One account the engine cannot price (a missing price, an impossible register) is recorded for the
      // clerk and the run goes on; anything else is a defect and stops the run.
      if (!(e instanceof BillingInputError)) throw e;
      errors += 1;
      if (issues.length < 20)
        issues.push({ accountId: row.id, accountNo: row.account_no, code: e.code, message: e.message });
    }
  }
  const now = new Date();
  const issueDate = run.issue_date ?? shanghaiDate(now);
  await repo.writeBatch(
    tx,
    {
      id: runId,
      period: p.period,
      settlement: p.settlement,
      tariffVersionId: tariff.id,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      dueDate: dueDateOf(issueDate, run.due_days),
      // A run for an earlier issue date (catching up, the demo's history) issues at noon Beijing time.
      issuedAt: issueDate === shanghaiDate(now) ? now.toISOString() : `${issueDate}T04:00:00.000Z`,
    },
    bills,
    {
      processed: rows.length,
      noReadings,
      // Accounts that already have a live bill are counted by the write (its ON CONFLICT).
      existing: 0,
      errors,
      issues,
    },
  );
  await repo.advanceLane(tx, runId, laneNo, rows[rows.length - 1].id);
  return true;
}
