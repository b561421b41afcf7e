// The external view of a work order (一口对外, 内转外不转): what the customer may see of their request.
// Built from an allow-list — a step the list does not name (transfer, send-back, SLA warning, merged-from,
// a failed notification, anything added later) is never shown — and nothing of who handled it or where.
import {
  PORTAL_RATING_OUTCOMES,
  type PortalEventKind,
  type PortalRatingOutcome,
  type PortalRequest,
  type PortalRequestEvent,
  type PortalRequestSummary,
  type WorkOrder,
  type WorkOrderSummary,
} from '@gridcare/contracts';

const EVENT_KINDS: Partial<Record<string, PortalEventKind>> = {
  accept: 'received',
  dispatch: 'processing',
  take: 'processing',
  handle: 'processing',
  pause: 'waiting_customer',
  resume: 'resumed',
  // Notes reach the event log as customer-visible only when staff chose to tell the customer.
  note: 'progress',
  contacted: 'progress',
  arrived: 'progress',
  restored: 'progress',
  reply: 'replied',
  reopen: 'reopened',
  return_visit: 'completed',
  close: 'completed',
  merge: 'completed',
};

/** Only these steps carry their note to the customer: it was written as a message to them. */
const NOTE_FOR_CUSTOMER = new Set(['note', 'contacted', 'arrived', 'restored']);

export function toPortalSummary(o: WorkOrderSummary): PortalRequestSummary {
  return {
    caseNo: o.caseNo,
    type: o.type,
    subCategory: o.subCategory,
    title: o.title,
    externalStatus: o.externalStatus,
    acceptedAt: o.acceptedAt,
  };
}

export function portalEvents(o: WorkOrder, centreName: string): PortalRequestEvent[] {
  const out: PortalRequestEvent[] = [];
  for (const e of o.events) {
    const kind = EVENT_KINDS[e.action];
    if (e.internal || !kind) continue;
    const note = NOTE_FOR_CUSTOMER.has(e.action) ? e.note : null;
    const last = out[out.length - 1];
    // Dispatch, take and handle are one "processing" step to the customer.
    if (last && last.kind === kind && !note && !last.note) continue;
    out.push({ kind, actorName: centreName, note, at: e.at });
  }
  return out;
}

const isRatingOutcome = (v: string): v is PortalRatingOutcome =>
  (PORTAL_RATING_OUTCOMES as readonly string[]).includes(v);

/** Replied and waiting for its return visit (回访): the customer's rating is that visit. */
export function isRatable(o: WorkOrder): boolean {
  return o.status === 'replied' && o.returnVisitRequired;
}

export function latestRating(o: WorkOrder): PortalRequest['rating'] {
  const visits = o.returnVisits.filter((v) => isRatingOutcome(v.outcome));
  const v = visits[visits.length - 1];
  if (!v || !isRatingOutcome(v.outcome)) return null;
  // A phone visit's note is the agent's; only the customer's own words are shown back.
  return { outcome: v.outcome, comment: v.method === 'portal' ? v.note : null, at: v.at };
}

export function toPortalRequest(o: WorkOrder, centreName: string): PortalRequest {
  const answered = o.externalStatus === 'replied' || o.externalStatus === 'completed';
  const replies = o.events.filter((e) => e.action === 'reply');
  return {
    ...toPortalSummary(o),
    description: o.description,
    replyText: answered ? o.replyText : null,
    repliedAt: answered && replies.length ? replies[replies.length - 1].at : null,
    closedAt: o.closedAt,
    events: portalEvents(o, centreName),
    canRate: isRatable(o),
    rating: latestRating(o),
  };
}
