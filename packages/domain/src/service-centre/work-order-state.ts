// The work-order lifecycle of domain.md §4:
// 受理 accepted → 派发 dispatched → 接单 taken → 处理 handled → 回复 replied → 回访 return visit → 归档 closed,
// with 退单 send back, 转派 transfer, 挂起/恢复 pause/resume, 重开 reopen and 合并 merge.
//
// Decisions beyond the table of domain.md:
// - Paused (挂起, waiting on the customer) is a flag beside the status so the order keeps its place in the
//   flow. While paused only `resume`, `merge` and `transfer` are allowed: a duplicate can be merged at any
//   time, and a wrongly routed unit may hand the order on (it stays paused, the customer is still awaited).
//   Every other action answers `order_paused` — resume first, so the clock restarts before work goes on.
//   `send_back` is not allowed while paused: the centre would receive an order whose clock is stopped.
// - When an action is not possible from the status at all the answer is `illegal_transition`, even if the
//   order is also paused; `order_paused` / `order_not_paused` only explain actions the status allows.
// - On-the-spot reply from `accepted` (first-contact resolution) needs `input.type` and is allowed for
//   consultation, query, suggestion and praise only; without a type it is refused.
// - `close` without a return visit is allowed only when none is required: `input.returnVisitRequired`
//   when given, else `returnVisitRequired(input.type)` when a type is given, else allowed.
// - `return_visit` is always possible from `replied` (a voluntary visit is fine).
// - `send_back`, `transfer` and `pause` need a non-blank reason (wrong routing, new unit, what the customer
//   must provide).
import { returnVisitRequired } from './return-visit';
import {
  WORK_ORDER_ACTIONS,
  type ExternalStatus,
  type WorkOrderAction,
  type WorkOrderStatus,
  type WorkOrderType,
} from './work-order-model';

export interface WorkOrderState {
  status: WorkOrderStatus;
  paused: boolean;
}

export type TransitionErrorCode =
  'illegal_transition' | 'order_paused' | 'order_not_paused' | 'reason_required';

export type TransitionResult =
  | { ok: true; state: WorkOrderState }
  | { ok: false; code: TransitionErrorCode; from: WorkOrderState; action: WorkOrderAction };

export interface TransitionInput {
  reason?: string;
  returnVisitRequired?: boolean;
  type?: WorkOrderType;
}

// Types an agent may answer at first contact (首问负责, answered on the spot).
export const ON_THE_SPOT_REPLY_TYPES: readonly WorkOrderType[] = [
  'consultation',
  'query',
  'suggestion',
  'praise',
];

const ACTIONS_WHILE_PAUSED: readonly WorkOrderAction[] = ['resume', 'merge', 'transfer'];
const REASON_REQUIRED: readonly WorkOrderAction[] = ['send_back', 'transfer', 'pause'];
const PAUSABLE: readonly WorkOrderStatus[] = ['dispatched', 'taken', 'handled'];

/** The status an action leads to from `status`, or null when the status does not allow it. */
function target(
  status: WorkOrderStatus,
  action: WorkOrderAction,
  input: TransitionInput,
): WorkOrderStatus | null {
  switch (action) {
    case 'dispatch':
      return status === 'accepted' ? 'dispatched' : null;
    case 'take':
      return status === 'dispatched' ? 'taken' : null;
    case 'send_back':
      return status === 'dispatched' || status === 'taken' ? 'accepted' : null;
    case 'transfer':
      return status === 'dispatched' || status === 'taken' ? 'dispatched' : null;
    case 'handle':
      return status === 'taken' ? 'handled' : null;
    case 'reply':
      if (status === 'handled') return 'replied';
      if (status === 'accepted' && input.type && ON_THE_SPOT_REPLY_TYPES.includes(input.type))
        return 'replied';
      return null;
    case 'pause':
    case 'resume':
      return PAUSABLE.includes(status) ? status : null;
    case 'return_visit':
      return status === 'replied' ? 'closed' : null;
    case 'close': {
      if (status !== 'replied') return null;
      const visitNeeded = input.returnVisitRequired ?? (input.type ? returnVisitRequired(input.type) : false);
      return visitNeeded ? null : 'closed';
    }
    case 'reopen':
      return status === 'replied' || status === 'closed' ? 'accepted' : null;
    case 'merge':
      return status === 'closed' || status === 'merged' ? null : 'merged';
  }
}

export function transition(
  from: WorkOrderState,
  action: WorkOrderAction,
  input: TransitionInput = {},
): TransitionResult {
  const fail = (code: TransitionErrorCode): TransitionResult => ({ ok: false, code, from, action });
  const to = target(from.status, action, input);
  if (to === null) return fail('illegal_transition');
  if (action === 'resume') {
    if (!from.paused) return fail('order_not_paused');
  } else if (from.paused && (action === 'pause' || !ACTIONS_WHILE_PAUSED.includes(action))) {
    return fail('order_paused');
  }
  if (REASON_REQUIRED.includes(action) && !input.reason?.trim()) return fail('reason_required');

  let paused = from.paused;
  if (action === 'pause') paused = true;
  if (action === 'resume' || action === 'merge') paused = false;
  return { ok: true, state: { status: to, paused } };
}

/**
 * The actions the order's state allows, for buttons. Reasons are assumed to be supplied; `close` is listed
 * only when `ctx.returnVisitRequired` (or the type's default) says no visit is needed.
 */
export function allowedActions(
  state: WorkOrderState,
  ctx: { type?: WorkOrderType; returnVisitRequired?: boolean } = {},
): WorkOrderAction[] {
  return WORK_ORDER_ACTIONS.filter((action) => transition(state, action, { ...ctx, reason: 'x' }).ok);
}

/**
 * The status the customer sees (一口对外, 内转外不转): dispatch, transfer and send-back stay internal, so
 * an order being handled shows "processing" whichever unit holds it; a paused order shows it is waiting
 * on the customer.
 */
export function externalStatus(state: WorkOrderState): ExternalStatus {
  switch (state.status) {
    case 'accepted':
      return 'received';
    case 'dispatched':
    case 'taken':
    case 'handled':
      return state.paused ? 'waiting_customer' : 'processing';
    case 'replied':
      return 'replied';
    case 'closed':
    case 'merged':
      return 'completed';
  }
}
