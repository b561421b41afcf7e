// The service centre's work orders (95598 工单, domain.md §4): intake, routing, the lifecycle with
// every transition recorded, SLA clocks, return visits, queues, the supervisor's board and reports.
import { z } from 'zod';
import {
  AREA_CLASSES,
  DEPARTMENT_KINDS,
  EXTERNAL_STATUSES,
  RETURN_VISIT_OUTCOMES,
  TIME_LIMIT_KINDS,
  TIME_LIMIT_UNITS,
  WORK_ORDER_ACTIONS,
  WORK_ORDER_CHANNELS,
  WORK_ORDER_STATUSES,
  WORK_ORDER_TYPES,
} from '@gridcare/domain';
import { Id, IsoDate, PageQuery, VersionField, pageOf } from './common';
import { PhoneNumber } from './validators';

const Text = (max = 200) => z.string().trim().min(1).max(max);
const OptText = (max = 200) => z.string().trim().max(max).nullish();

export const WorkOrderType = z.enum(WORK_ORDER_TYPES);
export const WorkOrderChannel = z.enum(WORK_ORDER_CHANNELS);
export const WorkOrderStatus = z.enum(WORK_ORDER_STATUSES);
export const WorkOrderAction = z.enum(WORK_ORDER_ACTIONS);
export const ExternalStatus = z.enum(EXTERNAL_STATUSES);
export const TimeLimitKind = z.enum(TIME_LIMIT_KINDS);
export const TimeLimitUnit = z.enum(TIME_LIMIT_UNITS);
export const ReturnVisitOutcome = z.enum(RETURN_VISIT_OUTCOMES);
export const RETURN_VISIT_METHODS = ['phone', 'sms', 'portal'] as const;
export const ReturnVisitMethod = z.enum(RETURN_VISIT_METHODS);

// --- Intake ------------------------------------------------------------------------------------------
export const WorkOrderCreate = z.object({
  type: WorkOrderType,
  /** e.g. complaint: supply_quality | capacity | billing | service_attitude | other; application: meter_test. */
  subCategory: OptText(40),
  channel: WorkOrderChannel,
  customerId: Id.nullish(),
  /** The service point (premise) the request is about; decides the routing unit and area class. */
  premiseId: Id.nullish(),
  accountNo: OptText(30),
  callerName: OptText(50),
  callerPhone: PhoneNumber.nullish(),
  /** Where the customer wants to be called back / receive SMS. */
  contactPhone: PhoneNumber.nullish(),
  title: Text(100),
  description: Text(4000),
  urgent: z.boolean().default(false),
  /** Without a customer: the org unit the request concerns (defaults to the agent's own unit). */
  orgUnitId: Id.nullish(),
  /** Parent order (a fault call under an outage's parent order, an urge on an earlier order). */
  parentId: Id.nullish(),
  /** First-contact resolution: the agent answered on the spot (consultation, query, suggestion, praise). */
  answeredOnSpot: z.boolean().default(false),
  replyText: OptText(4000),
});
export type WorkOrderCreate = z.infer<typeof WorkOrderCreate>;

// --- Actions -----------------------------------------------------------------------------------------
export const WorkOrderActionBody = z.object({
  action: WorkOrderAction.exclude(['return_visit']),
  version: VersionField,
  note: OptText(2000),
  /** Send back / transfer / pause: why. */
  reason: OptText(500),
  /** Dispatch / transfer / reopen: the receiving unit (defaults to the routing rule's answer). */
  targetUnitId: Id.nullish(),
  /** Handle / reply: the answer given to the customer. */
  replyText: OptText(4000),
  /** Merge: the surviving order. */
  mergeIntoId: Id.nullish(),
});
export type WorkOrderActionBody = z.infer<typeof WorkOrderActionBody>;

/** A progress note; `contactedCustomer` stops the first-contact clock (complaints: 1 working day). */
export const WORK_ORDER_MILESTONES = ['arrived', 'restored'] as const;
export const WorkOrderNoteBody = z.object({
  note: Text(2000),
  contactedCustomer: z.boolean().default(false),
  /** Fault repair: the crew arrived on site (stops the arrival clock, starts restoration) / power restored. */
  milestone: z.enum(WORK_ORDER_MILESTONES).nullish(),
  /** Tell the customer (SMS / portal) that there is progress. */
  notifyCustomer: z.boolean().default(false),
});

