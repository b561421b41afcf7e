import type { User, UserCreate, UserUpdate } from '@gridcare/contracts';
import type { RequestContext } from '../../platform/auth/context';
import { requirePermission } from '../../platform/auth/context';
import { hashPassword } from '../../platform/auth/passwords';
import { forgetAuthUsers } from '../../platform/auth/auth.service';
import { writeAudit } from '../../platform/audit/audit';
import { DomainError, notFound, versionConflict } from '../../platform/http/errors';
import * as repo from './users.repository';

function requireRolesInScope(ctx: RequestContext, roles: { orgUnitId: number }[]) {
  roles.forEach((r, i) => {
    if (!ctx.user.scopeOrgIds.includes(r.orgUnitId)) {
      throw new DomainError('forbidden', [
        { path: `body.roles.${i}.orgUnitId`, message: 'msg:error.forbidden' },
      ]);
    }
  });
}

/** A user is visible (and editable) when at least one of their roles lies inside the caller's scope. */
async function findVisibleUser(ctx: RequestContext, id: number): Promise<User> {
  const user = await repo.findUser(ctx.db, id, ctx.now);
  if (!user || !user.roles.some((r) => ctx.user.scopeOrgIds.includes(r.orgUnitId))) throw notFound();
  return user;
}

export async function listUsers(ctx: RequestContext, q: { q?: string; page: number; pageSize: number }) {
  requirePermission(ctx.user, 'user:admin');
  const { items, total } = await repo.listUsers(
    ctx.db,
    ctx.user.scopeOrgIds,
    q.q,
    q.page,
    q.pageSize,
    ctx.now,
  );
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getUser(ctx: RequestContext, id: number): Promise<User> {
  requirePermission(ctx.user, 'user:admin');
  return findVisibleUser(ctx, id);
}

export async function createUser(ctx: RequestContext, input: UserCreate): Promise<User> {
  requirePermission(ctx.user, 'user:admin');
  requireRolesInScope(ctx, input.roles);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const id = await repo.insertUser(tx, { ...input, passwordHash });
    await repo.replaceRoles(tx, id, input.roles);
    const user = (await repo.findUser(tx, id, ctx.now))!;
    await writeAudit(tx, {
      actor: { id: ctx.user.id, name: ctx.user.username },
      action: 'create',
      entity: 'user',
      entityId: id,
      after: user,
      requestId: ctx.requestId,
    });
    return user;
  });
}

export async function updateUser(ctx: RequestContext, id: number, input: UserUpdate): Promise<User> {
  requirePermission(ctx.user, 'user:admin');
  if (input.roles) requireRolesInScope(ctx, input.roles);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const updated = await ctx.db.transaction(async (tx) => {
    const before = await findVisibleUser({ ...ctx, db: tx }, id);
    const { version, roles, password: _password, ...patch } = input;
    if (!(await repo.updateUser(tx, id, version, { ...patch, passwordHash }))) throw versionConflict();
    if (roles) {
      // Roles outside the caller's scope are kept: an admin of branch A cannot strip a branch-B role.
      const kept = before.roles.filter((r) => !ctx.user.scopeOrgIds.includes(r.orgUnitId));
      await repo.replaceRoles(tx, id, [...kept, ...roles]);
    }
    if (passwordHash || input.active === false) await repo.revokeSessions(tx, id);
    const after = (await repo.findUser(tx, id, ctx.now))!;
    await writeAudit(tx, {
      actor: { id: ctx.user.id, name: ctx.user.username },
      action: 'update',
      entity: 'user',
      entityId: id,
      before,
      after: { ...after, passwordChanged: Boolean(passwordHash) },
      requestId: ctx.requestId,
    });
    return after;
  });
  // Cleared after the commit so no request caches the old roles in between.
  forgetAuthUsers(id);
  return updated;
}

export async function unlockUser(ctx: RequestContext, id: number): Promise<User> {
  requirePermission(ctx.user, 'user:admin');
  return ctx.db.transaction(async (tx) => {
    await findVisibleUser({ ...ctx, db: tx }, id);
    await repo.unlockUser(tx, id);
    await writeAudit(tx, {
      actor: { id: ctx.user.id, name: ctx.user.username },
      action: 'unlock',
      entity: 'user',
      entityId: id,
      requestId: ctx.requestId,
    });
    return (await repo.findUser(tx, id, ctx.now))!;
  });
}
