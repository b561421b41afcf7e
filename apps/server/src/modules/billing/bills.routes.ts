// HTTP routes of bill runs, bills (list, detail with explanation, Excel export, a customer's history) and
// re-bill/adjustment documents. Thin: read the caller, call one service, map the result.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Adjustment,
  AdjustmentCreate,
  AdjustmentDecision,
  AdjustmentListQuery,
  AdjustmentPage,
  BillDetail,
  BillListQuery,
  BillPage,
  BillRun,
  BillRunCreate,
  BillRunListQuery,
  BillRunPage,
  CustomerBillingHistory,
  IdParam,
  type BillSummary,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { contextOf } from '../../platform/http/auth-hook';
import { allPages, sendXlsx, type ExcelColumn } from '../../platform/http/excel';
import { runIdempotent } from '../../platform/http/idempotency';
import { decideAdjustment, draftAdjustment, getAdjustment, listAdjustments } from './adjustments.service';
import { dispatchBillRun } from './bill-run.job';
import { cancelRun, createRun, getRun, listRuns, resumeRun } from './bill-runs.service';
import { customerHistory, getBill, listBills } from './bills.service';

const tags = ['billing'];

const STATUS_ZH: Record<BillSummary['status'], string> = {
  issued: '未缴',
  partially_paid: '部分缴费',
  paid: '已结清',
  superseded: '已被替代',
  cancelled: '已作废',
};
const CATEGORY_ZH: Record<string, string> = {
  residential: '居民生活',
  commercial: '商业',
  large_industry: '大工业',
  general_industry: '普通工业',
  agriculture: '农业生产',
};
const yuan = (fen: number) => Number((fen / 100).toFixed(2));

const EXPORT_COLUMNS: ExcelColumn<BillSummary>[] = [
  { header: '账单编号', width: 24, value: (r) => r.billNo },
  { header: '期间', width: 10, value: (r) => r.period + (r.settlement === 2 ? '（中间结算）' : '') },
  { header: '户号', width: 14, value: (r) => r.accountNo },
  { header: '客户', width: 28, value: (r) => r.customerName },
  { header: '供电单位', width: 18, value: (r) => r.orgUnitName },
  { header: '电价类别', width: 10, value: (r) => CATEGORY_ZH[r.tariffCategory] ?? r.tariffCategory },
  { header: '电量(kWh)', width: 12, value: (r) => Number(r.energyKwh) },
  { header: '应收(元)', width: 12, value: (r) => yuan(r.totalFen) },
  { header: '已收(元)', width: 12, value: (r) => yuan(r.paidFen) },
  { header: '状态', width: 10, value: (r) => STATUS_ZH[r.status] },
  { header: '估抄', width: 6, value: (r) => (r.estimated ? '是' : '') },
  { header: '退补', width: 6, value: (r) => (r.kind === 'rebill' ? '是' : '') },
  { header: '缴费截止日', width: 12, value: (r) => r.dueDate },
];

export const billsRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const { db } = deps;

  app.post(
    '/api/billing/runs',
    {
      schema: {
        tags,
        summary: 'Start a bill run for an org unit or a reading book (Idempotency-Key supported)',
        body: BillRunCreate,
        response: { 202: BillRun },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      const result = await runIdempotent(db, request, ctx.user.id, 202, (tx) =>
        createRun({ ...ctx, db: tx }, tx, request.body),
      );
      if (!result.replayed) await dispatchBillRun(deps, result.body.id);
      return reply.status(202).send(result.body);
    },
  );

  app.get(
    '/api/billing/runs',
    {
      schema: {
        tags,
        summary: 'Bill run history',
        querystring: BillRunListQuery,
        response: { 200: BillRunPage },
      },
    },
    async (request) => listRuns(contextOf(request, db), request.query),
  );

  app.get(
    '/api/billing/runs/:id',
    {
      schema: {
        tags,
        summary: 'One bill run: status and progress',
        params: IdParam,
        response: { 200: BillRun },
      },
    },
    async (request) => getRun(contextOf(request, db), request.params.id),
  );

  app.post(
    '/api/billing/runs/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Stop a bill run after its current batch',
        params: IdParam,
        response: { 200: BillRun },
      },
    },
    async (request) => cancelRun(contextOf(request, db), request.params.id),
  );

  app.post(
    '/api/billing/runs/:id/resume',
    {
      schema: {
        tags,
        summary: 'Start a failed run again: it continues where it stopped',
        params: IdParam,
        response: { 202: BillRun },
      },
    },
    async (request, reply) => {
      const run = await resumeRun(contextOf(request, db), request.params.id);
      await dispatchBillRun(deps, run.id);
      return reply.status(202).send(run);
    },
  );

  app.get(
    '/api/billing/bills',
    {
      schema: { tags, summary: 'Bills in my scope', querystring: BillListQuery, response: { 200: BillPage } },
    },
    async (request) => listBills(contextOf(request, db), request.query),
  );

  app.get(
    '/api/billing/bills.xlsx',
    { schema: { tags, summary: 'Excel export of a bill list (same filters)', querystring: BillListQuery } },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      const q = request.query;
      await listBills(ctx, { ...q, page: 1, pageSize: 1 });
      return sendXlsx(reply, {
        fileName: `电费账单${q.period ? '-' + q.period : ''}.xlsx`,
        sheetName: '电费账单',
        columns: EXPORT_COLUMNS,
        rows: allPages((page, pageSize) => listBills(ctx, { ...q, page, pageSize })),
      });
    },
  );

  app.get(
    '/api/billing/bills/:id',
    {
      schema: {
        tags,
        summary: 'One bill explained: lines (quantity × price = amount, rule), readings used, tariff version',
        params: IdParam,
        response: { 200: BillDetail },
      },
    },
    async (request) => getBill(contextOf(request, db), request.params.id),
  );

  app.get(
    '/api/billing/customers/:id/history',
    {
      schema: {
        tags,
        summary: "A customer's consumption and bills per period (customer 360 billing card)",
        params: IdParam,
        response: { 200: CustomerBillingHistory },
      },
    },
    async (request) => customerHistory(contextOf(request, db), request.params.id),
  );

  app.post(
    '/api/billing/adjustments',
    {
      schema: {
        tags,
        summary:
          'Draft a re-bill/adjustment (退补) of a bill: recompute with corrected inputs or a manual amount',
        body: AdjustmentCreate,
        response: { 201: Adjustment },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      const result = await runIdempotent(db, request, ctx.user.id, 201, (tx) =>
        draftAdjustment({ ...ctx, db: tx }, request.body),
      );
      return reply.status(201).send(result.body);
    },
  );

  app.get(
    '/api/billing/adjustments',
    {
      schema: {
        tags,
        summary: 'Adjustment documents',
        querystring: AdjustmentListQuery,
        response: { 200: AdjustmentPage },
      },
    },
    async (request) => listAdjustments(contextOf(request, db), request.query),
  );

  app.get(
    '/api/billing/adjustments/:id',
    { schema: { tags, summary: 'One adjustment document', params: IdParam, response: { 200: Adjustment } } },
    async (request) => getAdjustment(contextOf(request, db), request.params.id),
  );

  app.post(
    '/api/billing/adjustments/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve or reject a draft (billing:approve; never the drafter)',
        params: IdParam,
        body: AdjustmentDecision,
        response: { 200: Adjustment },
      },
    },
    async (request) => decideAdjustment(contextOf(request, db), request.params.id, request.body),
  );
};
