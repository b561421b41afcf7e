// Internal notices (内部信息, domain.md §4, [S002]): departments publish product and policy information,
// promotions, system changes and faults/outages to the service centre; agents search the ones valid now
// and addressed to them. Publishing needs notice:publish and acts within the publisher's org scope.
import type {
  Notice,
  NoticeInput,
  NoticeManageQuery,
  NoticeSearchQuery,
  NoticeUpdate,
  NoticeWithdrawBody,
} from '@gridcare/contracts';
import { msg } from '@gridcare/contracts';
import { writeAudit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireInScope, requirePermission } from '../../platform/auth/context';
import type { Db } from '../../platform/db/db';
import { DomainError, notFound, versionConflict } from '../../platform/http/errors';
import {
  findForUpdate,
  findVisible,
  insertNotice,
  listCurrentForUser,
  listForPublisher,
  missingOrgUnits,
  setStatus,
  updateNotice,
  type NoticeFilter,
  type NoticeValues,
} from './notices.repository';

type PageOf<T> = { items: T[]; total: number; page: number; pageSize: number };

function filterOf(q: NoticeSearchQuery & { status?: NoticeManageQuery['status'] }): NoticeFilter {
  const text = q.q?.toLowerCase().replace(/[\\%_]/g, (ch) => '\\' + ch);
  return { kind: q.kind, status: q.status, text: text || undefined };
}

const pageOf = (q: { page: number; pageSize: number }) => ({
  limit: q.pageSize,
  offset: (q.page - 1) * q.pageSize,
});

/** Agents: the notices valid now and addressed to the caller. */
export async function searchCurrentNotices(
  ctx: RequestContext,
  q: NoticeSearchQuery,
): Promise<PageOf<Notice>> {
  const r = await listCurrentForUser(ctx.db, {
    now: ctx.now,
    userId: ctx.user.id,
    filter: filterOf(q),
    ...pageOf(q),
  });
  return { ...r, page: q.page, pageSize: q.pageSize };
}

/** Publishers: every notice their units published, drafts and withdrawn ones included. */
export async function listManagedNotices(ctx: RequestContext, q: NoticeManageQuery): Promise<PageOf<Notice>> {
  requirePermission(ctx.user, 'notice:publish');
  const r = await listForPublisher(ctx.db, {
    now: ctx.now,
    scopeOrgIds: ctx.user.scopeOrgIds,
    filter: filterOf(q),
    ...pageOf(q),
  });
  return { ...r, page: q.page, pageSize: q.pageSize };
}

export async function getNotice(ctx: RequestContext, id: number): Promise<Notice> {
  const notice = await findVisible(ctx.db, {
    id,
    now: ctx.now,
    userId: ctx.user.id,
    publisherScope: ctx.user.permissions.has('notice:publish') ? ctx.user.scopeOrgIds : [],
  });
  if (!notice) throw notFound();
  return notice;
}

async function valuesOf(ctx: RequestContext, db: Db, input: NoticeInput): Promise<NoticeValues> {
  const publisherOrgUnitId = input.publisherOrgUnitId ?? ctx.user.roles[0]?.orgUnitId;
  if (publisherOrgUnitId === undefined) throw new DomainError('forbidden');
  requireInScope(ctx.user, publisherOrgUnitId);
  const audienceOrgUnitIds = [...new Set(input.audienceOrgUnitIds)];
  const missing = await missingOrgUnits(db, audienceOrgUnitIds);
  if (missing.length > 0) {
    throw new DomainError(
      'validation',
      missing.map((id) => ({
        path: `body.audienceOrgUnitIds.${audienceOrgUnitIds.indexOf(id)}`,
        message: msg('notice.audience_unit'),
      })),
    );
  }
  return {
    kind: input.kind,
    title: input.title,
    body: input.body,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
    audienceRoles: [...new Set(input.audienceRoles)],
    audienceOrgUnitIds,
    publisherOrgUnitId,
  };
}

const actorOf = (ctx: RequestContext) => ({ id: ctx.user.id, name: ctx.user.displayName });

/** A new notice is a draft; runs in the caller's transaction (the route wraps it in runIdempotent). */
export async function createNotice(ctx: RequestContext, tx: Db, input: NoticeInput): Promise<Notice> {
  requirePermission(ctx.user, 'notice:publish');
  const values = await valuesOf(ctx, tx, input);
  const id = await insertNotice(tx, values, ctx.user.id);
  await writeAudit(tx, {
    actor: actorOf(ctx),
    action: 'notice.create',
    entity: 'internal_notice',
    entityId: id,
    orgUnitId: values.publisherOrgUnitId,
    after: values,
    requestId: ctx.requestId,
  });
  return (await findForUpdate(tx, id, ctx.user.scopeOrgIds, ctx.now))!;
}

/** Drafts and published notices may be corrected; a withdrawn one is closed. */
export async function updateNoticeContent(
  ctx: RequestContext,
  id: number,
  input: NoticeUpdate,
): Promise<Notice> {
  requirePermission(ctx.user, 'notice:publish');
  return ctx.db.transaction(async (tx) => {
    const before = await findForUpdate(tx, id, ctx.user.scopeOrgIds, ctx.now);
    if (!before) throw notFound();
    if (before.version !== input.version) throw versionConflict();
    if (before.status === 'withdrawn') throw new DomainError('invalid_state');
    const values = await valuesOf(ctx, tx, {
      ...input,
      publisherOrgUnitId: input.publisherOrgUnitId ?? before.publisherOrgUnitId,
    });
    if (!(await updateNotice(tx, id, input.version, values))) throw versionConflict();
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'notice.update',
      entity: 'internal_notice',
      entityId: id,
      orgUnitId: values.publisherOrgUnitId,
      before,
      after: values,
      requestId: ctx.requestId,
    });
    return (await findForUpdate(tx, id, ctx.user.scopeOrgIds, ctx.now))!;
  });
}

async function moveStatus(
  ctx: RequestContext,
  id: number,
  body: { version: number; reason?: string | null },
  from: 'draft' | 'published',
  to: 'published' | 'withdrawn',
): Promise<Notice> {
  requirePermission(ctx.user, 'notice:publish');
  return ctx.db.transaction(async (tx) => {
    const before = await findForUpdate(tx, id, ctx.user.scopeOrgIds, ctx.now);
    if (!before) throw notFound();
    if (before.version !== body.version) throw versionConflict();
    if (before.status !== from)
      throw new DomainError('invalid_state', [{ path: 'status', message: before.status }]);
    const moved = await setStatus(tx, {
      id,
      version: body.version,
      from,
      to,
      userId: ctx.user.id,
      at: ctx.now,
      reason: body.reason,
    });
    if (!moved) throw versionConflict();
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: to === 'published' ? 'notice.publish' : 'notice.withdraw',
      entity: 'internal_notice',
      entityId: id,
      orgUnitId: before.publisherOrgUnitId,
      before: { status: before.status, version: before.version },
      after: { status: to, reason: body.reason ?? null },
      requestId: ctx.requestId,
    });
    return (await findForUpdate(tx, id, ctx.user.scopeOrgIds, ctx.now))!;
  });
}

export const publishNotice = (ctx: RequestContext, id: number, body: { version: number }) =>
  moveStatus(ctx, id, body, 'draft', 'published');

export const withdrawNotice = (ctx: RequestContext, id: number, body: NoticeWithdrawBody) =>
  moveStatus(ctx, id, body, 'published', 'withdrawn');
