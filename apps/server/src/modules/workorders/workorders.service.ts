// The work-order lifecycle (domain.md §4): received once, routed inside the company, handled within its
// time limits, answered, followed by a return visit, closed. Every state change goes through the state
// machine of packages/domain, is written to the order's event log with actor, time and note, audited,
// and (where the customer should know) put on the customer timeline and notified through the outbox.
import type { z } from 'zod';
import {
  type ReturnVisitCreate,
  type WorkOrder,
  type WorkOrderActionBody,
  type WorkOrderCreate,
  type WorkOrderListQuery,
  type WorkOrderNoteBody,
  type WorkOrderSummary,
} from '@gridcare/contracts';
import {
  allowedActions,
  decideAfterVisit,
  escalationDepartment,
  externalStatus,
  localDateOf,
  satisfactionScore,
  transition,
  type AreaClass,
  type DepartmentKind,
  type TimeLimitKind,
  type WorkOrderAction,
  type WorkOrderChannel,
  type WorkOrderStatus,
  type WorkOrderType,
  type WorkingCalendar,
} from '@gridcare/domain';
import { writeAudit } from '../../platform/audit/audit';
import { DomainError, type ErrorCode } from '../../platform/http/errors';
import type { Permission } from '@gridcare/domain';
import type { AuthUser, RequestContext } from '../../platform/auth/context';
import type { Db } from '../../platform/db/db';
import { appendTimeline } from '../../platform/timeline';
import { loadWorkingCalendar } from '../calendar/calendar.service';
import { enqueueNotification, type EnqueueNotification } from '../notifications/notifications.outbox';
import { timeLimitRules } from './workorders-config.service';
import {
  orderLimits,
  pausesOf,
  presentClock,
  recomputeClocks,
  startClock,
  stopClocks,
} from './workorder-clocks';
import * as repo from './workorders.repository';
import {
  BUSINESS_TIME_ZONE,
  TYPE_ZH,
  checkIntake,
  insertIntakes,
  intakeAnswer,
  intakeEnv,
  invalid,
  notifyIntake,
  planIntake,
  resolveSubjects,
} from './workorder-intake';
import { routeOrder } from './workorder-routing';
import { orgTree } from './workorder-config-cache';

const EXTERNAL_ZH = {
  received: '已受理',
  processing: '处理中',
  waiting_customer: '待您补充资料',
  replied: '已答复',
  completed: '已办结',
} as const;

function requireAny(user: AuthUser, perms: Permission[]): void {
  if (!perms.some((p) => user.permissions.has(p))) throw new DomainError('forbidden');
}
const READ_PERMS: Permission[] = [
  'workorder:create',
  'workorder:handle',
  'workorder:supervise',
  'report:read',
];
const WORK_PERMS: Permission[] = ['workorder:handle', 'workorder:supervise'];

const actorOf = (ctx: RequestContext) => ({ id: ctx.user.id, name: ctx.user.displayName });
const visibilityOf = (ctx: RequestContext): repo.Visibility => ({
  scopeOrgIds: ctx.user.scopeOrgIds,
  userId: ctx.user.id,
});
/** Visibility for lists: a caller whose scope holds the top of the org tree sees every order. */
async function listVisibility(ctx: RequestContext): Promise<repo.Visibility> {
  const org = await orgTree(ctx.db);
  return { ...visibilityOf(ctx), wholeCompany: org.coversRoot(ctx.user.scopeOrgIds) };
}

async function serviceCentreOf(db: Db, orgUnitId: number): Promise<number> {
  return (await orgTree(db)).nearestDepartment(orgUnitId, 'service_centre') ?? orgUnitId;
}

async function requireUnit(db: Db, unitId: number, path: string): Promise<void> {
  const unit = (await orgTree(db)).get(unitId);
  if (!unit || !unit.active) throw invalid(path, 'workorder.unknown_unit');
}

async function nearestDepartment(db: Db, orgUnitId: number, dept: DepartmentKind): Promise<number | null> {
  return (await orgTree(db)).nearestDepartment(orgUnitId, dept);
}

