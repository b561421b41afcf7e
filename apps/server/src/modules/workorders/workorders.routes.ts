import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParam,
  OkBody,
  QueueCounts,
  ReturnVisitCreate,
  RoutingRuleBody,
  RoutingRuleUpdate,
  RoutingRuleView,
  SlaBoard,
  TimeLimitVersion,
  TimeLimitVersionCreate,
  WorkOrder,
  WorkOrderActionBody,
  WorkOrderCreate,
  WorkOrderListQuery,
  WorkOrderNoteBody,
  WorkOrderPage,
  WorkOrderReport,
  WorkOrderReportQuery,
  type WorkOrderSummary,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { contextOf } from '../../platform/http/auth-hook';
import { allPages, sendXlsx, type ExcelColumn } from '../../platform/http/excel';
import { idempotencyOf, runIdempotent } from '../../platform/http/idempotency';
import { submitIntake } from './intake-batcher';
import {
  createRoutingRule,
  createTimeLimitVersion,
  deleteRoutingRule,
  listRoutingRules,
  listTimeLimitVersions,
  updateRoutingRule,
} from './workorders-config.service';
import { slaBoard, workOrderReport } from './workorder-reports.service';
import {
  EXPORT_TITLES,
  addNote,
  getWorkOrder,
  listWorkOrders,
  performAction,
  queueCounts,
  recordReturnVisit,
} from './workorders.service';

const tags = ['work-orders'];

const STATUS_ZH: Record<string, string> = {
  accepted: '已受理',
  dispatched: '已派发',
  taken: '已接单',
  handled: '已处理',
  replied: '已答复',
  closed: '已归档',
  merged: '已合并',
};
const time = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';

const EXPORT_COLUMNS: ExcelColumn<WorkOrderSummary>[] = [
  { header: '工单编号', width: 16, value: (r) => r.caseNo },
  { header: '类型', width: 10, value: (r) => EXPORT_TITLES.TYPE_ZH[r.type] },
  { header: '状态', width: 8, value: (r) => STATUS_ZH[r.status] + (r.paused ? '（挂起）' : '') },
  { header: '对外状态', width: 10, value: (r) => EXPORT_TITLES.EXTERNAL_ZH[r.externalStatus] },
  { header: '标题', width: 30, value: (r) => r.title },
  { header: '客户', width: 24, value: (r) => r.customerName },
  { header: '所属单位', width: 18, value: (r) => r.orgUnitName },
  { header: '承办单位', width: 18, value: (r) => r.assignedUnitName },
  { header: '处理人', width: 12, value: (r) => r.handlerName },
  { header: '受理时间', width: 20, value: (r) => time(r.acceptedAt) },
  { header: '最近期限', width: 20, value: (r) => time(r.nextDueAt) },
  { header: '已超时', width: 8, value: (r) => (r.breached ? '是' : '否') },
];

const REPORT_COLUMNS = [
  { header: '分组', width: 20, value: (r: z.infer<typeof WorkOrderReport>['total']) => r.label },
  { header: '工单数', width: 10, value: (r: z.infer<typeof WorkOrderReport>['total']) => r.orders },
  { header: '已归档', width: 10, value: (r: z.infer<typeof WorkOrderReport>['total']) => r.closed },
  {
    header: '时限达标率',
    width: 12,
    value: (r: z.infer<typeof WorkOrderReport>['total']) => r.slaCompliance,
  },
  { header: '超时次数', width: 10, value: (r: z.infer<typeof WorkOrderReport>['total']) => r.breaches },
  { header: '回访率', width: 10, value: (r: z.infer<typeof WorkOrderReport>['total']) => r.returnVisitRate },
  { header: '满意度', width: 10, value: (r: z.infer<typeof WorkOrderReport>['total']) => r.satisfaction },
  {
    header: '一次解决率',
    width: 12,
    value: (r: z.infer<typeof WorkOrderReport>['total']) => r.firstContactResolution,
  },
];

