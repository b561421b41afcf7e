// Use cases of the bill-run launcher: start a run for an org unit or a reading book, watch its progress,
// list the run history, stop a run. The work itself is in bill-run.service.ts.
import type { BillRun, BillRunCreate } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';
import { requireInScope, requirePermission, type RequestContext } from '../../platform/auth/context';
import { DomainError, invalid, notFound } from '../../platform/http/errors';
import { writeAudit } from '../../platform/audit/audit';
import * as repo from './bill-run.repository';
import { DEFAULT_BATCH_SIZE, DEFAULT_DUE_DAYS, DEFAULT_LANES } from './bill-run.service';

export function toBillRun(r: repo.BillRunRow): BillRun {
  const total = r.total_accounts ?? 0;
  return {
    id: r.id,
    period: r.period,
    settlement: r.settlement,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    readingBook: r.reading_book,
    status: r.status,
    totalAccounts: r.total_accounts,
    processedAccounts: r.processed_accounts,
    billedAccounts: r.billed_accounts,
    skippedAccounts: r.skipped_accounts,
    skippedNoReadings: r.skipped_no_readings,
    skippedExisting: r.skipped_existing,
    skippedErrors: r.skipped_errors,
    estimatedReadings: r.estimated_readings,
    totalFen: Number(r.total_fen),
    progress:
      r.status === 'completed'
        ? 1
        : total > 0
          ? Math.min(1, Math.round((r.processed_accounts / total) * 1000) / 1000)
          : 0,
    error: r.error,
    issues: r.issues ?? [],
    tariffVersionId: r.tariff_version_id,
    issueDate: r.issue_date,
    dueDays: r.due_days,
    startedByName: r.started_by_name,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

/** Where a reading book belongs (its org unit decides who may run it). */
async function bookUnit(db: Db, code: string): Promise<number | null> {
  const r = await db.query<{ org_unit_id: number }>(
    `SELECT org_unit_id FROM reading_books WHERE code = $1
     UNION ALL SELECT org_unit_id FROM accounts WHERE reading_book = $1 LIMIT 1`,
    [code],
  );
  return r.rows[0]?.org_unit_id ?? null;
}

/** Creates the run row (in the caller's transaction); the caller dispatches it after the commit. */
export async function createRun(ctx: RequestContext, tx: Db, body: BillRunCreate): Promise<BillRun> {
  requirePermission(ctx.user, 'billing:run');
  if (body.orgUnitId !== undefined) {
    const unit = await tx.query(`SELECT 1 FROM org_units WHERE id = $1`, [body.orgUnitId]);
    if (unit.rowCount === 0) throw invalid('body.orgUnitId', '供电单位不存在');
    requireInScope(ctx.user, body.orgUnitId);
  }
  if (body.readingBook !== undefined) {
    const unit = await bookUnit(tx, body.readingBook);
    if (unit === null) throw invalid('body.readingBook', '抄表段不存在');
    requireInScope(ctx.user, unit);
  }
  const id = await repo.insertRun(tx, {
    period: body.period,
    settlement: body.settlement,
    orgUnitId: body.orgUnitId ?? null,
    readingBook: body.readingBook ?? null,
    dueDays: body.dueDays ?? DEFAULT_DUE_DAYS,
    issueDate: body.issueDate ?? null,
    startedBy: ctx.user.id,
    batchSize: DEFAULT_BATCH_SIZE,
    lanes: DEFAULT_LANES,
  });
  await writeAudit(tx, {
    actor: { id: ctx.user.id, name: ctx.user.displayName },
    action: 'bill_run.create',
    entity: 'bill_run',
    entityId: id,
    orgUnitId: body.orgUnitId ?? null,
    after: body,
    requestId: ctx.requestId,
  });
  return toBillRun((await repo.findRun(tx, id))!);
}

function visible(ctx: RequestContext, r: repo.BillRunRow): boolean {
  return r.scope_org_unit_id === null
    ? r.started_by === ctx.user.id
    : ctx.user.scopeOrgIds.includes(r.scope_org_unit_id);
}

export async function getRun(ctx: RequestContext, id: number): Promise<BillRun> {
  requirePermission(ctx.user, 'billing:read');
  const r = await repo.findRun(ctx.db, id);
  if (!r || !visible(ctx, r)) throw notFound();
  return toBillRun(r);
}

export async function listRuns(
  ctx: RequestContext,
  q: { page: number; pageSize: number; period?: string; status?: string },
) {
  requirePermission(ctx.user, 'billing:read');
  const { rows, total } = await repo.listRuns(ctx.db, {
    scopeOrgIds: ctx.user.scopeOrgIds,
    period: q.period,
    status: q.status,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(toBillRun), page: q.page, pageSize: q.pageSize, total };
}

/** Stops a queued or running run after its current batch; the bills already written stay issued. */
export async function cancelRun(ctx: RequestContext, id: number): Promise<BillRun> {
  requirePermission(ctx.user, 'billing:run');
  const r = await repo.findRun(ctx.db, id);
  if (!r || !visible(ctx, r)) throw notFound();
  if (!(await repo.cancelRun(ctx.db, id))) throw new DomainError('invalid_state');
  await writeAudit(ctx.db, {
    actor: { id: ctx.user.id, name: ctx.user.displayName },
    action: 'bill_run.cancel',
    entity: 'bill_run',
    entityId: id,
    orgUnitId: r.org_unit_id,
    requestId: ctx.requestId,
  });
  return toBillRun((await repo.findRun(ctx.db, id))!);
}

/** A failed run (or one whose job was lost) is started again; it continues where it stopped. */
export async function resumeRun(ctx: RequestContext, id: number): Promise<BillRun> {
  requirePermission(ctx.user, 'billing:run');
  const r = await repo.findRun(ctx.db, id);
  if (!r || !visible(ctx, r)) throw notFound();
  if (r.status !== 'failed' && r.status !== 'queued') throw new DomainError('invalid_state');
  await writeAudit(ctx.db, {
    actor: { id: ctx.user.id, name: ctx.user.displayName },
    action: 'bill_run.resume',
    entity: 'bill_run',
    entityId: id,
    orgUnitId: r.org_unit_id,
    requestId: ctx.requestId,
  });
  return toBillRun(r);
}
