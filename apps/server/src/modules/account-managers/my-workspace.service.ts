// "My customers": the account manager's daily view, and the visit completion rate he is assessed on
// (performance assessment, domain.md §3).
import type { MyCustomer, MyCustomersQuery, MySummary } from '@gridcare/contracts';
import { businessDate, businessPeriod } from '@gridcare/domain';
import type { RequestContext } from '../../platform/auth/context';
import { requirePermission } from '../../platform/auth/context';
import { listMyCustomers, myVisitCounts } from './my-workspace.repository';

export async function myCustomers(
  ctx: RequestContext,
  query: MyCustomersQuery,
): Promise<{ items: MyCustomer[]; total: number; page: number; pageSize: number }> {
  requirePermission(ctx.user, 'manager:work');
  const r = await listMyCustomers(ctx.db, {
    managerId: ctx.user.id,
    scopeOrgIds: ctx.user.scopeOrgIds,
    text: query.q || undefined,
    today: businessDate(ctx.now),
    page: query.page,
    pageSize: query.pageSize,
  });
  return { ...r, page: query.page, pageSize: query.pageSize };
}

export async function mySummary(ctx: RequestContext): Promise<MySummary> {
  requirePermission(ctx.user, 'manager:work');
  const counts = await myVisitCounts(ctx.db, {
    managerId: ctx.user.id,
    scopeOrgIds: ctx.user.scopeOrgIds,
    period: businessPeriod(ctx.now),
    today: businessDate(ctx.now),
  });
  const rate =
    counts.plannedThisMonth === 0
      ? null
      : Math.round((counts.doneThisMonth / counts.plannedThisMonth) * 10_000) / 10_000;
  return { ...counts, visitCompletionRate: rate };
}
