// Reviewing exceptions: accept (bill it as read), reject (the period is estimated instead), ask for a
// re-read (the reader's new value replaces it) or correct the value (re-validated like any reading).
// Every action is audited with the before and after state.
import type { ReadingException } from '@gridcare/contracts';
import { requirePermission, type RequestContext } from '../../platform/auth/context';
import { DomainError } from '../../platform/http/errors';
import { writeAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/db';
import * as repo from './reading-exceptions.repository';
import { commitIntake, stageManual } from './reading-intake.service';
import { dropStage } from './reading-stage';
import { readingScope } from './metering-scope';

export async function listExceptions(
  ctx: RequestContext,
  q: {
    page: number;
    pageSize: number;
    readingBook?: string;
    orgUnitId?: number;
    code?: string;
    state?: string;
    period?: string;
  },
) {
  requirePermission(ctx.user, 'billing:read');
  const scope = await readingScope(ctx);
  const { items, total } = await repo.listExceptions(ctx.db, {
    ...q,
    scope,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

async function loadForReview(
  tx: Db,
  ctx: RequestContext,
  id: number,
  version: number,
): Promise<ReadingException> {
  const e = await repo.findException(tx, id, await readingScope({ ...ctx, db: tx }), true);
  if (!e) throw new DomainError('not_found');
  if (e.version !== version) throw new DomainError('version_conflict');
  if (e.state !== 'open' && e.state !== 'reread_requested') throw new DomainError('invalid_state');
  return e;
}

async function audit(tx: Db, ctx: RequestContext, action: string, before: ReadingException, after: unknown) {
  await writeAudit(tx, {
    actor: { id: ctx.user.id, name: ctx.user.displayName },
    action: `metering.exception.${action}`,
    entity: 'reading_exception',
    entityId: before.id,
    orgUnitId: before.orgUnitId,
    before: { state: before.state, value: before.value, codes: before.codes },
    after,
    requestId: ctx.requestId,
  });
}

export async function reviewException(
  ctx: RequestContext,
  id: number,
  action: 'accept' | 'reject' | 'reread',
  body: { version: number; note?: string },
): Promise<ReadingException> {
  requirePermission(ctx.user, 'reading:write');
  return ctx.db.transaction(async (tx) => {
    const e = await loadForReview(tx, ctx, id, body.version);
    const state = action === 'accept' ? 'accepted' : action === 'reject' ? 'rejected' : 'reread_requested';
    if (e.readingId !== null && action === 'accept') await repo.acceptReading(tx, e.readingId);
    if (e.readingId !== null && action === 'reject') await repo.rejectReading(tx, e.readingId);
    if (!(await repo.setExceptionState(tx, id, body.version, state, ctx.user.id, body.note ?? null)))
      throw new DomainError('version_conflict');
    await audit(tx, ctx, action, e, { state, note: body.note ?? null });
    return (await repo.findException(tx, id, null))!;
  });
}

/** A corrected value goes through the intake like any reading; the old one is superseded. */
export async function correctException(
  ctx: RequestContext,
  id: number,
  body: { version: number; value: string; note?: string },
): Promise<ReadingException> {
  requirePermission(ctx.user, 'reading:write');
  const e = await repo.findException(ctx.db, id, await readingScope(ctx));
  if (!e) throw new DomainError('not_found');
  const today = new Date(ctx.now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const staged = await stageManual(ctx.db, {
    source: 'manual',
    readings: [
      {
        meterId: e.meterId,
        period: e.period,
        settlement: e.settlement,
        register: e.register,
        readOn: today,
        value: body.value,
      },
    ],
  });
  try {
    return await ctx.db.transaction(async (tx) => {
      const locked = await loadForReview(tx, ctx, id, body.version);
      if (locked.readingId === null) {
        // A missing read being corrected: the estimate of the period gives way to the actual value.
        await tx.query(
          `UPDATE meter_readings SET status = 'superseded', updated_at = now()
            WHERE meter_id = $1 AND register = $2 AND period = $3 AND settlement = $4 AND status = 'estimated'`,
          [e.meterId, e.register, e.period, e.settlement],
        );
      }
      const batch = await commitIntake(tx, ctx.user, staged, {
        source: 'manual',
        fileName: null,
        requestId: ctx.requestId,
      });
      if (batch.status === 'rejected')
        throw new DomainError('validation', [{ path: 'value', message: 'invalid reading' }]);
      await tx.query(
        `UPDATE reading_exceptions SET state = 'corrected', note = coalesce($2, note), resolved_by = $3,
                resolved_at = now(), version = version + 1, updated_at = now()
          WHERE id = $1 AND state IN ('open','reread_requested')`,
        [id, body.note ?? null, ctx.user.id],
      );
      await audit(tx, ctx, 'correct', locked, {
        state: 'corrected',
        value: body.value,
        note: body.note ?? null,
      });
      return (await repo.findException(tx, id, null))!;
    });
  } finally {
    await dropStage(ctx.db, staged.stage);
  }
}
