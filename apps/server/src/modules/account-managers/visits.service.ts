// Recording visits (走访, domain.md §3). A visit closes the plan it fulfils — the one named, or else the
// customer's open plan for the month the visit took place in (business calendar, Asia/Shanghai).
import type { PageQuery, Visit, VisitInput } from '@gridcare/contracts';
import { businessPeriod } from '@gridcare/domain';
import { writeAudit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requirePermission } from '../../platform/auth/context';
import { DomainError, invalid, notFound } from '../../platform/http/errors';
import { appendTimeline } from '../../platform/timeline';
import { findCustomerInScope } from './customer-access.repository';
import { findOpenPlan, findPlan, markPlanDone, type PlanRef } from './visit-plans.repository';
import { findVisit, insertVisit, listVisits } from './visits.repository';

/** Clocks on handheld devices drift; a visit a few minutes "in the future" is still accepted. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const SUMMARY_CHARS = 60;

function summary(text: string): string {
  return text.length > SUMMARY_CHARS ? text.slice(0, SUMMARY_CHARS) + '…' : text;
}

export async function recordVisit(ctx: RequestContext, input: VisitInput): Promise<Visit> {
  requirePermission(ctx.user, 'manager:work');
  const visitedAt = new Date(input.visitedAt);
  if (visitedAt.getTime() > ctx.now.getTime() + CLOCK_SKEW_MS) {
    throw invalid('visitedAt', 'visit time lies in the future');
  }
  return ctx.db.transaction(async (db) => {
    const customer = await findCustomerInScope(db, input.customerId, ctx.user.scopeOrgIds);
    if (!customer) throw notFound();
    // The customer's own manager records visits; supervisors and admins may record for anyone in scope.
    const isOwnManager = customer.accountManagerId === ctx.user.id;
    if (!isOwnManager && !ctx.user.permissions.has('manager:assign')) throw new DomainError('forbidden');

    let plan: PlanRef | null;
    if (input.planId !== undefined) {
      plan = await findPlan(db, input.planId);
      if (!plan || plan.customerId !== customer.id)
        throw invalid('planId', 'plan does not belong to this customer');
      if (plan.status !== 'planned')
        throw new DomainError('invalid_state', [{ path: 'planId', message: plan.status }]);
    } else {
      plan = await findOpenPlan(db, customer.id, businessPeriod(visitedAt));
    }

    const visitId = await insertVisit(db, {
      customerId: customer.id,
      orgUnitId: customer.orgUnitId,
      managerId: customer.accountManagerId ?? ctx.user.id,
      planId: plan?.id ?? null,
      visitedAt,
      contactsMet: input.contactsMet,
      findings: input.findings,
      needs: input.needs ?? null,
      followUps: input.followUps ?? null,
    });
    if (plan) await markPlanDone(db, plan.id, visitId, ctx.now);

    const actor = { id: ctx.user.id, name: ctx.user.displayName };
    await writeAudit(db, {
      actor,
      action: 'visit.create',
      entity: 'visit',
      entityId: visitId,
      orgUnitId: customer.orgUnitId,
      after: { ...input, planId: plan?.id ?? null },
      requestId: ctx.requestId,
    });
    await appendTimeline(db, {
      customerId: customer.id,
      orgUnitId: customer.orgUnitId,
      kind: 'visit',
      title: `客户走访：${summary(input.findings)}`,
      detail: {
        findings: summary(input.findings),
        contactsMet: input.contactsMet,
        needs: input.needs ?? null,
        planId: plan?.id ?? null,
      },
      actor,
      refEntity: 'visit',
      refId: visitId,
      at: visitedAt,
    });
    return (await findVisit(db, visitId))!;
  });
}

export async function customerVisits(
  ctx: RequestContext,
  customerId: number,
  query: PageQuery,
): Promise<{ items: Visit[]; total: number; page: number; pageSize: number }> {
  requirePermission(ctx.user, 'customer:read');
  const customer = await findCustomerInScope(ctx.db, customerId, ctx.user.scopeOrgIds);
  if (!customer) throw notFound();
  const r = await listVisits(ctx.db, customerId, query);
  return { ...r, page: query.page, pageSize: query.pageSize };
}
