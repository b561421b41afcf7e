// Deliveries for administrators (消息中心): the list with filters, dead letters, manual retries.
import type {
  NotificationDelivery,
  NotificationDeliveryQuery,
  NotificationRetryResult,
} from '@gridcare/contracts';
import { msg } from '@gridcare/contracts';
import { writeAudit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requirePermission } from '../../platform/auth/context';
import { DomainError, invalid, notFound } from '../../platform/http/errors';
import {
  coversWholeCompany,
  findDeliveryInScope,
  listDeliveries as listRows,
  requeueDeliveries,
  toDelivery,
  type DeliveryFilter,
  type DeliveryScope,
} from './deliveries.repository';
import { signalOutbox } from './outbox.repository';

async function scopeOf(ctx: RequestContext): Promise<DeliveryScope> {
  return {
    orgIds: ctx.user.scopeOrgIds,
    wholeCompany: await coversWholeCompany(ctx.db, ctx.user.scopeOrgIds),
  };
}

/** 'YYYY-MM-DD' is a business date (Asia/Shanghai); `end` moves a date to the start of the next day. */
function instantOf(field: string, value: string | undefined, end: boolean): Date | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = new Date(`${value}T00:00:00+08:00`);
    if (!Number.isNaN(d.getTime())) return end ? new Date(d.getTime() + 86_400_000) : d;
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) return d;
  }
  throw invalid(`querystring.${field}`, 'must be YYYY-MM-DD or an ISO date-time');
}

export function deliveryFilterOf(q: NotificationDeliveryQuery): DeliveryFilter {
  return {
    status: q.status,
    channel: q.channel,
    event: q.event,
    from: instantOf('from', q.from, false),
    to: instantOf('to', q.to, true),
    q: q.q,
  };
}

export async function listDeliveries(
  ctx: RequestContext,
  q: NotificationDeliveryQuery,
): Promise<{ items: NotificationDelivery[]; total: number; page: number; pageSize: number }> {
  requirePermission(ctx.user, 'notification:admin');
  const r = await listRows(ctx.db, deliveryFilterOf(q), await scopeOf(ctx), q);
  return { ...r, page: q.page, pageSize: q.pageSize };
}

export async function getDelivery(ctx: RequestContext, id: number): Promise<NotificationDelivery> {
  requirePermission(ctx.user, 'notification:admin');
  const row = await findDeliveryInScope(ctx.db, id, await scopeOf(ctx));
  if (!row) throw notFound();
  return toDelivery(row);
}

/** Retries one dead or failed message now; 409 when it is not waiting for a retry or has expired. */
export async function retryDelivery(ctx: RequestContext, id: number): Promise<NotificationDelivery> {
  requirePermission(ctx.user, 'notification:admin');
  const scope = await scopeOf(ctx);
  return ctx.db.transaction(async (db) => {
    const row = await findDeliveryInScope(db, id, scope);
    if (!row) throw notFound();
    if (row.status !== 'dead' && row.status !== 'failed') throw new DomainError('invalid_state');
    const done = await requeueDeliveries(db, [id], scope, ctx.now);
    if (done.length === 0) {
      throw new DomainError('invalid_state', [{ path: 'id', message: msg('notification.expired') }]);
    }
    await auditRetry(ctx, db, done);
    await signalOutbox(db);
    return toDelivery((await findDeliveryInScope(db, id, scope))!);
  });
}

/** Retries the selected messages that can be retried; reports the others as skipped. */
export async function retrySelected(ctx: RequestContext, ids: number[]): Promise<NotificationRetryResult> {
  requirePermission(ctx.user, 'notification:admin');
  const scope = await scopeOf(ctx);
  const unique = [...new Set(ids)];
  return ctx.db.transaction(async (db) => {
    const done = await requeueDeliveries(db, unique, scope, ctx.now);
    if (done.length) {
      await auditRetry(ctx, db, done);
      await signalOutbox(db);
    }
    return { retried: done.length, skipped: unique.filter((id) => !done.includes(id)).sort((a, b) => a - b) };
  });
}

async function auditRetry(ctx: RequestContext, db: RequestContext['db'], ids: number[]) {
  await writeAudit(db, {
    actor: { id: ctx.user.id, name: ctx.user.displayName },
    action: 'notification.retry',
    entity: 'notification',
    entityId: ids.length === 1 ? ids[0] : null,
    after: { ids },
    requestId: ctx.requestId,
  });
}