// --- Notifications (never allowed to stop the business change) -----------------------------------------
async function notify(tx: Db, orderId: number, n: EnqueueNotification, at: Date): Promise<void> {
  try {
    await enqueueNotification(tx, n);
  } catch (e) {
    // A missing template or an unusable address must not lose the customer's request; the order's log
    // says the message was not queued so a person can follow up.
    if (!(e instanceof DomainError)) throw e;
    const why = e.details?.map((d) => d.message).join('; ') ?? e.code;
    await repo.insertEvent(tx, {
      orderId,
      action: 'notification_failed',
      note: `${n.event}: ${why}`,
      internal: true,
      at,
    });
  }
}

type NotifyRow = Pick<
  repo.OrderRow,
  'id' | 'case_no' | 'customer_id' | 'contact_phone' | 'caller_phone' | 'account_no' | 'org_unit_id'
>;

function customerRecipient(o: NotifyRow, fallbackPhone: string | null) {
  return {
    customerId: o.customer_id,
    mobile: o.contact_phone ?? o.caller_phone ?? fallbackPhone,
    portalAccountNo: o.account_no,
  };
}

async function customerPhone(db: Db, customerId: number | null): Promise<string | null> {
  if (!customerId) return null;
  const r = await db.query<{ phone: string | null }>(`SELECT phone FROM customers WHERE id = $1`, [
    customerId,
  ]);
  return r.rows[0]?.phone ?? null;
}

async function notifyCustomer(
  tx: Db,
  o: NotifyRow,
  event: 'workorder.accepted' | 'workorder.progress' | 'workorder.replied' | 'workorder.survey',
  variables: Record<string, string>,
  at: Date,
  /** Null for the acceptance notice of a new order, which cannot be enqueued twice. */
  dedupe: string | null,
  knownCustomerPhone?: string | null,
): Promise<void> {
  const phone =
    knownCustomerPhone !== undefined ? knownCustomerPhone : await customerPhone(tx, o.customer_id);
  const recipient = customerRecipient(o, phone);
  if (!recipient.mobile && !recipient.portalAccountNo) return; // nobody to tell: an anonymous counter visit
  await notify(
    tx,
    o.id,
    {
      event,
      recipient,
      variables: { orderNo: o.case_no, ...variables },
      orgUnitId: o.org_unit_id,
      entityType: 'work_order',
      entityId: o.id,
      dedupeKey: dedupe === null ? undefined : `wo:${o.id}:${dedupe}`,
    },
    at,
  );
}

// --- Intake ---------------------------------------------------------------------------------------------
/** Receives a request once (受理), routes and dispatches it, or closes it when answered on the spot. */
export async function createWorkOrder(
  ctx: RequestContext,
  tx: Db,
  input: WorkOrderCreate,
): Promise<WorkOrder> {
  if (!ctx.user.permissions.has('workorder:create')) throw new DomainError('forbidden');
  checkIntake(input);
  const [subject] = await resolveSubjects(tx, [{ ctx, input }]);
  if (subject instanceof DomainError) throw subject;
  await checkParent(ctx, tx, input);
  const env = await intakeEnv(tx, ctx.now);
  const plan = await planIntake(tx, ctx, input, subject, env);
  const [inserted] = await insertIntakes(tx, [plan]);

  await notifyIntake(tx, [plan], [inserted], ctx.now);
  return intakeAnswer(plan, inserted, env);
}

/** A child order (e.g. one more fault call of an outage) must name a parent the caller can see. */
export async function checkParent(ctx: RequestContext, db: Db, input: WorkOrderCreate): Promise<void> {
  if (!input.parentId) return;
  const parent = await repo.findVisibleOrder(db, input.parentId, visibilityOf(ctx));
  if (!parent) throw invalid('parentId', 'workorder.unknown_parent');
}

// --- Actions --------------------------------------------------------------------------------------------
const TRANSITION_ERRORS: Record<string, ErrorCode> = {
  illegal_transition: 'illegal_transition',
  order_paused: 'order_paused',
  order_not_paused: 'order_not_paused',
};

type ActionInput = Partial<Omit<z.infer<typeof WorkOrderActionBody>, 'action' | 'version'>>;

