// Manager cards: the "four unifications" card shown to customers carries photo, name, 24-hour phone and
// service scope (domain.md §3, [S004]). A manager keeps his own card; supervisors may keep it for him.
import type {
  ManagerCard,
  ManagerListItem,
  ManagerListQuery,
  ManagerProfileUpdate,
} from '@gridcare/contracts';
import { businessDate } from '@gridcare/domain';
import { writeAudit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requirePermission } from '../../platform/auth/context';
import { DomainError, notFound, versionConflict } from '../../platform/http/errors';
import {
  findManagerCard,
  findProfile,
  insertProfile,
  listManagers as listManagerRows,
  updateProfile,
  type ProfileValues,
} from './managers.repository';

export async function listManagers(
  ctx: RequestContext,
  query: ManagerListQuery,
): Promise<{ items: ManagerListItem[]; total: number; page: number; pageSize: number }> {
  requirePermission(ctx.user, 'customer:read');
  const r = await listManagerRows(ctx.db, {
    scopeOrgIds: ctx.user.scopeOrgIds,
    orgUnitId: query.orgUnitId,
    text: query.q || undefined,
    today: businessDate(ctx.now),
    page: query.page,
    pageSize: query.pageSize,
  });
  return { ...r, page: query.page, pageSize: query.pageSize };
}

export async function getManagerCard(ctx: RequestContext, userId: number): Promise<ManagerCard> {
  requirePermission(ctx.user, 'customer:read');
  const card = await findManagerCard(ctx.db, userId, ctx.user.scopeOrgIds);
  if (!card) throw notFound();
  return card;
}

export async function saveManagerProfile(
  ctx: RequestContext,
  userId: number,
  input: ManagerProfileUpdate,
): Promise<ManagerCard> {
  return ctx.db.transaction(async (db) => {
    const visible = await findManagerCard(db, userId, ctx.user.scopeOrgIds);
    if (!visible) throw notFound();
    const self = ctx.user.id === userId;
    if (!self && !ctx.user.permissions.has('manager:assign')) throw new DomainError('forbidden');

    const values: ProfileValues = {
      photoUrl: input.photoUrl ?? null,
      phone24h: input.phone24h,
      serviceScope: input.serviceScope,
      title: input.title ?? null,
    };
    const before = await findProfile(db, userId);
    if (before) {
      if (input.version === undefined || input.version !== before.version) throw versionConflict();
      if (!(await updateProfile(db, userId, input.version, values))) throw versionConflict();
    } else if (!(await insertProfile(db, userId, values))) {
      throw versionConflict();
    }
    await writeAudit(db, {
      actor: { id: ctx.user.id, name: ctx.user.displayName },
      action: before ? 'manager_profile.update' : 'manager_profile.create',
      entity: 'manager_profile',
      entityId: userId,
      before: before ? summarise(before) : undefined,
      after: summarise(values),
      requestId: ctx.requestId,
    });
    const card = await findManagerCard(db, userId, ctx.user.scopeOrgIds);
    if (!card) throw notFound();
    return card;
  });
}

// A photo may be a 200 KB data URL; the audit log records that it changed, not the image itself.
function summarise(v: ProfileValues): Record<string, unknown> {
  const photo = v.photoUrl?.startsWith('data:') ? `data-url(${v.photoUrl.length} chars)` : v.photoUrl;
  return { photoUrl: photo, phone24h: v.phone24h, serviceScope: v.serviceScope, title: v.title };
}