export const workOrderRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  app.post(
    '/api/workorders',
    {
      schema: {
        tags,
        summary: 'Receive a request (受理): route and dispatch it, or close it when answered on the spot',
        body: WorkOrderCreate,
        response: { 201: WorkOrder },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      // Through the intake batcher: requests arriving together are written in one transaction.
      const result = await submitIntake(db, ctx, request.body, idempotencyOf(request));
      return reply.status(201).send(result.body);
    },
  );

  app.get(
    '/api/workorders',
    {
      schema: {
        tags,
        summary: 'Work-order queues and search',
        querystring: WorkOrderListQuery,
        response: { 200: WorkOrderPage },
      },
    },
    async (request) => listWorkOrders(contextOf(request, db), request.query),
  );

  app.get(
    '/api/workorders/queue-counts',
    { schema: { tags, summary: 'How many orders each queue holds', response: { 200: QueueCounts } } },
    async (request) => queueCounts(contextOf(request, db)),
  );

  app.get(
    '/api/workorders/export.xlsx',
    { schema: { tags, summary: 'The filtered list as Excel', querystring: WorkOrderListQuery } },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      await listWorkOrders(ctx, { ...request.query, page: 1, pageSize: 1 }); // permission before streaming
      return sendXlsx(reply, {
        fileName: '工单清单.xlsx',
        sheetName: '工单',
        columns: EXPORT_COLUMNS,
        rows: allPages((page, pageSize) => listWorkOrders(ctx, { ...request.query, page, pageSize })),
      });
    },
  );

  app.get(
    '/api/workorders/board',
    { schema: { tags, summary: 'Supervisor SLA board by type and unit', response: { 200: SlaBoard } } },
    async (request) => slaBoard(contextOf(request, db)),
  );

  app.get(
    '/api/workorders/reports',
    {
      schema: {
        tags,
        summary: 'Service-centre report for a period',
        querystring: WorkOrderReportQuery,
        response: { 200: WorkOrderReport },
      },
    },
    async (request) => workOrderReport(contextOf(request, db), request.query),
  );

  app.get(
    '/api/workorders/reports/export.xlsx',
    { schema: { tags, summary: 'The report as Excel', querystring: WorkOrderReportQuery } },
    async (request, reply) => {
      const report = await workOrderReport(contextOf(request, db), request.query);
      return sendXlsx(reply, {
        fileName: `工单报表_${report.from}_${report.to}.xlsx`,
        sheetName: '工单报表',
        columns: REPORT_COLUMNS,
        rows: [...report.rows, report.total],
      });
    },
  );

  app.get(
    '/api/workorders/routing-rules',
    { schema: { tags, summary: 'Routing rules', response: { 200: z.array(RoutingRuleView) } } },
    async (request) => listRoutingRules(contextOf(request, db)),
  );
  app.post(
    '/api/workorders/routing-rules',
    {
      schema: {
        tags,
        summary: 'Add a routing rule',
        body: RoutingRuleBody,
        response: { 201: RoutingRuleView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createRoutingRule(contextOf(request, db), request.body)),
  );
  app.put(
    '/api/workorders/routing-rules/:id',
    {
      schema: {
        tags,
        summary: 'Change a routing rule',
        params: IdParam,
        body: RoutingRuleUpdate,
        response: { 200: RoutingRuleView },
      },
    },
    async (request) => updateRoutingRule(contextOf(request, db), request.params.id, request.body),
  );
  app.delete(
    '/api/workorders/routing-rules/:id',
    { schema: { tags, summary: 'Remove a routing rule', params: IdParam, response: { 200: OkBody } } },
    async (request) => deleteRoutingRule(contextOf(request, db), request.params.id),
  );

  app.get(
    '/api/workorders/time-limits',
    {
      schema: {
        tags,
        summary: 'Time-limit versions, newest first',
        response: { 200: z.array(TimeLimitVersion) },
      },
    },
    async (request) => listTimeLimitVersions(contextOf(request, db)),
  );
  app.post(
    '/api/workorders/time-limits',
    {
      schema: {
        tags,
        summary: 'A new version of the time-limit table',
        body: TimeLimitVersionCreate,
        response: { 201: TimeLimitVersion },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createTimeLimitVersion(contextOf(request, db), request.body)),
  );

  app.get(
    '/api/workorders/:id',
    {
      schema: {
        tags,
        summary: 'One order with its clocks, log, visits and possible actions',
        params: IdParam,
        response: { 200: WorkOrder },
      },
    },
    async (request) => getWorkOrder(contextOf(request, db), request.params.id),
  );

  // The three writes on one order: each retry-safe with an Idempotency-Key, each answering the order.
  const orderWrites = [
    {
      path: '/api/workorders/:id/actions',
      summary: 'Dispatch, take, send back, transfer, handle, reply, pause, resume, close, reopen, merge',
      body: WorkOrderActionBody,
      run: performAction,
    },
    {
      path: '/api/workorders/:id/notes',
      summary: 'A progress note (first contact, arrival on site, power restored)',
      body: WorkOrderNoteBody,
      run: addNote,
    },
    {
      path: '/api/workorders/:id/return-visits',
      summary: 'Record a return-visit attempt (回访)',
      body: ReturnVisitCreate,
      run: recordReturnVisit,
    },
  ] as const;
  for (const w of orderWrites) {
    app.post(
      w.path,
      { schema: { tags, summary: w.summary, params: IdParam, body: w.body, response: { 200: WorkOrder } } },
      async (request, reply) => {
        const ctx = contextOf(request, db);
        const run = w.run as (c: typeof ctx, tx: typeof db, id: number, body: unknown) => Promise<WorkOrder>;
        const result = await runIdempotent(db, request, ctx.user.id, 200, (tx) =>
          run({ ...ctx, db: tx }, tx, request.params.id, request.body),
        );
        return reply.status(200).send(result.body);
      },
    );
  }
};