/** Clocks that end when the customer has the answer. */
const ANSWERED_KINDS: TimeLimitKind[] = [
  'dispatch',
  'first_contact',
  'reply',
  'arrival',
  'restoration',
  'meter_test',
];

/**
 * Applies one action to a locked order row: state machine, side effects on clocks, pauses, assignment,
 * the event log, audit, timeline and notifications. The caller holds the transaction.
 */
async function applyAction(
  ctx: RequestContext,
  tx: Db,
  o: repo.OrderRow,
  action: Exclude<WorkOrderAction, 'return_visit'> | 'return_visit',
  input: ActionInput,
  cal: WorkingCalendar,
  rules?: Awaited<ReturnType<typeof timeLimitRules>>,
): Promise<void> {
  const now = ctx.now;
  const from = { status: o.status as WorkOrderStatus, paused: o.paused };
  const result = transition(from, action, {
    reason: input.reason ?? undefined,
    type: o.type as WorkOrderType,
    returnVisitRequired: o.return_visit_required,
  });
  if (!result.ok) {
    if (result.code === 'reason_required') throw invalid('reason', 'workorder.reason_required');
    throw new DomainError(TRANSITION_ERRORS[result.code], undefined, { from, action });
  }
  const to = result.state;
  const set: Partial<Record<keyof repo.OrderRow, unknown>> = { status: to.status, paused: to.paused };
  let fromUnit: number | null = null;
  let toUnit: number | null = null;
  let internal = false;
  const limitRules = rules ?? (await timeLimitRules(tx, o.time_limit_version_id));
  const limits = orderLimits(o, limitRules);

  switch (action) {
    case 'dispatch': {
      const target = input.targetUnitId ?? (await routeOrder(tx, o)).unitId;
      if (!target) throw invalid('targetUnitId', 'workorder.unknown_unit');
      await requireUnit(tx, target, 'targetUnitId');
      Object.assign(set, { assigned_unit_id: target, handler_id: null, dispatched_at: now.toISOString() });
      fromUnit = o.assigned_unit_id;
      toUnit = target;
      await stopClocks(tx, o, ['dispatch'], now);
      break;
    }
    case 'take':
      if (
        o.assigned_unit_id &&
        !ctx.user.scopeOrgIds.includes(o.assigned_unit_id) &&
        !ctx.user.permissions.has('workorder:supervise')
      )
        throw new DomainError('forbidden');
      Object.assign(set, { handler_id: ctx.user.id, taken_at: now.toISOString() });
      break;
    case 'send_back': {
      // Wrong routing: back to the service centre to route again; the same-day dispatch clock restarts.
      const centre = await serviceCentreOf(tx, o.org_unit_id);
      Object.assign(set, { assigned_unit_id: centre, handler_id: null });
      fromUnit = o.assigned_unit_id;
      toUnit = centre;
      internal = true;
      await startClock(tx, o.id, 'dispatch', limits.dispatch, now, cal);
      break;
    }
    case 'transfer': {
      if (!input.targetUnitId) throw invalid('targetUnitId', 'workorder.unknown_unit');
      await requireUnit(tx, input.targetUnitId, 'targetUnitId');
      Object.assign(set, { assigned_unit_id: input.targetUnitId, handler_id: null });
      fromUnit = o.assigned_unit_id;
      toUnit = input.targetUnitId;
      internal = true; // 内转外不转: the customer sees one order in progress
      break;
    }
    case 'handle':
      Object.assign(set, { handled_at: now.toISOString() });
      if (input.replyText) set.reply_text = input.replyText;
      if (o.type === 'fault_repair') await stopClocks(tx, o, ['arrival', 'restoration'], now);
      break;
    case 'reply': {
      const reply = input.replyText ?? o.reply_text;
      if (!reply) throw invalid('replyText', 'workorder.reply_required');
      Object.assign(set, { reply_text: reply, replied_at: now.toISOString() });
      await stopClocks(tx, o, ANSWERED_KINDS, now);
      if (o.return_visit_required) await startClock(tx, o.id, 'return_visit', limits.return_visit, now, cal);
      await notifyCustomer(
        tx,
        o,
        'workorder.replied',
        { reply: truncate(reply, 200) },
        now,
        `replied:${o.reopen_count}`,
      );
      if (o.return_visit_required)
        await notifyCustomer(
          tx,
          o,
          'workorder.survey',
          { surveyUrl: `/portal/orders/${o.case_no}` },
          now,
          `survey:${o.reopen_count}`,
        );
      break;
    }
    case 'pause':
      await repo.openPause(tx, o.id, now, input.reason!);
      break;
    case 'resume':
      await repo.closePause(tx, o.id, now);
      break;
    case 'return_visit':
    case 'close':
      Object.assign(set, { closed_at: now.toISOString() });
      await stopClocks(tx, o, 'all', now);
      break;
    case 'reopen': {
      // The customer is not satisfied: a new round with fresh reply clocks, led by the department the
      // rules name (complaints: planning for capacity, production for supply quality — S001).
      Object.assign(set, {
        reopen_count: o.reopen_count + 1,
        closed_at: null,
        replied_at: null,
        handler_id: null,
      });
      await stopClocks(tx, o, 'all', now);
      for (const kind of ['first_contact', 'reply'] as const)
        await startClock(tx, o.id, kind, limits[kind], now, cal);
      break;
    }
    case 'merge': {
      const targetId = input.mergeIntoId;
      if (!targetId || targetId === o.id) throw invalid('mergeIntoId', 'workorder.merge_target');
      const target = await repo.lockVisibleOrder(tx, targetId, visibilityOf(ctx));
      if (!target || target.status === 'closed' || target.status === 'merged')
        throw invalid('mergeIntoId', 'workorder.merge_target');
      Object.assign(set, { merged_into_id: targetId, closed_at: now.toISOString() });
      if (o.paused) await repo.closePause(tx, o.id, now);
      await stopClocks(tx, o, 'all', now);
      await repo.insertEvent(tx, {
        orderId: targetId,
        action: 'merged_from',
        actor: actorOf(ctx),
        note: `合并重复工单 ${o.case_no}`,
        at: now,
      });
      break;
    }
  }

  if (!(await repo.updateOrder(tx, o.id, o.version, set))) throw new DomainError('version_conflict');
  if (action === 'pause' || action === 'resume') await recomputeClocks(tx, o.id, cal);
  await repo.insertEvent(tx, {
    orderId: o.id,
    action,
    fromStatus: o.status,
    toStatus: to.status,
    actor: actorOf(ctx),
    note: [input.reason, input.note].filter(Boolean).join('；') || null,
    fromUnitId: fromUnit,
    toUnitId: toUnit,
    internal,
    at: now,
  });
  await writeAudit(tx, {
    actor: { id: ctx.user.id, name: ctx.user.username },
    action: `work_order.${action}`,
    entity: 'work_order',
    entityId: o.id,
    orgUnitId: o.org_unit_id,
    before: {
      status: o.status,
      paused: o.paused,
      assignedUnitId: o.assigned_unit_id,
      handlerId: o.handler_id,
    },
    after: {
      status: to.status,
      paused: to.paused,
      assignedUnitId: set.assigned_unit_id ?? o.assigned_unit_id,
      handlerId: set.handler_id === undefined ? o.handler_id : set.handler_id,
    },
    requestId: ctx.requestId,
  });
  const timelineTitle = TIMELINE_TITLES[action];
  if (o.customer_id && timelineTitle) {
    await appendTimeline(tx, {
      customerId: o.customer_id,
      orgUnitId: o.org_unit_id,
      kind: 'work_order',
      title: `${timelineTitle} ${o.case_no}：${o.title}`,
      detail: { caseNo: o.case_no, action },
      actor: actorOf(ctx),
      refEntity: 'work_order',
      refId: o.id,
      at: now,
    });
  }
}

