// Assigning account managers (客户经理制, domain.md §3): one current manager per customer, every period
// kept with who assigned it and why; bulk assignment by org unit, class, tier or industry.
import type {
  AssignManagerBody,
  BulkAssignBody,
  BulkAssignResult,
  ManagerAssignment,
  UnassignManagerBody,
  UnassignedCustomer,
  UnassignedQuery,
} from '@gridcare/contracts';
import { writeAudit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireInScope, requirePermission } from '../../platform/auth/context';
import { DomainError, notFound } from '../../platform/http/errors';
import { appendTimeline } from '../../platform/timeline';
import {
  applyBulkAssignment,
  countCustomersInScope,
  endCurrentAssignment,
  findAssignment,
  insertAssignment,
  listAssignmentHistory,
  sampleBulkTargets,
  selectBulkTargets,
  setCustomerManager,
} from './assignments.repository';
import { coversUnit, findCustomerInScope, managerUnitPaths, userName } from './customer-access.repository';
import { listUnassigned as listUnassignedRows } from './unassigned.repository';
import { reassignOpenPlans } from './visit-plans.repository';

const notEligible = () =>
  new DomainError('manager_not_eligible', [{ path: 'managerId', message: 'msg:error.manager_not_eligible' }]);

export async function assignManager(
  ctx: RequestContext,
  customerId: number,
  body: AssignManagerBody,
): Promise<ManagerAssignment> {
  requirePermission(ctx.user, 'manager:assign');
  return ctx.db.transaction(async (db) => {
    const customer = await findCustomerInScope(db, customerId, ctx.user.scopeOrgIds);
    if (!customer) throw notFound();
    if (!coversUnit(await managerUnitPaths(db, body.managerId), customer.orgUnitPath)) throw notEligible();
    const current = (await listAssignmentHistory(db, customerId)).find((a) => a.endedAt === null) ?? null;
    // Assigning the manager the customer already has changes nothing and keeps the history clean.
    if (current && current.managerId === body.managerId && customer.accountManagerId === body.managerId)
      return current;

    await endCurrentAssignment(db, customerId, ctx.now);
    const id = await insertAssignment(db, {
      customerId,
      orgUnitId: customer.orgUnitId,
      managerId: body.managerId,
      assignedBy: ctx.user.id,
      reason: body.reason ?? null,
      at: ctx.now,
    });
    await setCustomerManager(db, customerId, body.managerId, ctx.now);
    await reassignOpenPlans(db, customerId, body.managerId, ctx.now);
    const assignment = (await findAssignment(db, id))!;
    const actor = { id: ctx.user.id, name: ctx.user.displayName };
    await writeAudit(db, {
      actor,
      action: 'manager.assign',
      entity: 'customer',
      entityId: customerId,
      orgUnitId: customer.orgUnitId,
      before: { accountManagerId: customer.accountManagerId },
      after: { accountManagerId: body.managerId, reason: body.reason ?? null },
      requestId: ctx.requestId,
    });
    await appendTimeline(db, {
      customerId,
      orgUnitId: customer.orgUnitId,
      kind: 'manager_assigned',
      title: `指定客户经理：${assignment.managerName}`,
      detail: {
        managerId: body.managerId,
        previousManagerId: customer.accountManagerId,
        reason: body.reason ?? null,
      },
      actor,
      refEntity: 'manager_assignment',
      refId: id,
      at: ctx.now,
    });
    return assignment;
  });
}

