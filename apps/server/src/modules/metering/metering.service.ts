// Use cases of the metering module other than intake and review: books, sheets, history, replacements,
// estimation and the unread check on demand.
import type { MeterReplacementBody } from '@gridcare/contracts';
import { addPeriodMonths } from '@gridcare/domain';
import { requirePermission, type RequestContext } from '../../platform/auth/context';
import { DomainError } from '../../platform/http/errors';
import { writeAudit } from '../../platform/audit/audit';
import * as books from './reading-books.repository';
import { findAccountReadings } from './account-readings.repository';
import { estimateMissingReadings } from './estimation.service';
import { flagUnreadAccounts, lastClosedPeriod } from './unread.service';
import { readingScope } from './metering-scope';

const shanghaiToday = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export async function listBooks(
  ctx: RequestContext,
  q: { page: number; pageSize: number; q?: string; orgUnitId?: number },
) {
  requirePermission(ctx.user, 'billing:read');
  const { items, total } = await books.listBooks(ctx.db, {
    scope: await readingScope(ctx),
    q: q.q,
    orgUnitId: q.orgUnitId,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getBook(ctx: RequestContext, code: string) {
  requirePermission(ctx.user, 'billing:read');
  const b = await books.findBook(ctx.db, code, await readingScope(ctx));
  if (!b) throw new DomainError('not_found');
  return b;
}

export async function getSheet(ctx: RequestContext, code: string, period: string, settlement: number) {
  const b = await getBook(ctx, code);
  const rows = await books.bookSheet(ctx.db, code, period, settlement, addPeriodMonths(period, -12));
  return { book: { code: b.code, name: b.name, readingDay: b.readingDay }, period, settlement, rows };
}

export async function accountReadings(ctx: RequestContext, accountId: number, months: number) {
  requirePermission(ctx.user, 'billing:read');
  const since = addPeriodMonths(shanghaiToday(ctx.now).slice(0, 7), -months);
  const r = await findAccountReadings(ctx.db, accountId, await readingScope(ctx), since);
  if (!r) throw new DomainError('not_found');
  return r;
}

/** 换表: records the old meter's final and the new meter's initial readings, per register. */
export async function recordReplacement(ctx: RequestContext, body: MeterReplacementBody) {
  requirePermission(ctx.user, 'reading:write');
  const scope = await readingScope(ctx);
  return ctx.db.transaction(async (tx) => {
    const m = await tx.query<{ id: number; account_id: number; org_unit_id: number; multiplier: string }>(
      `SELECT id, account_id, org_unit_id, multiplier FROM meters WHERE id = ANY($1::bigint[])
         AND ($2::bigint[] IS NULL OR org_unit_id = ANY($2::bigint[]))`,
      [[body.oldMeterId, body.newMeterId], scope],
    );
    const old = m.rows.find((x) => x.id === body.oldMeterId);
    const neu = m.rows.find((x) => x.id === body.newMeterId);
    if (!old || !neu) throw new DomainError('not_found');
    if (old.id === neu.id || old.account_id !== body.accountId || neu.account_id !== body.accountId)
      throw new DomainError('validation', [
        { path: 'newMeterId', message: 'both meters must belong to the account' },
      ]);
    const ids: number[] = [];
    for (const r of body.registers) {
      const ins = await tx.query<{ id: number }>(
        `INSERT INTO meter_replacements(account_id, org_unit_id, old_meter_id, new_meter_id, register, replaced_on,
                                        old_final_value, new_initial_value, old_multiplier, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (new_meter_id, register) DO NOTHING RETURNING id`,
        [
          body.accountId,
          old.org_unit_id,
          old.id,
          neu.id,
          r.register,
          body.replacedOn,
          r.oldFinal,
          r.newInitial,
          old.multiplier,
          ctx.user.id,
        ],
      );
      if (!ins.rows[0]) throw new DomainError('duplicate');
      ids.push(ins.rows[0].id);
    }
    await writeAudit(tx, {
      actor: { id: ctx.user.id, name: ctx.user.displayName },
      action: 'metering.replacement',
      entity: 'meter',
      entityId: neu.id,
      orgUnitId: old.org_unit_id,
      after: body,
      requestId: ctx.requestId,
    });
    return { ids };
  });
}

export async function estimate(
  ctx: RequestContext,
  body: { period: string; settlement?: 1 | 2; orgUnitId?: number; readingBook?: string },
) {
  requirePermission(ctx.user, 'billing:run');
  const scope = await readingScope(ctx);
  if (scope && (!body.orgUnitId || !scope.includes(body.orgUnitId))) throw new DomainError('forbidden');
  return ctx.db.transaction((tx) => estimateMissingReadings(tx, body));
}

export async function runUnreadCheck(ctx: RequestContext, period?: string) {
  requirePermission(ctx.user, 'billing:run');
  return flagUnreadAccounts(ctx.db, {
    period: period ?? lastClosedPeriod(ctx.now),
    today: shanghaiToday(ctx.now),
  });
}

export async function listUnreadTasks(
  ctx: RequestContext,
  q: { page: number; pageSize: number; status?: string },
) {
  requirePermission(ctx.user, 'billing:read');
  const scope = await readingScope(ctx);
  const where = `WHERE ($1::bigint[] IS NULL OR t.org_unit_id = ANY($1::bigint[])) AND ($2::text IS NULL OR t.status = $2)`;
  const rows = await ctx.db.query<Record<string, unknown>>(
    `SELECT t.id, t.account_id, a.account_no, c.name AS customer_name, t.reading_book, t.org_unit_id,
            t.assignee_user_id, t.last_actual_period, t.unread_months, t.status, t.notified, t.flagged_on
       FROM metering_unread_tasks t JOIN accounts a ON a.id = t.account_id JOIN customers c ON c.id = t.customer_id
      ${where} ORDER BY t.id DESC LIMIT $3 OFFSET $4`,
    [scope, q.status ?? null, q.pageSize, (q.page - 1) * q.pageSize],
  );
  const total = await ctx.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM metering_unread_tasks t ${where}`,
    [scope, q.status ?? null],
  );
  return {
    items: rows.rows.map((r) => ({
      id: r.id as number,
      accountId: r.account_id as number,
      accountNo: r.account_no as string,
      customerName: r.customer_name as string,
      readingBook: r.reading_book as string | null,
      orgUnitId: r.org_unit_id as number,
      assigneeUserId: r.assignee_user_id as number | null,
      lastActualPeriod: r.last_actual_period as string | null,
      unreadMonths: r.unread_months as number,
      status: r.status as 'open' | 'done' | 'cancelled',
      notified: r.notified as boolean,
      flaggedOn: r.flagged_on as string,
    })),
    total: total.rows[0].n,
    page: q.page,
    pageSize: q.pageSize,
  };
}