const TIMELINE_TITLES: Partial<Record<WorkOrderAction, string>> = {
  reply: '工单已答复',
  close: '工单已归档',
  return_visit: '工单回访后归档',
  reopen: '工单重新处理',
  merge: '工单合并',
};

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

async function lockForWork(ctx: RequestContext, tx: Db, id: number, version: number): Promise<repo.OrderRow> {
  const o = await repo.lockVisibleOrder(tx, id, visibilityOf(ctx));
  if (!o) throw new DomainError('not_found');
  if (o.version !== version) throw new DomainError('version_conflict');
  return o;
}

export async function performAction(
  ctx: RequestContext,
  tx: Db,
  id: number,
  body: z.infer<typeof WorkOrderActionBody>,
): Promise<WorkOrder> {
  requireAny(
    ctx.user,
    body.action === 'reopen' || body.action === 'close' ? [...WORK_PERMS, 'workorder:create'] : WORK_PERMS,
  );
  const o = await lockForWork(ctx, tx, id, body.version);
  const cal = await loadWorkingCalendar(tx);
  const { action, version: _version, ...input } = body;
  await applyAction(ctx, tx, o, action, input, cal);
  if (action === 'reopen') await dispatchAfterReopen(ctx, tx, id, input.targetUnitId ?? null, cal);
  return getWorkOrderIn(ctx, tx, id);
}