export const ReturnVisitCreate = z.object({
  outcome: ReturnVisitOutcome,
  method: ReturnVisitMethod.default('phone'),
  note: OptText(2000),
  version: VersionField,
});
export type ReturnVisitCreate = z.infer<typeof ReturnVisitCreate>;

// --- Read models -------------------------------------------------------------------------------------
export const WorkOrderClock = z.object({
  kind: TimeLimitKind,
  limitAmount: z.number(),
  limitUnit: TimeLimitUnit,
  startedAt: z.string(),
  dueAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  /** Consumed share of the limit now (0–1+), paused time excluded. */
  consumed: z.number(),
  remainingMinutes: z.number(),
  level: z.union([z.literal(0), z.literal(50), z.literal(80), z.literal(100)]),
  breached: z.boolean(),
});

export const WorkOrderEvent = z.object({
  id: z.number(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  fromUnitName: z.string().nullable(),
  toUnitName: z.string().nullable(),
  /** Internal steps (transfers, send-backs, warnings) are hidden from the customer. */
  internal: z.boolean(),
  at: z.string(),
});

export const ReturnVisit = z.object({
  id: z.number(),
  attempt: z.number(),
  outcome: ReturnVisitOutcome,
  method: ReturnVisitMethod,
  note: z.string().nullable(),
  byName: z.string().nullable(),
  at: z.string(),
});

export const WorkOrderSummary = z.object({
  id: z.number(),
  caseNo: z.string(),
  type: WorkOrderType,
  subCategory: z.string().nullable(),
  channel: WorkOrderChannel,
  status: WorkOrderStatus,
  paused: z.boolean(),
  externalStatus: ExternalStatus,
  title: z.string(),
  urgent: z.boolean(),
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  orgUnitId: z.number(),
  orgUnitName: z.string().nullable(),
  assignedUnitId: z.number().nullable(),
  assignedUnitName: z.string().nullable(),
  handlerId: z.number().nullable(),
  handlerName: z.string().nullable(),
  acceptedAt: z.string(),
  /** The running clock that falls due first. */
  nextDueKind: TimeLimitKind.nullable(),
  nextDueAt: z.string().nullable(),
  warningLevel: z.number(),
  breached: z.boolean(),
  returnVisitDueAt: z.string().nullable(),
  version: z.number(),
});
export type WorkOrderSummary = z.infer<typeof WorkOrderSummary>;

export const WorkOrder = WorkOrderSummary.extend({
  description: z.string(),
  callerName: z.string().nullable(),
  callerPhone: z.string().nullable(),
  contactPhone: z.string().nullable(),
  accountNo: z.string().nullable(),
  premiseId: z.number().nullable(),
  areaClass: z.enum(AREA_CLASSES).nullable(),
  customerTier: z.string().nullable(),
  replyText: z.string().nullable(),
  parentId: z.number().nullable(),
  parentCaseNo: z.string().nullable(),
  mergedIntoId: z.number().nullable(),
  returnVisitRequired: z.boolean(),
  satisfaction: z.number().nullable(),
  reopenCount: z.number(),
  firstContactResolved: z.boolean(),
  timeLimitVersion: z.number(),
  createdByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  clocks: z.array(WorkOrderClock),
  events: z.array(WorkOrderEvent),
  returnVisits: z.array(ReturnVisit),
  children: z.array(WorkOrderSummary.pick({ id: true, caseNo: true, type: true, status: true, title: true })),
  allowedActions: z.array(WorkOrderAction),
});
export type WorkOrder = z.infer<typeof WorkOrder>;

export const WORK_ORDER_QUEUES = [
  'mine',
  'team',
  'near_breach',
  'breached',
  'awaiting_visit',
  'all',
] as const;
export const WorkOrderQueue = z.enum(WORK_ORDER_QUEUES);

export const WorkOrderListQuery = PageQuery.extend({
  queue: WorkOrderQueue.default('all'),
  type: WorkOrderType.optional(),
  status: WorkOrderStatus.optional(),
  channel: WorkOrderChannel.optional(),
  customerId: z.coerce.number().int().positive().optional(),
  /** The unit the order is assigned to now (the supervisor board's "by unit" figures). */
  assignedUnitId: z.coerce.number().int().positive().optional(),
  /** Only orders not yet closed or merged. */
  open: z.enum(['true', 'false']).optional(),
  /** Case number, title or caller phone. */
  q: z.string().trim().max(50).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type WorkOrderListQuery = z.infer<typeof WorkOrderListQuery>;
export const WorkOrderPage = pageOf(WorkOrderSummary);

export const QueueCounts = z.object({
  mine: z.number(),
  team: z.number(),
  near_breach: z.number(),
  breached: z.number(),
  awaiting_visit: z.number(),
});

// --- Configuration: routing rules and versioned time limits ----------------------------------------
export const RoutingRuleBody = z.object({
  priority: z.number().int().min(0).max(1000).default(0),
  type: WorkOrderType.nullish(),
  subCategory: OptText(40),
  orgUnitId: Id.nullish(),
  areaClass: z.enum(AREA_CLASSES).nullish(),
  customerTier: OptText(20),
  targetDepartment: z.enum(DEPARTMENT_KINDS).nullish(),
  toServicePointOffice: z.boolean().default(false),
  active: z.boolean().default(true),
  note: OptText(200),
});
export const RoutingRuleUpdate = RoutingRuleBody.extend({ version: VersionField });
export const RoutingRuleView = z.object({
  id: z.number(),
  priority: z.number(),
  type: WorkOrderType.nullable(),
  subCategory: z.string().nullable(),
  orgUnitId: z.number().nullable(),
  orgUnitName: z.string().nullable(),
  areaClass: z.enum(AREA_CLASSES).nullable(),
  customerTier: z.string().nullable(),
  targetDepartment: z.enum(DEPARTMENT_KINDS).nullable(),
  toServicePointOffice: z.boolean(),
  active: z.boolean(),
  note: z.string().nullable(),
  version: z.number(),
});

export const TimeLimitRuleRow = z.object({
  kind: TimeLimitKind,
  type: WorkOrderType.nullish(),
  subCategory: OptText(40),
  areaClass: z.enum(AREA_CLASSES).nullish(),
  amount: z.number().int().positive().max(100_000),
  unit: TimeLimitUnit,
});
/** A new version of the whole table; orders accepted from `effectiveFrom` on use it. */
export const TimeLimitVersionCreate = z.object({
  effectiveFrom: z.string().datetime({ offset: true }).optional(),
  note: Text(200),
  rules: z.array(TimeLimitRuleRow).min(1).max(500),
});
export const TimeLimitVersion = z.object({
  id: z.number(),
  effectiveFrom: z.string(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  rules: z.array(TimeLimitRuleRow),
});

// --- Supervisor board and reports --------------------------------------------------------------------
export const SlaBoardRow = z.object({
  key: z.string(),
  label: z.string(),
  open: z.number(),
  warned: z.number(),
  breached: z.number(),
  awaitingVisit: z.number(),
});
export const SlaBoard = z.object({
  byType: z.array(SlaBoardRow),
  byUnit: z.array(SlaBoardRow),
  generatedAt: z.string(),
});

export const REPORT_GROUPS = ['type', 'channel', 'unit', 'month'] as const;
export const WorkOrderReportQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  groupBy: z.enum(REPORT_GROUPS).default('type'),
});
export const WorkOrderReportRow = z.object({
  key: z.string(),
  label: z.string(),
  orders: z.number(),
  closed: z.number(),
  /** Clocks stopped within their limit, of all stopped or breached clocks. */
  slaCompliance: z.number().nullable(),
  breaches: z.number(),
  /** Orders that needed a return visit and got one (any outcome but unreachable) / orders that needed one. */
  returnVisitRate: z.number().nullable(),
  /** Mean visit score 0–100 (satisfied 100, basically 80, unsatisfied 0). */
  satisfaction: z.number().nullable(),
  /** Answered on the spot, of consultation/query/suggestion/praise orders. */
  firstContactResolution: z.number().nullable(),
});
export const WorkOrderReport = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(REPORT_GROUPS),
  rows: z.array(WorkOrderReportRow),
  total: WorkOrderReportRow,
  /** Complaints in the period and in the same period a year earlier. */
  complaints: z.object({ current: z.number(), previousYear: z.number(), change: z.number().nullable() }),
});
