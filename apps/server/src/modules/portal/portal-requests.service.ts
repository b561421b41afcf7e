// A customer's service requests through the portal: filed as work orders (channel 'portal') by the
// work-order service, read back in the external view only, and rated as the order's return visit.
import {
  msg,
  translate,
  type Locale,
  type PortalRatingBody,
  type PortalRequest,
  type PortalRequestCreate,
  type PortalRequestListQuery,
  type PortalRequestSummary,
  type WorkOrder,
  type WorkOrderSummary,
} from '@gridcare/contracts';
import type { RequestContext } from '../../platform/auth/context';
import type { Db } from '../../platform/db/db';
import { DomainError, notFound } from '../../platform/http/errors';
import {
  createWorkOrder,
  getWorkOrder,
  listWorkOrders,
  recordReturnVisit,
} from '../workorders/workorders.service';
import type { PortalCustomer } from './portal-login.service';
import { portalServiceContext } from './portal-actor';
import * as repo from './portal.repository';
import { isRatable, latestRating, toPortalRequest, toPortalSummary } from './portal-view';

export interface PortalContext {
  db: Db;
  customer: PortalCustomer;
  requestId: string;
  now: Date;
  locale: Locale;
}

// Tip-offs (举报) may name the customer they are about; the customer must never see them. The work-order
// list cannot leave one type out, so the portal reads a customer's orders in pages and drops them; a
// customer's own requests are few, and the newest MAX_ORDERS are what the portal shows.
const HIDDEN_TYPES = new Set(['report']);
const LIST_PAGE = 200;
const MAX_ORDERS = 2000;

const centreName = (c: PortalContext) => translate(msg('portal.service_centre'), c.locale);

function actorContext(
  c: PortalContext,
  permissions: Parameters<typeof portalServiceContext>[1]['permissions'],
) {
  return portalServiceContext(c.db, {
    // The customer's own org unit, nothing else (the orders of the customer live there).
    scopeOrgIds: [c.customer.orgUnitId],
    permissions,
    requestId: c.requestId,
    now: c.now,
  });
}

/** Files the request as a work order of the logged-in customer; the caller holds the transaction. */
export async function submitRequest(c: PortalContext, input: PortalRequestCreate): Promise<PortalRequest> {
  const accountNo = input.accountNo ?? c.customer.accountNo;
  const accounts = await repo.listCustomerAccounts(c.db, c.customer.customerId);
  const account = accounts.find((a) => a.account_no === accountNo);
  if (!account)
    throw new DomainError('validation', [{ path: 'accountNo', message: msg('portal.unknown_account') }]);
  const ctx = await actorContext(c, ['workorder:create']);
  const order = await createWorkOrder(ctx, c.db, {
    type: input.type,
    subCategory: input.subCategory ?? null,
    channel: 'portal',
    customerId: c.customer.customerId,
    premiseId: account.premise_id,
    accountNo,
    contactPhone: input.contactPhone ?? null,
    title: input.title,
    description: input.description,
    urgent: false,
    answeredOnSpot: false,
  });
  return toPortalRequest(order, centreName(c));
}

async function ownOrders(ctx: RequestContext, customerId: number): Promise<WorkOrderSummary[]> {
  const out: WorkOrderSummary[] = [];
  for (let page = 1; (page - 1) * LIST_PAGE < MAX_ORDERS; page++) {
    const r = await listWorkOrders(ctx, { queue: 'all', customerId, page, pageSize: LIST_PAGE });
    out.push(...r.items.filter((o) => o.customerId === customerId && !HIDDEN_TYPES.has(o.type)));
    if (page * LIST_PAGE >= r.total) break;
  }
  return out;
}

export async function listRequests(
  c: PortalContext,
  q: PortalRequestListQuery,
): Promise<{ items: PortalRequestSummary[]; page: number; pageSize: number; total: number }> {
  const ctx = await actorContext(c, ['workorder:create']);
  const all = await ownOrders(ctx, c.customer.customerId);
  const start = (q.page - 1) * q.pageSize;
  return {
    items: all.slice(start, start + q.pageSize).map(toPortalSummary),
    page: q.page,
    pageSize: q.pageSize,
    total: all.length,
  };
}

/** The customer's own order by its case number; anyone else's (or a tip-off) is 404. */
async function findOwnOrder(ctx: RequestContext, customerId: number, caseNo: string): Promise<WorkOrder> {
  const hits = await listWorkOrders(ctx, { queue: 'all', customerId, q: caseNo, page: 1, pageSize: 20 });
  const hit = hits.items.find((o) => o.caseNo === caseNo && o.customerId === customerId);
  if (!hit || HIDDEN_TYPES.has(hit.type)) throw notFound();
  const order = await getWorkOrder(ctx, hit.id);
  if (order.customerId !== customerId) throw notFound();
  return order;
}

export async function getRequest(c: PortalContext, caseNo: string): Promise<PortalRequest> {
  const ctx = await actorContext(c, ['workorder:create']);
  return toPortalRequest(await findOwnOrder(ctx, c.customer.customerId, caseNo), centreName(c));
}

/**
 * The customer's rating is the order's return visit (method 'portal'): satisfied closes it, unsatisfied
 * reopens and escalates it exactly as a phone visit does. Sending the same rating again once it has been
 * recorded answers the order as it now stands; any other rating of an order that is not waiting for one is
 * 409. The caller holds the transaction.
 */
export async function rateRequest(
  c: PortalContext,
  caseNo: string,
  body: PortalRatingBody,
): Promise<PortalRequest> {
  const ctx = await actorContext(c, ['workorder:create', 'workorder:handle']);
  const order = await findOwnOrder(ctx, c.customer.customerId, caseNo);
  const comment = body.comment || null;
  if (!isRatable(order)) {
    const last = latestRating(order);
    const lastVisit = order.returnVisits[order.returnVisits.length - 1];
    const repeat =
      last &&
      lastVisit?.method === 'portal' &&
      last.outcome === body.outcome &&
      (last.comment ?? null) === comment;
    if (repeat) return toPortalRequest(order, centreName(c));
    throw new DomainError('invalid_state', [{ path: 'outcome', message: msg('portal.not_ratable') }]);
  }
  const rated = await recordReturnVisit(ctx, c.db, order.id, {
    outcome: body.outcome,
    method: 'portal',
    note: comment,
    version: order.version,
  });
  return toPortalRequest(rated, centreName(c));
}
