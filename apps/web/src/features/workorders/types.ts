// The work-order API's shapes, inferred from the contract schemas (one schema source; no parallel types).
import type { z } from 'zod';
import type {
  QueueCounts as QueueCountsSchema,
  ReturnVisitCreate,
  RoutingRuleBody as RoutingRuleBodySchema,
  RoutingRuleView as RoutingRuleViewSchema,
  SlaBoard as SlaBoardSchema,
  SlaBoardRow as SlaBoardRowSchema,
  TimeLimitRuleRow as TimeLimitRuleRowSchema,
  TimeLimitVersion as TimeLimitVersionSchema,
  TimeLimitVersionCreate as TimeLimitVersionCreateSchema,
  WorkOrder,
  WorkOrderActionBody,
  WorkOrderClock as WorkOrderClockSchema,
  WorkOrderCreate,
  WorkOrderEvent as WorkOrderEventSchema,
  WorkOrderNoteBody as WorkOrderNoteBodySchema,
  WorkOrderReport as WorkOrderReportSchema,
  WorkOrderReportRow as WorkOrderReportRowSchema,
  WorkOrderSummary,
  WORK_ORDER_QUEUES,
  REPORT_GROUPS,
} from '@gridcare/contracts';

export type { ReturnVisitCreate, WorkOrder, WorkOrderActionBody, WorkOrderCreate, WorkOrderSummary };
export type QueueCounts = z.infer<typeof QueueCountsSchema>;
export type WorkOrderQueue = (typeof WORK_ORDER_QUEUES)[number];
export type WorkOrderClock = z.infer<typeof WorkOrderClockSchema>;
export type WorkOrderEvent = z.infer<typeof WorkOrderEventSchema>;
export type WorkOrderNoteBody = z.input<typeof WorkOrderNoteBodySchema>;
export type SlaBoard = z.infer<typeof SlaBoardSchema>;
export type SlaBoardRow = z.infer<typeof SlaBoardRowSchema>;
export type ReportGroup = (typeof REPORT_GROUPS)[number];
export type WorkOrderReport = z.infer<typeof WorkOrderReportSchema>;
export type WorkOrderReportRow = z.infer<typeof WorkOrderReportRowSchema>;
export type RoutingRuleView = z.infer<typeof RoutingRuleViewSchema>;
export type RoutingRuleBody = z.input<typeof RoutingRuleBodySchema>;
export type TimeLimitRuleRow = z.infer<typeof TimeLimitRuleRowSchema>;
export type TimeLimitVersion = z.infer<typeof TimeLimitVersionSchema>;
export type TimeLimitVersionCreate = z.input<typeof TimeLimitVersionCreateSchema>;
/** A row of the children list on the detail page. */
export type WorkOrderChild = WorkOrder['children'][number];
