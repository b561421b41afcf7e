// Intake (受理) of new work orders, written set-wise: a storm of fault calls arrives as many requests at
// once, so the intake plans each order in memory (subject, routing, clocks, events) and writes any number
// of them — orders, first events, clocks, audit rows, customer-timeline entries — in one statement, with
// their acceptance notices in one more. `createWorkOrder` writes one; the intake batcher writes the
// requests that arrived together in one transaction.
import { msg, type WorkOrder, type WorkOrderCreate } from '@gridcare/contracts';
import {
  COMPLAINT_SUBCATEGORIES,
  ON_THE_SPOT_REPLY_TYPES,
  allowedActions,
  clockInstants,
  externalStatus,
  localDateOf,
  nextCheckAt,
  transition,
  type AreaClass,
  type TimeLimitKind,
  type WorkOrderStatus,
  type WorkOrderType,
  type WorkingCalendar,
} from '@gridcare/domain';
import type { RequestContext } from '../../platform/auth/context';
import type { Db } from '../../platform/db/db';
import { DomainError } from '../../platform/http/errors';
import { loadWorkingCalendar } from '../calendar/calendar.service';
import { enqueueNotifications, type EnqueueNotification } from '../notifications/notifications.outbox';
import { orderLimits, presentClock } from './workorder-clocks';
import { currentTimeLimits, orgTree, type OrgTree } from './workorder-config-cache';
import { routeOrder } from './workorder-routing';
import * as repo from './workorders.repository';

export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

