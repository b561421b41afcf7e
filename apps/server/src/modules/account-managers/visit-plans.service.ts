// Monthly visit plans (domain.md §3): generated automatically on the 1st for every managed customer
// that is due, and listed so managers and their supervisors see what is planned and what is overdue.
import type { PageQuery, VisitPlan, VisitPlanQuery } from '@gridcare/contracts';
import {
  DEFAULT_VISIT_FREQUENCY,
  businessDate,
  visitDueDate,
  type VisitFrequencyConfig,
} from '@gridcare/domain';
import { writeAudit } from '../../platform/audit/audit';
import type { AuthUser, RequestContext } from '../../platform/auth/context';
import { requirePermission } from '../../platform/auth/context';
import { DomainError } from '../../platform/http/errors';
import type { Db } from '../../platform/db/db';
import { insertDuePlans, listPlans } from './visit-plans.repository';

export interface GenerateOptions {
  period: string;
  /** Limit to these org units (a supervisor's run); null for the whole company (the monthly job). */
  scopeOrgIds: number[] | null;
  actor?: { id: number; name: string } | null;
  requestId?: string;
  config?: VisitFrequencyConfig;
}

/** Creates the period's plans; idempotent, so the job and a manual run may both happen. */
export async function generateVisitPlans(db: Db, o: GenerateOptions): Promise<{ created: number }> {
  return db.transaction(async (tx) => {
    const created = await insertDuePlans(tx, {
      period: o.period,
      dueDate: visitDueDate(o.period),
      scopeOrgIds: o.scopeOrgIds,
      config: o.config ?? DEFAULT_VISIT_FREQUENCY,
    });
    if (created > 0) {
      await writeAudit(tx, {
        actor: o.actor ?? null,
        action: 'visit_plans.generate',
        entity: 'visit_plan',
        entityId: o.period,
        after: { period: o.period, created, scoped: o.scopeOrgIds !== null },
        requestId: o.requestId,
      });
    }
    return { created };
  });
}

export async function generateVisitPlansForCaller(
  ctx: RequestContext,
  period: string,
): Promise<{ created: number }> {
  requirePermission(ctx.user, 'manager:assign');
  return generateVisitPlans(ctx.db, {
    period,
    scopeOrgIds: ctx.user.scopeOrgIds,
    actor: { id: ctx.user.id, name: ctx.user.displayName },
    requestId: ctx.requestId,
  });
}

/** Supervisors see every plan in their scope; account managers only their own. */
function ownerFilter(user: AuthUser): number | undefined {
  if (user.permissions.has('manager:assign')) return undefined;
  if (user.permissions.has('manager:work')) return user.id;
  throw new DomainError('forbidden');
}

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export async function listVisitPlans(ctx: RequestContext, query: VisitPlanQuery): Promise<Page<VisitPlan>> {
  const r = await listPlans(ctx.db, {
    scopeOrgIds: ctx.user.scopeOrgIds,
    ownManagerId: ownerFilter(ctx.user),
    managerId: query.managerId,
    period: query.period,
    status: query.status,
    overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
    today: businessDate(ctx.now),
    page: query.page,
    pageSize: query.pageSize,
  });
  return { ...r, page: query.page, pageSize: query.pageSize };
}

export async function overdueVisitPlans(ctx: RequestContext, query: PageQuery): Promise<Page<VisitPlan>> {
  return listVisitPlans(ctx, { ...query, overdue: 'true' });
}
