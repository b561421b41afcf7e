// The work-order lifecycle (domain.md §4): received once, routed inside the company, handled within its
// time limits, answered, followed by a return visit, closed. Every state change goes through the state
// machine of packages/domain, is written to the order's event log with actor, time and note, audited,
// and (where the customer should know) put on the customer timeline and notified through the outbox.
import type { z } from 'zod';
import {
  msg,
  type ReturnVisitCreate,
  type WorkOrder,
  type WorkOrderActionBody,
  type WorkOrderCreate,
  type WorkOrderListQuery,
  type WorkOrderNoteBody,
  type WorkOrderSummary,
} from '@gridcare/contracts';
import {
  COMPLAINT_SUBCATEGORIES,
  ON_THE_SPOT_REPLY_TYPES,
  allowedActions,
  clockInstants,
  nextCheckAt,
  decideAfterVisit,
  escalationDepartment,
  externalStatus,
  localDateOf,
  matchRoutingRule,
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
import { currentTimeLimits, orgTree, routingRules, type OrgTree } from './workorder-config-cache';

export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

const TYPE_ZH: Record<WorkOrderType, string> = {
  consultation: '咨询',
  query: '查询',
  fault_repair: '故障报修',
  complaint: '投诉',
  report: '举报',
  suggestion: '意见建议',
  praise: '表扬',
  application: '业务申请',
  urge: '催办',
};
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
const invalid = (path: string, key: Parameters<typeof msg>[0]) =>
  new DomainError('validation', [{ path, message: msg(key) }]);

// --- Where an order goes --------------------------------------------------------------------------------
function unitForTarget(
  org: OrgTree,
  orgUnitId: number,
  target: { department?: DepartmentKind; toServicePointOffice?: boolean },
): number | null {
  if (target.toServicePointOffice) {
    // Fault repair goes to the crew of the service point's supply office; without one, to production.
    return org.nearestSupplyOffice(orgUnitId) ?? org.nearestDepartment(orgUnitId, 'production');
  }
  return target.department ? org.nearestDepartment(orgUnitId, target.department) : null;
}

/** The receiving unit by the routing rules (domain.md §4), and the rule that decided it. */
export async function routeOrder(
  db: Db,
  o: Pick<repo.OrderRow, 'type' | 'sub_category' | 'org_unit_id' | 'area_class' | 'customer_tier'>,
): Promise<{ unitId: number | null; ruleId: number | null }> {
  // One after the other: `db` may be a transaction's single connection.
  const org = await orgTree(db);
  const rules = await routingRules(db);
  const rule = matchRoutingRule(
    {
      type: o.type as WorkOrderType,
      subCategory: o.sub_category,
      orgPath: org.get(o.org_unit_id)?.path ?? '/',
      areaClass: o.area_class as AreaClass | null,
      tier: o.customer_tier,
    },
    rules,
  );
  if (!rule) return { unitId: null, ruleId: null };
  const dbRule = rules.find((r) => r.id === rule.id)!;
  return { unitId: unitForTarget(org, o.org_unit_id, rule.target), ruleId: dbRule.dbId };
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
interface Subject {
  customerId: number | null;
  customerTier: string | null;
  customerName: string | null;
  customerPhone: string | null;
  premiseId: number | null;
  orgUnitId: number;
  areaClass: string | null;
}

interface SubjectRow {
  customer_id: number | null;
  customer_org: number | null;
  importance_tier: string | null;
  name: string | null;
  phone: string | null;
  premise_id: number | null;
  premise_customer: number | null;
  premise_org: number | null;
  premise_area: string | null;
}

/** The customer and service point the request is about, inside the caller's scope — one query. */
async function resolveSubject(ctx: RequestContext, tx: Db, input: WorkOrderCreate): Promise<Subject> {
  const r = await tx.query<SubjectRow>(
    `SELECT c.id AS customer_id, c.org_unit_id AS customer_org, c.importance_tier, c.name, c.phone,
            COALESCE(p.id, fp.id) AS premise_id, p.customer_id AS premise_customer,
            COALESCE(p.org_unit_id, fp.org_unit_id) AS premise_org, COALESCE(p.area_class, fp.area_class) AS premise_area
       FROM (SELECT $1::bigint AS cid, $2::bigint AS pid) q
       LEFT JOIN premises p ON p.id = q.pid AND p.org_unit_id = ANY($3::bigint[])
       LEFT JOIN customers c ON c.id = COALESCE(q.cid, p.customer_id) AND c.org_unit_id = ANY($3::bigint[])
       LEFT JOIN LATERAL (SELECT id, org_unit_id, area_class FROM premises
                           WHERE q.pid IS NULL AND customer_id = c.id ORDER BY id LIMIT 1) fp ON true`,
    [input.customerId ?? null, input.premiseId ?? null, ctx.user.scopeOrgIds],
    { prepare: 'workorder_subject' },
  );
  const row = r.rows[0];
  if (input.premiseId && row.premise_customer === null)
    throw invalid('premiseId', 'workorder.unknown_customer');
  if (input.premiseId && input.customerId && row.premise_customer !== input.customerId)
    throw invalid('premiseId', 'workorder.premise_customer');
  if ((input.customerId || input.premiseId) && row.customer_id === null)
    throw invalid('customerId', 'workorder.unknown_customer');
  const org = await orgTree(tx);
  const orgUnitId =
    row.premise_org ?? row.customer_org ?? input.orgUnitId ?? ctx.user.roles[0]?.orgUnitId ?? null;
  const unit = orgUnitId ? org.get(orgUnitId) : undefined;
  if (!orgUnitId || !unit) throw invalid('orgUnitId', 'workorder.unknown_unit');
  return {
    customerId: row.customer_id,
    customerTier: row.importance_tier,
    customerName: row.name,
    customerPhone: row.phone,
    premiseId: input.premiseId ?? null,
    orgUnitId,
    areaClass: row.premise_area ?? unit.areaClass,
  };
}

function checkIntake(input: WorkOrderCreate): void {
  if (input.type === 'complaint' && !COMPLAINT_SUBCATEGORIES.includes(input.subCategory as never))
    throw invalid('subCategory', 'workorder.sub_category');
  if (input.answeredOnSpot) {
    if (!ON_THE_SPOT_REPLY_TYPES.includes(input.type))
      throw invalid('answeredOnSpot', 'workorder.on_spot_type');
    if (!input.replyText) throw invalid('replyText', 'workorder.reply_required');
  }
}

interface NewClock {
  kind: TimeLimitKind;
  limit_amount: number;
  limit_unit: string;
  started_at: string;
  stopped_at: string | null;
  warn50_at: string | null;
  warn80_at: string | null;
  due_at: string | null;
  next_check_at: string | null;
}

interface NewEventRow {
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  from_unit_id: number | null;
  to_unit_id: number | null;
  internal: boolean;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The order, its first events, its clocks, the audit rows and the customer-timeline entry in one
 * statement: intake is the busiest write of the service centre (a storm of fault calls), so it costs one
 * round trip, not twenty.
 */
async function insertIntake(
  tx: Db,
  ctx: RequestContext,
  order: Record<string, unknown>,
  events: NewEventRow[],
  clocks: NewClock[],
  timelineTitle: string | null,
): Promise<{ id: number; case_no: string; events: { id: number; action: string }[] }> {
  const cols = Object.keys(order);
  const params: unknown[] = Object.values(order);
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const localDate = add(localDateOf(ctx.now, BUSINESS_TIME_ZONE).replaceAll('-', ''));
  const at = add(ctx.now.toISOString());
  const actorId = add(ctx.user.id);
  const actorName = add(ctx.user.displayName);
  const username = add(ctx.user.username);
  const requestId = add(ctx.requestId);
  const eventsJson = add(JSON.stringify(events.map((e, n) => ({ ...e, n }))));
  const clocksJson = add(JSON.stringify(clocks));
  const title = add(timelineTitle);
  const r = await tx.query<{ id: number; case_no: string; events: { id: number; action: string }[] }>(
    `WITH o AS (
       INSERT INTO work_orders(${cols.join(', ')}, case_no)
       VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')},
               'GD' || ${localDate} || lpad(nextval('work_order_case_seq')::text, 8, '0'))
       RETURNING id, case_no, customer_id, org_unit_id, type, channel, status, assigned_unit_id),
     e AS (
       INSERT INTO work_order_events(order_id, action, from_status, to_status, actor_id, actor_name, note,
                                     from_unit_id, to_unit_id, internal, at)
       SELECT o.id, x.action, x.from_status, x.to_status, ${actorId}::bigint, ${actorName}, x.note,
              x.from_unit_id, x.to_unit_id, x.internal, ${at}::timestamptz
         FROM o, jsonb_to_recordset(${eventsJson}::jsonb) AS x(action text, from_status text,
              to_status text, note text, from_unit_id bigint, to_unit_id bigint, internal boolean, n int)
        ORDER BY x.n
       RETURNING id, action),
     k AS (
       INSERT INTO work_order_clocks(order_id, kind, limit_amount, limit_unit, started_at, stopped_at,
                                     warn50_at, warn80_at, due_at, next_check_at)
       SELECT o.id, x.kind, x.limit_amount, x.limit_unit, x.started_at, x.stopped_at, x.warn50_at,
              x.warn80_at, x.due_at, x.next_check_at
         FROM o, jsonb_to_recordset(${clocksJson}::jsonb) AS x(kind text, limit_amount numeric, limit_unit text,
              started_at timestamptz, stopped_at timestamptz, warn50_at timestamptz, warn80_at timestamptz,
              due_at timestamptz, next_check_at timestamptz)),
     a AS (
       INSERT INTO audit_log(actor_id, actor_name, action, entity, entity_id, org_unit_id, after, request_id)
       SELECT ${actorId}::bigint, ${username}, CASE x.action WHEN 'accept' THEN 'create' ELSE 'work_order.' || x.action END,
              'work_order', o.id::text, o.org_unit_id,
              jsonb_build_object('caseNo', o.case_no, 'type', o.type, 'channel', o.channel, 'customerId', o.customer_id,
                                 'status', x.to_status, 'assignedUnitId', coalesce(x.to_unit_id, o.assigned_unit_id)),
              ${requestId}
         FROM o, jsonb_to_recordset(${eventsJson}::jsonb) AS x(action text, to_status text, to_unit_id bigint)),
     t AS (
       INSERT INTO timeline_events(customer_id, org_unit_id, at, kind, title, detail, actor_id, actor_name,
                                   ref_entity, ref_id)
       SELECT o.customer_id, o.org_unit_id, ${at}::timestamptz, 'work_order',
              replace(${title}::text, '{caseNo}', o.case_no),
              jsonb_build_object('caseNo', o.case_no, 'type', o.type, 'channel', o.channel),
              ${actorId}::bigint, ${actorName}, 'work_order', o.id::text
         FROM o WHERE o.customer_id IS NOT NULL AND ${title}::text IS NOT NULL)
     SELECT o.id, o.case_no,
            (SELECT coalesce(json_agg(json_build_object('id', e.id, 'action', e.action) ORDER BY e.id), '[]'::json) FROM e) AS events
       FROM o`,
    params,
    { prepare: 'workorder_intake' },
  );
  return r.rows[0];
}

/** Receives a request once (受理), routes and dispatches it, or closes it when answered on the spot. */
export async function createWorkOrder(
  ctx: RequestContext,
  tx: Db,
  input: WorkOrderCreate,
): Promise<WorkOrder> {
  if (!ctx.user.permissions.has('workorder:create')) throw new DomainError('forbidden');
  checkIntake(input);
  const now = ctx.now;
  const subject = await resolveSubject(ctx, tx, input);
  if (input.parentId) {
    const parent = await repo.findVisibleOrder(tx, input.parentId, visibilityOf(ctx));
    if (!parent) throw invalid('parentId', 'workorder.unknown_parent');
  }
  const cal = await loadWorkingCalendar(tx);
  const { versionId, rules } = await currentTimeLimits(tx, now);
  const org = await orgTree(tx);
  const base = {
    type: input.type,
    sub_category: input.subCategory ?? null,
    org_unit_id: subject.orgUnitId,
    area_class: subject.areaClass,
    customer_tier: subject.customerTier,
  };
  const centre = org.nearestDepartment(subject.orgUnitId, 'service_centre') ?? subject.orgUnitId;
  // Dispatched at once by the routing rules (派单), unless answered on the spot or no rule applies.
  const route = input.answeredOnSpot ? { unitId: null, ruleId: null } : await routeOrder(tx, base);
  const dispatched = route.unitId !== null;
  const nowIso = now.toISOString();
  const limits = orderLimits(base, rules);
  const order = {
    ...base,
    channel: input.channel,
    status: dispatched ? 'dispatched' : 'accepted',
    title: input.title,
    description: input.description,
    urgent: input.urgent,
    customer_id: subject.customerId,
    premise_id: subject.premiseId,
    account_no: input.accountNo ?? null,
    caller_name: input.callerName ?? null,
    caller_phone: input.callerPhone ?? null,
    contact_phone: input.contactPhone ?? null,
    assigned_unit_id: dispatched ? route.unitId : centre,
    routing_rule_id: route.ruleId,
    time_limit_version_id: versionId,
    parent_id: input.parentId ?? null,
    // Required exactly when the order's time-limit version has a return-visit limit for it.
    return_visit_required: limits.return_visit !== undefined,
    accepted_at: nowIso,
    dispatched_at: dispatched ? nowIso : null,
    created_by: ctx.user.id,
  };
  const kinds: TimeLimitKind[] = input.answeredOnSpot
    ? ['first_contact', 'reply', 'arrival', 'meter_test']
    : ['dispatch', 'first_contact', 'reply', 'arrival', 'meter_test'];
  const clocks: NewClock[] = kinds.flatMap((kind) => {
    const limit = limits[kind];
    if (!limit) return [];
    const instants = clockInstants(now, limit, cal, []);
    const stopped = kind === 'dispatch' && dispatched;
    return [
      {
        kind,
        limit_amount: limit.amount,
        limit_unit: limit.unit,
        started_at: nowIso,
        stopped_at: stopped ? nowIso : null,
        warn50_at: iso(instants.warn50At),
        warn80_at: iso(instants.warn80At),
        due_at: iso(instants.dueAt),
        next_check_at: stopped ? null : iso(nextCheckAt(instants, 0)),
      },
    ];
  });
  // What the clock triggers would compute, written with the row so the trigger finds nothing to change
  // (a second write of the order would update every one of its indexes again).
  const runningClocks = clocks.filter((c) => !c.stopped_at);
  const earliest = (xs: (string | null)[]) =>
    xs
      .filter((x): x is string => x !== null)
      .sort((a, b) => new Date(a).getTime() - new Date(b).getTime())[0] ?? null;
  Object.assign(order, {
    next_due_at: earliest(runningClocks.map((c) => c.due_at)),
    next_warn80_at: earliest(runningClocks.map((c) => c.warn80_at)),
  });
  const events: NewEventRow[] = [
    {
      action: 'accept',
      from_status: null,
      to_status: 'accepted',
      note: input.title,
      from_unit_id: null,
      to_unit_id: null,
      internal: false,
    },
  ];
  if (dispatched) {
    events.push({
      action: 'dispatch',
      from_status: 'accepted',
      to_status: 'dispatched',
      note: '按派单规则自动派发',
      from_unit_id: centre,
      to_unit_id: route.unitId,
      internal: false,
    });
  }
  const inserted = await insertIntake(
    tx,
    ctx,
    order,
    events,
    clocks,
    subject.customerId ? `受理${TYPE_ZH[input.type]}工单 {caseNo}：${input.title}` : null,
  );

  if (input.answeredOnSpot) {
    // First-contact resolution: answered and closed in the same call (首问负责, 一次办结).
    let row = (await repo.findOrder(tx, inserted.id))!;
    await applyAction(ctx, tx, row, 'reply', { replyText: input.replyText, note: '当场答复' }, cal, rules);
    row = (await repo.findOrder(tx, inserted.id))!;
    await repo.updateOrder(tx, row.id, row.version, { first_contact_resolved: true });
    row = (await repo.findOrder(tx, inserted.id))!;
    if (!row.return_visit_required)
      await applyAction(ctx, tx, row, 'close', { note: '当场办结' }, cal, rules);
    return getWorkOrderIn(ctx, tx, inserted.id);
  }

  const notifyRow = {
    id: inserted.id,
    case_no: inserted.case_no,
    customer_id: subject.customerId,
    contact_phone: order.contact_phone,
    caller_phone: order.caller_phone,
    account_no: order.account_no,
    org_unit_id: subject.orgUnitId,
  };
  await notifyCustomer(
    tx,
    notifyRow,
    'workorder.accepted',
    { orderType: TYPE_ZH[input.type], customerName: subject.customerName ?? input.callerName ?? '客户' },
    now,
    null,
    subject.customerPhone,
  );

  // The answer is built from what was written (the busiest write must not re-read eight tables).
  const state = { status: order.status as WorkOrderStatus, paused: false };
  const running = clocks
    .filter((c) => !c.stopped_at && c.due_at)
    .sort((x, y) => x.due_at!.localeCompare(y.due_at!));
  const unitName = (id: number | null) => (id ? (org.get(id)?.name ?? null) : null);
  return {
    id: inserted.id,
    caseNo: inserted.case_no,
    type: input.type,
    subCategory: order.sub_category,
    channel: input.channel,
    status: state.status,
    paused: false,
    externalStatus: externalStatus(state),
    title: input.title,
    urgent: input.urgent,
    customerId: subject.customerId,
    customerName: subject.customerName,
    orgUnitId: subject.orgUnitId,
    orgUnitName: unitName(subject.orgUnitId),
    assignedUnitId: order.assigned_unit_id,
    assignedUnitName: unitName(order.assigned_unit_id),
    handlerId: null,
    handlerName: null,
    acceptedAt: nowIso,
    nextDueKind: running[0]?.kind ?? null,
    nextDueAt: running[0]?.due_at ?? null,
    warningLevel: 0,
    breached: false,
    returnVisitDueAt: null,
    version: 1,
    description: input.description,
    callerName: order.caller_name,
    callerPhone: order.caller_phone,
    contactPhone: order.contact_phone,
    accountNo: order.account_no,
    premiseId: subject.premiseId,
    areaClass: subject.areaClass as AreaClass | null,
    customerTier: subject.customerTier,
    replyText: null,
    parentId: order.parent_id,
    parentCaseNo: null,
    mergedIntoId: null,
    returnVisitRequired: order.return_visit_required,
    satisfaction: null,
    reopenCount: 0,
    firstContactResolved: false,
    timeLimitVersion: versionId,
    createdByName: ctx.user.displayName,
    closedAt: null,
    clocks: clocks.map((c, i) =>
      presentClock(
        {
          ...c,
          id: i,
          order_id: inserted.id,
          limit_amount: String(c.limit_amount),
          level: 0,
          breached_at: null,
        },
        [],
        cal,
        now,
      ),
    ),
    events: inserted.events.map((e, i) => ({
      id: e.id,
      action: e.action,
      fromStatus: events[i].from_status,
      toStatus: events[i].to_status,
      actorName: ctx.user.displayName,
      note: events[i].note,
      fromUnitName: unitName(events[i].from_unit_id),
      toUnitName: unitName(events[i].to_unit_id),
      internal: events[i].internal,
      at: nowIso,
    })),
    returnVisits: [],
    children: [],
    allowedActions: allowedActions(state, {
      type: input.type,
      returnVisitRequired: order.return_visit_required,
    }),
  };
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
    visibilityOf(ctx),
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