/** A reopened order goes straight to the leading department (or the unit the caller chose). */
async function dispatchAfterReopen(
  ctx: RequestContext,
  tx: Db,
  id: number,
  chosen: number | null,
  cal: WorkingCalendar,
): Promise<void> {
  const o = (await repo.findOrder(tx, id))!;
  let target = chosen;
  if (!target && o.type === 'complaint') {
    target = await nearestDepartment(tx, o.org_unit_id, escalationDepartment(o.sub_category));
  }
  if (!target) target = (await routeOrder(tx, o)).unitId;
  if (target)
    await applyAction(ctx, tx, o, 'dispatch', { targetUnitId: target, note: '不满意重开，升级处理' }, cal);
}

export async function addNote(
  ctx: RequestContext,
  tx: Db,
  id: number,
  body: z.infer<typeof WorkOrderNoteBody>,
): Promise<WorkOrder> {
  requireAny(ctx.user, [...WORK_PERMS, 'workorder:create']);
  const o = await repo.lockVisibleOrder(tx, id, visibilityOf(ctx));
  if (!o) throw new DomainError('not_found');
  if (o.status === 'closed' || o.status === 'merged') throw new DomainError('illegal_transition');
  const now = ctx.now;
  const cal = await loadWorkingCalendar(tx);
  if (body.contactedCustomer) await stopClocks(tx, o, ['first_contact'], now);
  if (body.milestone === 'arrived') {
    await stopClocks(tx, o, ['arrival'], now);
    const limits = orderLimits(o, await timeLimitRules(tx, o.time_limit_version_id));
    await startClock(tx, o.id, 'restoration', limits.restoration, now, cal);
  }
  if (body.milestone === 'restored') await stopClocks(tx, o, ['restoration'], now);
  await repo.insertEvent(tx, {
    orderId: o.id,
    action: body.milestone ? body.milestone : body.contactedCustomer ? 'contacted' : 'note',
    actor: actorOf(ctx),
    note: body.note,
    internal: !body.notifyCustomer,
    at: now,
  });
  if (body.notifyCustomer) {
    const status = EXTERNAL_ZH[externalStatus({ status: o.status as WorkOrderStatus, paused: o.paused })];
    await notifyCustomer(
      tx,
      o,
      'workorder.progress',
      { statusText: status, note: truncate(body.note, 200) },
      now,
      `progress:${now.getTime()}`,
    );
  }
  await tx.query(`UPDATE work_orders SET updated_at = now() WHERE id = $1`, [o.id]);
  return getWorkOrderIn(ctx, tx, id);
}

