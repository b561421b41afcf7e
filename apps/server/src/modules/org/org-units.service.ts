import { canContain } from '@gridcare/domain';
import type { OrgUnit, OrgUnitCreate, OrgUnitNode, OrgUnitUpdate } from '@gridcare/contracts';
import type { RequestContext } from '../../platform/auth/context';
import { requireInScope, requirePermission } from '../../platform/auth/context';
import { writeAudit } from '../../platform/audit/audit';
import { DomainError, notFound, versionConflict } from '../../platform/http/errors';
import * as repo from './org-units.repository';
import { forgetAuthUsers } from '../../platform/auth/auth.service';
import { forgetWorkOrderConfig } from '../workorders/workorder-config-cache';

/** The caller's org units as a tree (roots are the units whose parent is outside the scope). */
export async function orgUnitTree(ctx: RequestContext): Promise<OrgUnitNode[]> {
  const units = await repo.listOrgUnits(ctx.db, ctx.user.scopeOrgIds);
  const nodes = new Map<number, OrgUnitNode>(units.map((u) => [u.id, { ...u, children: [] }]));
  const roots: OrgUnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId != null ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export function listOrgUnits(ctx: RequestContext): Promise<OrgUnit[]> {
  return repo.listOrgUnits(ctx.db, ctx.user.scopeOrgIds);
}

export async function createOrgUnit(ctx: RequestContext, input: OrgUnitCreate): Promise<OrgUnit> {
  requirePermission(ctx.user, 'org:admin');
  requireInScope(ctx.user, input.parentId);
  const created = await ctx.db.transaction(async (tx) => {
    const parent = await repo.findOrgUnit(tx, input.parentId);
    if (!parent) throw notFound();
    if (!canContain(parent.kind, input.kind)) {
      throw new DomainError('org_hierarchy', [{ path: 'body.kind', message: 'msg:error.org_hierarchy' }]);
    }
    if (input.kind === 'department' && !input.deptKind) {
      throw new DomainError('validation', [
        { path: 'body.deptKind', message: 'department kind is required' },
      ]);
    }
    const unit = await repo.insertOrgUnit(tx, { ...input, parentPath: parent.path });
    await writeAudit(tx, {
      actor: { id: ctx.user.id, name: ctx.user.username },
      action: 'create',
      entity: 'org_unit',
      entityId: unit.id,
      orgUnitId: unit.id,
      after: unit,
      requestId: ctx.requestId,
    });
    return unit;
  });
  // Everyone above the new unit now has it in scope.
  forgetAuthUsers();
  forgetWorkOrderConfig();
  return created;
}

export async function updateOrgUnit(ctx: RequestContext, id: number, input: OrgUnitUpdate): Promise<OrgUnit> {
  requirePermission(ctx.user, 'org:admin');
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findOrgUnit(tx, id);
    if (!before || !ctx.user.scopeOrgIds.includes(id)) throw notFound();
    const { version, ...patch } = input;
    if (!(await repo.updateOrgUnit(tx, id, version, patch))) throw versionConflict();
    const after = (await repo.findOrgUnit(tx, id))!;
    const { path: _p1, ...b } = before;
    const { path: _p2, ...a } = after;
    await writeAudit(tx, {
      actor: { id: ctx.user.id, name: ctx.user.username },
      action: 'update',
      entity: 'org_unit',
      entityId: id,
      orgUnitId: id,
      before: b,
      after: a,
      requestId: ctx.requestId,
    });
    return a;
  });
}