export const TYPE_ZH: Record<WorkOrderType, string> = {
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

export const invalid = (path: string, key: Parameters<typeof msg>[0]) =>
  new DomainError('validation', [{ path, message: msg(key) }]);

/** Checks of the request alone, before anything is read. */
export function checkIntake(input: WorkOrderCreate): void {
  if (input.type === 'complaint' && !COMPLAINT_SUBCATEGORIES.includes(input.subCategory as never))
    throw invalid('subCategory', 'workorder.sub_category');
  if (input.answeredOnSpot) {
    if (!ON_THE_SPOT_REPLY_TYPES.includes(input.type))
      throw invalid('answeredOnSpot', 'workorder.on_spot_type');
    if (!input.replyText) throw invalid('replyText', 'workorder.reply_required');
  }
}

// --- The customer and service point ---------------------------------------------------------------------
export interface Subject {
  customerId: number | null;
  customerTier: string | null;
  customerName: string | null;
  customerPhone: string | null;
  premiseId: number | null;
  orgUnitId: number;
  areaClass: string | null;
}

interface SubjectRow {
  n: number;
  customer_id: number | null;
  customer_org: number | null;
  importance_tier: string | null;
  name: string | null;
  phone: string | null;
  premise_customer: number | null;
  premise_org: number | null;
  premise_area: string | null;
}

export interface IntakeRequest {
  ctx: RequestContext;
  input: WorkOrderCreate;
}

/**
 * The customer and service point of each request, inside its caller's scope — one query for all of
 * them. A request that names an unknown or out-of-scope customer gets its validation error instead.
 */
export async function resolveSubjects(
  db: Db,
  requests: readonly IntakeRequest[],
): Promise<(Subject | DomainError)[]> {
  const r = await db.query<SubjectRow>(
    `SELECT q.n, c.id AS customer_id, c.org_unit_id AS customer_org, c.importance_tier, c.name, c.phone,
            p.customer_id AS premise_customer,
            COALESCE(p.org_unit_id, fp.org_unit_id) AS premise_org, COALESCE(p.area_class, fp.area_class) AS premise_area
       FROM jsonb_to_recordset($1::jsonb) AS q(n int, cid bigint, pid bigint, scope bigint[])
       LEFT JOIN premises p ON p.id = q.pid AND p.org_unit_id = ANY(q.scope)
       LEFT JOIN customers c ON c.id = COALESCE(q.cid, p.customer_id) AND c.org_unit_id = ANY(q.scope)
       LEFT JOIN LATERAL (SELECT id, org_unit_id, area_class FROM premises
                           WHERE q.pid IS NULL AND customer_id = c.id ORDER BY id LIMIT 1) fp ON true
      ORDER BY q.n`,
    [
      JSON.stringify(
        requests.map(({ ctx, input }, n) => ({
          n,
          cid: input.customerId ?? null,
          pid: input.premiseId ?? null,
          scope: ctx.user.scopeOrgIds,
        })),
      ),
    ],
    { prepare: 'workorder_subjects' },
  );
  const org = await orgTree(db);
  return requests.map(({ ctx, input }, n) => {
    const row = r.rows[n];
    if (input.premiseId && row.premise_customer === null)
      return invalid('premiseId', 'workorder.unknown_customer');
    if (input.premiseId && input.customerId && row.premise_customer !== input.customerId)
      return invalid('premiseId', 'workorder.premise_customer');
    if ((input.customerId || input.premiseId) && row.customer_id === null)
      return invalid('customerId', 'workorder.unknown_customer');
    const orgUnitId =
      row.premise_org ?? row.customer_org ?? input.orgUnitId ?? ctx.user.roles[0]?.orgUnitId ?? null;
    const unit = orgUnitId ? org.get(orgUnitId) : undefined;
    if (!orgUnitId || !unit) return invalid('orgUnitId', 'workorder.unknown_unit');
    return {
      customerId: row.customer_id,
      customerTier: row.importance_tier,
      customerName: row.name,
      customerPhone: row.phone,
      premiseId: input.premiseId ?? null,
      orgUnitId,
      areaClass: row.premise_area ?? unit.areaClass,
    };
  });
}

// --- The plan of one order ------------------------------------------------------------------------------
export interface NewClock {
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

export interface NewEventRow {
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  from_unit_id: number | null;
  to_unit_id: number | null;
  internal: boolean;
}

/** What intake needs besides the request: the calendar, the time limits in force and the org tree. */
export interface IntakeEnv {
  cal: WorkingCalendar;
  versionId: number;
  rules: Awaited<ReturnType<typeof currentTimeLimits>>['rules'];
  org: OrgTree;
}

export async function intakeEnv(db: Db, now: Date): Promise<IntakeEnv> {
  // One after the other: `db` may be a transaction's single connection.
  const cal = await loadWorkingCalendar(db);
  const { versionId, rules } = await currentTimeLimits(db, now);
  const org = await orgTree(db);
  return { cal, versionId, rules, org };
}

export interface IntakePlan {
  ctx: RequestContext;
  input: WorkOrderCreate;
  subject: Subject;
  order: Record<string, unknown> & {
    status: string;
    sub_category: string | null;
    assigned_unit_id: number;
    caller_name: string | null;
    caller_phone: string | null;
    contact_phone: string | null;
    account_no: string | null;
    parent_id: number | null;
    return_visit_required: boolean;
    reply_text: string | null;
    closed_at: string | null;
    first_contact_resolved: boolean;
  };
  events: NewEventRow[];
  clocks: NewClock[];
  /** Customer-timeline titles ({caseNo} is filled in when the number is drawn). */
  timeline: string[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const earliest = (xs: (string | null)[]) =>
  xs.filter((x): x is string => x !== null).sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;

/** Routes the order and computes its clocks and first events; nothing is written. */
export async function planIntake(
  db: Db,
  ctx: RequestContext,
  input: WorkOrderCreate,
  subject: Subject,
  env: IntakeEnv,
): Promise<IntakePlan> {
  const now = ctx.now;
  const base = {
    type: input.type,
    sub_category: input.subCategory ?? null,
    org_unit_id: subject.orgUnitId,
    area_class: subject.areaClass,
    customer_tier: subject.customerTier,
  };
  const centre = env.org.nearestDepartment(subject.orgUnitId, 'service_centre') ?? subject.orgUnitId;
  // Dispatched at once by the routing rules (派单), unless answered on the spot or no rule applies.
  const route = input.answeredOnSpot ? { unitId: null, ruleId: null } : await routeOrder(db, base);
  const dispatched = route.unitId !== null;
  const nowIso = now.toISOString();
  const limits = orderLimits(base, env.rules);
  // Answered on the spot (首问负责, 一次办结): replied in the same call, and closed unless a return visit
  // applies — the same transitions the state machine allows from 受理, written with the order.
  const onSpot = input.answeredOnSpot === true;
  const returnVisit = limits.return_visit;
  const stateAfter = (() => {
    if (!onSpot) return null;
    const opts = { type: input.type, returnVisitRequired: returnVisit !== undefined };
    const replied = transition({ status: 'accepted', paused: false }, 'reply', opts);
    if (!replied.ok) throw invalid('answeredOnSpot', 'workorder.on_spot_type');
    if (returnVisit) return { replied: replied.state, closed: null };
    const closed = transition(replied.state, 'close', opts);
    return { replied: replied.state, closed: closed.ok ? closed.state : null };
  })();
  const kinds: TimeLimitKind[] = onSpot
    ? ['first_contact', 'reply', 'arrival', 'meter_test']
    : ['dispatch', 'first_contact', 'reply', 'arrival', 'meter_test'];
  const clockOf = (kind: TimeLimitKind, stopped: boolean): NewClock[] => {
    const limit = limits[kind];
    if (!limit) return [];
    const instants = clockInstants(now, limit, env.cal, []);
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
  };
  // The answer stops every answering clock; a required return visit starts its own.
  const clocks: NewClock[] = [
    ...kinds.flatMap((kind) => clockOf(kind, onSpot || (kind === 'dispatch' && dispatched))),
    ...(onSpot && returnVisit ? clockOf('return_visit', false) : []),
  ];
  // What the clock triggers would compute, written with the row so the trigger finds nothing to change
  // (a second write of the order would update every one of its indexes again).
  const running = clocks.filter((c) => !c.stopped_at);
  const finalState = stateAfter ? (stateAfter.closed ?? stateAfter.replied) : null;
  const order = {
    ...base,
    channel: input.channel,
    status: finalState ? finalState.status : dispatched ? 'dispatched' : 'accepted',
    title: input.title,
    description: input.description,
    urgent: input.urgent,
    customer_id: subject.customerId,
    premise_id: subject.premiseId,
    account_no: input.accountNo ?? null,
    caller_name: input.callerName ?? null,
    caller_phone: input.callerPhone ?? null,
    contact_phone: input.contactPhone ?? null,
    assigned_unit_id: dispatched ? route.unitId! : centre,
    routing_rule_id: route.ruleId,
    time_limit_version_id: env.versionId,
    parent_id: input.parentId ?? null,
    // Required exactly when the order's time-limit version has a return-visit limit for it.
    return_visit_required: returnVisit !== undefined,
    accepted_at: nowIso,
    dispatched_at: dispatched ? nowIso : null,
    created_by: ctx.user.id,
    next_due_at: earliest(running.map((c) => c.due_at)),
    next_warn80_at: earliest(running.map((c) => c.warn80_at)),
    reply_text: onSpot ? (input.replyText ?? null) : null,
    replied_at: onSpot ? nowIso : null,
    closed_at: stateAfter?.closed ? nowIso : null,
    first_contact_resolved: onSpot,
  };
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
  const step = (action: string, from: string, to: string, note: string): NewEventRow => ({
    action,
    from_status: from,
    to_status: to,
    note,
    from_unit_id: null,
    to_unit_id: null,
    internal: false,
  });
  if (stateAfter) events.push(step('reply', 'accepted', stateAfter.replied.status, '当场答复'));
  if (stateAfter?.closed)
    events.push(step('close', stateAfter.replied.status, stateAfter.closed.status, '当场办结'));
  const timeline = subject.customerId
    ? [
        `受理${TYPE_ZH[input.type]}工单 {caseNo}：${input.title}`,
        ...(stateAfter ? [`工单已答复 {caseNo}：${input.title}`] : []),
        ...(stateAfter?.closed ? [`工单已归档 {caseNo}：${input.title}`] : []),
      ]
    : [];
  return {
    ctx,
    input,
    subject,
    order,
    events,
    clocks,
    timeline,
  };
}

// --- Writing ------------------------------------------------------------------------------------------
/** The order columns intake writes (the keys of IntakePlan.order), in the statement's fixed order. */
const ORDER_COLUMNS = [
  'type',
  'sub_category',
  'org_unit_id',
  'area_class',
  'customer_tier',
  'channel',
  'status',
  'title',
  'description',
  'urgent',
  'customer_id',
  'premise_id',
  'account_no',
  'caller_name',
  'caller_phone',
  'contact_phone',
  'assigned_unit_id',
  'routing_rule_id',
  'time_limit_version_id',
  'parent_id',
  'return_visit_required',
  'accepted_at',
  'dispatched_at',
  'created_by',
  'next_due_at',
  'next_warn80_at',
  'reply_text',
  'replied_at',
  'closed_at',
  'first_contact_resolved',
] as const;

export interface InsertedOrder {
  id: number;
  case_no: string;
  events: { id: number; action: string }[];
}

/**
 * The orders of the plans, their first events, their clocks, the audit rows and the customer-timeline
 * entries — one statement whatever the number of orders. Case numbers are GD + the business date + a
 * sequence; the answer comes back in the plans' order.
 */
export async function insertIntakes(tx: Db, plans: readonly IntakePlan[]): Promise<InsertedOrder[]> {
  const docs = plans.map((p) => ({
    ...p.order,
    case_date: localDateOf(p.ctx.now, BUSINESS_TIME_ZONE).replaceAll('-', ''),
    at: p.ctx.now.toISOString(),
    actor_id: p.ctx.user.id,
    actor_name: p.ctx.user.displayName,
    username: p.ctx.user.username,
    request_id: p.ctx.requestId,
    timeline: p.timeline,
    events: p.events.map((e, n) => ({ ...e, n })),
    clocks: p.clocks,
  }));
  const r = await tx.query<InsertedOrder & { n: number }>(
    `WITH src AS MATERIALIZED (
       SELECT d.n, nextval(pg_get_serial_sequence('work_orders', 'id')) AS id,
              'GD' || (d.j->>'case_date') || lpad(nextval('work_order_case_seq')::text, 8, '0') AS case_no,
              jsonb_populate_record(NULL::work_orders, d.j) AS r, d.j
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS d(j, n)),
     o AS (
       INSERT INTO work_orders(id, case_no, ${ORDER_COLUMNS.join(', ')})
       SELECT id, case_no, ${ORDER_COLUMNS.map((c) => `(r).${c}`).join(', ')} FROM src ORDER BY n
       RETURNING id),
     e AS (
       INSERT INTO work_order_events(order_id, action, from_status, to_status, actor_id, actor_name, note,
                                     from_unit_id, to_unit_id, internal, at)
       SELECT src.id, x.action, x.from_status, x.to_status, (src.j->>'actor_id')::bigint, src.j->>'actor_name',
              x.note, x.from_unit_id, x.to_unit_id, x.internal, (src.j->>'at')::timestamptz
         FROM src, jsonb_to_recordset(src.j->'events') AS x(action text, from_status text, to_status text,
              note text, from_unit_id bigint, to_unit_id bigint, internal boolean, n int)
        ORDER BY src.n, x.n
       RETURNING id, order_id, action),
     k AS (
       INSERT INTO work_order_clocks(order_id, kind, limit_amount, limit_unit, started_at, stopped_at,
                                     warn50_at, warn80_at, due_at, next_check_at)
       SELECT src.id, x.kind, x.limit_amount, x.limit_unit, x.started_at, x.stopped_at, x.warn50_at,
              x.warn80_at, x.due_at, x.next_check_at
         FROM src, jsonb_to_recordset(src.j->'clocks') AS x(kind text, limit_amount numeric, limit_unit text,
              started_at timestamptz, stopped_at timestamptz, warn50_at timestamptz, warn80_at timestamptz,
              due_at timestamptz, next_check_at timestamptz)),
     a AS (
       INSERT INTO audit_log(actor_id, actor_name, action, entity, entity_id, org_unit_id, after, request_id)
       SELECT (src.j->>'actor_id')::bigint, src.j->>'username',
              CASE x.action WHEN 'accept' THEN 'create' ELSE 'work_order.' || x.action END,
              'work_order', src.id::text, (src.r).org_unit_id,
              jsonb_build_object('caseNo', src.case_no, 'type', (src.r).type, 'channel', (src.r).channel,
                                 'customerId', (src.r).customer_id, 'status', x.to_status,
                                 'assignedUnitId', coalesce(x.to_unit_id, (src.r).assigned_unit_id)),
              src.j->>'request_id'
         FROM src, jsonb_to_recordset(src.j->'events') AS x(action text, to_status text, to_unit_id bigint)),
     t AS (
       INSERT INTO timeline_events(customer_id, org_unit_id, at, kind, title, detail, actor_id, actor_name,
                                   ref_entity, ref_id)
       SELECT (src.r).customer_id, (src.r).org_unit_id, (src.j->>'at')::timestamptz, 'work_order',
              replace(tl.title, '{caseNo}', src.case_no),
              jsonb_build_object('caseNo', src.case_no, 'type', (src.r).type, 'channel', (src.r).channel),
              (src.j->>'actor_id')::bigint, src.j->>'actor_name', 'work_order', src.id::text
         FROM src, jsonb_array_elements_text(src.j->'timeline') WITH ORDINALITY AS tl(title, n)
        WHERE (src.r).customer_id IS NOT NULL
        ORDER BY src.n, tl.n)
     SELECT src.n, src.id, src.case_no,
            (SELECT coalesce(json_agg(json_build_object('id', e.id, 'action', e.action) ORDER BY e.id), '[]'::json)
               FROM e WHERE e.order_id = src.id) AS events
       FROM src
      ORDER BY src.n`,
    [JSON.stringify(docs)],
    { prepare: 'workorder_intakes' },
  );
  return r.rows.map(({ id, case_no, events }) => ({ id, case_no, events }));
}

/**
 * The customers' notices of the new orders, in one go: the acceptance notice, or — answered on the spot —
 * the reply (and the return-visit survey when one applies). A notice that cannot be queued (no template,
 * an unusable number) must not lose the customer's request: the order's log says so for a person to follow up.
 */
export async function notifyIntake(
  tx: Db,
  plans: readonly IntakePlan[],
  inserted: readonly InsertedOrder[],
  now: Date,
): Promise<void> {
  const list: (Omit<EnqueueNotification, 'dedupeKey'> & { orderId: number })[] = [];
  plans.forEach((p, i) => {
    const mobile = p.order.contact_phone ?? p.order.caller_phone ?? p.subject.customerPhone;
    if (!mobile && !p.order.account_no) return; // nobody to tell: an anonymous counter visit
    const orderNo = inserted[i].case_no;
    const to = {
      orderId: inserted[i].id,
      recipient: { customerId: p.subject.customerId, mobile, portalAccountNo: p.order.account_no },
      orgUnitId: p.subject.orgUnitId,
      entityType: 'work_order',
      entityId: inserted[i].id,
    };
    if (!p.input.answeredOnSpot) {
      list.push({
        ...to,
        event: 'workorder.accepted',
        variables: {
          orderNo,
          orderType: TYPE_ZH[p.input.type],
          customerName: p.subject.customerName ?? p.input.callerName ?? '客户',
        },
      });
      return;
    }
    const reply = p.order.reply_text ?? '';
    list.push({
      ...to,
      event: 'workorder.replied',
      variables: { orderNo, reply: reply.length > 200 ? `${reply.slice(0, 199)}…` : reply },
    });
    if (p.order.return_visit_required)
      list.push({
        ...to,
        event: 'workorder.survey',
        variables: { orderNo, surveyUrl: `/portal/orders/${orderNo}` },
      });
  });
  if (!list.length) return;
  const { refused } = await enqueueNotifications(tx, list, { now });
  await repo.insertEvents(
    tx,
    refused.map(({ index, problems }) => ({
      orderId: list[index].orderId,
      action: 'notification_failed',
      note: `${list[index].event}: ${problems.map((d) => d.message).join('; ')}`,
      internal: true,
      at: now,
    })),
  );
}

/** The answer to the caller, built from what was written: the busiest write must not re-read eight tables. */
export function intakeAnswer(plan: IntakePlan, inserted: InsertedOrder, env: IntakeEnv): WorkOrder {
  const { ctx, input, subject, order, clocks, events } = plan;
  const now = ctx.now;
  const nowIso = now.toISOString();
  const state = { status: order.status as WorkOrderStatus, paused: false };
  const visit = clocks.find((c) => c.kind === 'return_visit' && !c.stopped_at);
  const running = clocks
    .filter((c) => !c.stopped_at && c.due_at)
    .sort((x, y) => x.due_at!.localeCompare(y.due_at!));
  const unitName = (id: number | null) => (id ? (env.org.get(id)?.name ?? null) : null);
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
    returnVisitDueAt: visit?.due_at ?? null,
    version: 1,
    description: input.description,
    callerName: order.caller_name,
    callerPhone: order.caller_phone,
    contactPhone: order.contact_phone,
    accountNo: order.account_no,
    premiseId: subject.premiseId,
    areaClass: subject.areaClass as AreaClass | null,
    customerTier: subject.customerTier,
    replyText: order.reply_text,
    parentId: order.parent_id,
    parentCaseNo: null,
    mergedIntoId: null,
    returnVisitRequired: order.return_visit_required,
    satisfaction: null,
    reopenCount: 0,
    firstContactResolved: order.first_contact_resolved,
    timeLimitVersion: env.versionId,
    createdByName: ctx.user.displayName,
    closedAt: order.closed_at,
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
        env.cal,
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