// --- Return visits (回访) -------------------------------------------------------------------------------
export async function recordReturnVisit(
  ctx: RequestContext,
  tx: Db,
  id: number,
  body: z.infer<typeof ReturnVisitCreate>,
): Promise<WorkOrder> {
  requireAny(ctx.user, WORK_PERMS);
  const o = await lockForWork(ctx, tx, id, body.version);
  if (o.status !== 'replied') throw new DomainError('illegal_transition');
  const now = ctx.now;
  const cal = await loadWorkingCalendar(tx);
  const earlier = await repo.listVisits(tx, o.id);
  // Only the attempts of the current round count (a reopened order gets three new tries).
  const roundStart = o.replied_at ? new Date(o.replied_at).getTime() : 0;
  const previousDates = earlier
    .filter((v) => new Date(v.at).getTime() >= roundStart)
    .map((v) => localDateOf(new Date(v.at), BUSINESS_TIME_ZONE));
  const decision = decideAfterVisit(body.outcome, previousDates, now, BUSINESS_TIME_ZONE);
  const score = satisfactionScore(body.outcome);
  await repo.insertVisit(tx, {
    orderId: o.id,
    attempt: earlier.length + 1,
    outcome: body.outcome,
    method: body.method,
    note: body.note ?? null,
    score,
    by: actorOf(ctx),
    at: now,
  });
  switch (decision.kind) {
    case 'close':
      await repo.updateOrder(tx, o.id, o.version, { satisfaction: score });
      await applyAction(
        ctx,
        tx,
        (await repo.findOrder(tx, o.id))!,
        'return_visit',
        { note: body.note ?? '回访满意' },
        cal,
      );
      break;
    case 'give_up_close':
      await applyAction(ctx, tx, o, 'return_visit', { note: '三次回访均联系不上，归档' }, cal);
      break;
    case 'retry':
      await repo.insertEvent(tx, {
        orderId: o.id,
        action: 'return_visit_unreachable',
        actor: actorOf(ctx),
        note: `联系不上，${decision.notBeforeLocalDate} 起再次回访`,
        internal: true,
        at: now,
      });
      await repo.updateOrder(tx, o.id, o.version, {});
      break;
    case 'reopen_escalate':
      await repo.updateOrder(tx, o.id, o.version, { satisfaction: score });
      await applyAction(
        ctx,
        tx,
        (await repo.findOrder(tx, o.id))!,
        'reopen',
        { note: body.note ?? '回访不满意' },
        cal,
      );
      await dispatchAfterReopen(ctx, tx, o.id, null, cal);
      break;
  }
  return getWorkOrderIn(ctx, tx, id);
}

// --- Reading --------------------------------------------------------------------------------------------
export function presentSummary(r: repo.SummaryRow): WorkOrderSummary {
  return {
    id: r.id,
    caseNo: r.case_no,
    type: r.type as WorkOrderType,
    subCategory: r.sub_category,
    channel: r.channel as WorkOrderChannel,
    status: r.status as WorkOrderStatus,
    paused: r.paused,
    externalStatus: externalStatus({ status: r.status as WorkOrderStatus, paused: r.paused }),
    title: r.title,
    urgent: r.urgent,
    customerId: r.customer_id,
    customerName: r.customer_name,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    assignedUnitId: r.assigned_unit_id,
    assignedUnitName: r.assigned_unit_name,
    handlerId: r.handler_id,
    handlerName: r.handler_name,
    acceptedAt: r.accepted_at,
    nextDueKind: r.next_due_kind as TimeLimitKind | null,
    nextDueAt: r.next_due_at,
    warningLevel: r.warning_level,
    breached: r.breached,
    returnVisitDueAt: r.return_visit_due_at,
    version: r.version,
  };
}