export async function unassignManager(
  ctx: RequestContext,
  customerId: number,
  body: UnassignManagerBody,
): Promise<ManagerAssignment[]> {
  requirePermission(ctx.user, 'manager:assign');
  return ctx.db.transaction(async (db) => {
    const customer = await findCustomerInScope(db, customerId, ctx.user.scopeOrgIds);
    if (!customer) throw notFound();
    const current = (await listAssignmentHistory(db, customerId)).find((a) => a.endedAt === null);
    if (!current && customer.accountManagerId === null) throw new DomainError('invalid_state');
    await endCurrentAssignment(db, customerId, ctx.now);
    await setCustomerManager(db, customerId, null, ctx.now);
    await reassignOpenPlans(db, customerId, null, ctx.now);
    const actor = { id: ctx.user.id, name: ctx.user.displayName };
    await writeAudit(db, {
      actor,
      action: 'manager.unassign',
      entity: 'customer',
      entityId: customerId,
      orgUnitId: customer.orgUnitId,
      before: { accountManagerId: customer.accountManagerId },
      after: { accountManagerId: null, reason: body.reason },
      requestId: ctx.requestId,
    });
    const formerName = current?.managerName ?? (await userName(db, customer.accountManagerId!)) ?? '';
    await appendTimeline(db, {
      customerId,
      orgUnitId: customer.orgUnitId,
      kind: 'manager_unassigned',
      title: `解除客户经理：${formerName}`,
      detail: { managerId: customer.accountManagerId, reason: body.reason },
      actor,
      refEntity: current ? 'manager_assignment' : undefined,
      refId: current?.id,
      at: ctx.now,
    });
    return listAssignmentHistory(db, customerId);
  });
}

export async function managerHistory(ctx: RequestContext, customerId: number): Promise<ManagerAssignment[]> {
  requirePermission(ctx.user, 'customer:read');
  const customer = await findCustomerInScope(ctx.db, customerId, ctx.user.scopeOrgIds);
  if (!customer) throw notFound();
  return listAssignmentHistory(ctx.db, customerId);
}

/** Bulk assignment; runs inside the caller's (idempotency) transaction. */
export async function bulkAssign(ctx: RequestContext, body: BulkAssignBody): Promise<BulkAssignResult> {
  requirePermission(ctx.user, 'manager:assign');
  if (body.filter?.orgUnitId !== undefined) requireInScope(ctx.user, body.filter.orgUnitId);
  return ctx.db.transaction(async (db) => {
    const managerPaths = await managerUnitPaths(db, body.managerId);
    if (managerPaths.length === 0) throw notEligible();
    if (body.customerIds) {
      const distinct = [...new Set(body.customerIds)];
      if ((await countCustomersInScope(db, distinct, ctx.user.scopeOrgIds)) !== distinct.length)
        throw notFound();
    }
    const counts = await selectBulkTargets(db, {
      scopeOrgIds: ctx.user.scopeOrgIds,
      customerIds: body.customerIds,
      filter: body.filter,
      managerId: body.managerId,
      managerPaths,
    });
    if (counts.eligible > 0) {
      const managerName = (await userName(db, body.managerId)) ?? '';
      const actor = { id: ctx.user.id, name: ctx.user.displayName };
      await applyBulkAssignment(db, {
        managerId: body.managerId,
        actor,
        reason: body.reason,
        at: ctx.now,
        title: `指定客户经理：${managerName}`,
        detail: { managerId: body.managerId, reason: body.reason, bulk: true },
      });
      // One audit row summarises the whole run; each customer's history row and timeline entry carry the rest.
      await writeAudit(db, {
        actor,
        action: 'manager.bulk_assign',
        entity: 'manager_assignment',
        entityId: body.managerId,
        after: {
          managerId: body.managerId,
          filter: body.filter ?? null,
          customerIds: body.customerIds ?? null,
          reason: body.reason,
          assigned: counts.eligible,
          skippedIneligible: counts.ineligible,
          sampleCustomerIds: await sampleBulkTargets(db, 100),
        },
        requestId: ctx.requestId,
      });
    }
    return { assigned: counts.eligible, skippedIneligible: counts.ineligible };
  });
}

export async function listUnassigned(
  ctx: RequestContext,
  query: UnassignedQuery,
): Promise<{ items: UnassignedCustomer[]; total: number; page: number; pageSize: number }> {
  requirePermission(ctx.user, 'manager:assign');
  const r = await listUnassignedRows(ctx.db, {
    scopeOrgIds: ctx.user.scopeOrgIds,
    orgUnitId: query.orgUnitId,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { ...r, page: query.page, pageSize: query.pageSize };
}