async function getWorkOrderIn(ctx: RequestContext, db: Db, id: number): Promise<WorkOrder> {
  const visible = await repo.findVisibleOrder(db, id, visibilityOf(ctx));
  if (!visible) throw new DomainError('not_found');
  const now = ctx.now;
  const row = (await repo.summaryOf(db, id, now))!;
  // Sequential: `db` is often the request's transaction, one connection.
  const events = await repo.listEvents(db, id);
  const clocks = await repo.listClocks(db, id);
  const pauses = await repo.listPauses(db, id);
  const visits = await repo.listVisits(db, id);
  const children = await repo.childrenOf(db, id);
  const cal = await loadWorkingCalendar(db);
  const extra = await db.query<{ parent_case_no: string | null; created_by_name: string | null }>(
    `SELECT p.case_no AS parent_case_no, u.display_name AS created_by_name
       FROM work_orders w LEFT JOIN work_orders p ON p.id = w.parent_id LEFT JOIN users u ON u.id = w.created_by
      WHERE w.id = $1`,
    [id],
  );
  const pauseIntervals = pausesOf(pauses);
  const state = { status: row.status as WorkOrderStatus, paused: row.paused };
  return {
    ...presentSummary(row),
    description: row.description,
    callerName: row.caller_name,
    callerPhone: row.caller_phone,
    contactPhone: row.contact_phone,
    accountNo: row.account_no,
    premiseId: row.premise_id,
    areaClass: row.area_class as AreaClass | null,
    customerTier: row.customer_tier,
    replyText: row.reply_text,
    parentId: row.parent_id,
    parentCaseNo: extra.rows[0]?.parent_case_no ?? null,
    mergedIntoId: row.merged_into_id,
    returnVisitRequired: row.return_visit_required,
    satisfaction: row.satisfaction,
    reopenCount: row.reopen_count,
    firstContactResolved: row.first_contact_resolved,
    timeLimitVersion: row.time_limit_version_id,
    createdByName: extra.rows[0]?.created_by_name ?? null,
    closedAt: row.closed_at,
    clocks: clocks.map((c) => presentClock(c, pauseIntervals, cal, now)),
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorName: e.actor_name,
      note: e.note,
      fromUnitName: e.from_unit_name,
      toUnitName: e.to_unit_name,
      internal: e.internal,
      at: e.at,
    })),
    returnVisits: visits.map((v) => ({
      id: v.id,
      attempt: v.attempt,
      outcome: v.outcome as z.infer<typeof ReturnVisitCreate>['outcome'],
      method: v.method as z.infer<typeof ReturnVisitCreate>['method'],
      note: v.note,
      byName: v.by_name,
      at: v.at,
    })),
    children: children.map((c) => ({
      id: c.id,
      caseNo: c.case_no,
      type: c.type as WorkOrderType,
      status: c.status as WorkOrderStatus,
      title: c.title,
    })),
    allowedActions: allowedActions(state, {
      type: row.type as WorkOrderType,
      returnVisitRequired: row.return_visit_required,
    }),
  };
}

export async function getWorkOrder(ctx: RequestContext, id: number): Promise<WorkOrder> {
  requireAny(ctx.user, READ_PERMS);
  return getWorkOrderIn(ctx, ctx.db, id);
}

/** Local dates (Asia/Shanghai) of a period as UTC instants: [from 00:00, to + 1 day 00:00). */
export function periodUtc(from?: string, to?: string): { fromUtc?: string; toUtc?: string } {
  const startOf = (d: string) => new Date(`${d}T00:00:00+08:00`);
  return {
    fromUtc: from ? startOf(from).toISOString() : undefined,
    toUtc: to ? new Date(startOf(to).getTime() + 86_400_000).toISOString() : undefined,
  };
}

function listFilter(ctx: RequestContext, q: WorkOrderListQuery): repo.ListFilter {
  return {
    queue: q.queue,
    roleUnitIds: ctx.user.roles.map((r) => r.orgUnitId),
    type: q.type,
    status: q.status,
    channel: q.channel,
    customerId: q.customerId,
    assignedUnitId: q.assignedUnitId,
    openOnly: q.open === 'true',
    q: q.q,
    ...periodUtc(q.from, q.to),
  };
}

export async function listWorkOrders(ctx: RequestContext, q: WorkOrderListQuery) {
  requireAny(ctx.user, READ_PERMS);
  const { rows, total, totalCapped } = await repo.listOrders(
    ctx.db,
    listFilter(ctx, q),
    await listVisibility(ctx),
    ctx.now,
    {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    },
  );
  return { items: rows.map(presentSummary), page: q.page, pageSize: q.pageSize, total, totalCapped };
}

export async function queueCounts(ctx: RequestContext) {
  requireAny(ctx.user, READ_PERMS);
  const base = listFilter(ctx, { queue: 'all', page: 1, pageSize: 1 });
  const out = { mine: 0, team: 0, near_breach: 0, breached: 0, awaiting_visit: 0 };
  const visibility = await listVisibility(ctx);
  for (const queue of Object.keys(out) as (keyof typeof out)[]) {
    out[queue] = await repo.countQueue(ctx.db, { ...base, queue }, visibility, ctx.now);
  }
  return out;
}

export const EXPORT_TITLES = { TYPE_ZH, EXTERNAL_ZH };
