// Staff API of payments and arrears (收费与欠费, domain.md §10) and the gateway's callback.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AccountDue,
  AccountNoQuery,
  ArrearsPage,
  ArrearsQuery,
  CollectionRateQuery,
  CollectionRateReport,
  DisconnectionActionBody,
  DisconnectionCase,
  DisconnectionCreate,
  DisconnectionListQuery,
  DisconnectionPage,
  IdParam,
  ManagerReminderList,
  PageQuery,
  Payment,
  PaymentListQuery,
  PaymentPage,
  PaymentPostBody,
  Refund,
  RefundCreate,
  RefundDecision,
  RefundListQuery,
  RefundPage,
  WithholdingBatch,
  WithholdingBatchCreate,
  WithholdingBatchPage,
  WithholdingImportResult,
  type ArrearsRow,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { contextOf } from '../../platform/http/auth-hook';
import { DomainError, notFound } from '../../platform/http/errors';
import { allPages, sendXlsx } from '../../platform/http/excel';
import { runIdempotent } from '../../platform/http/idempotency';
import { requirePermission } from '../../platform/auth/context';
import { arrearsList, collectionRateReport, managerReminders } from './arrears.service';
import {
  actOnDisconnectionCase,
  createDisconnectionCase,
  listDisconnectionCases,
} from './disconnection.service';
import { handleGatewayNotification, reconcileOrder } from './gateway/gateway.service';
import { accountDue, getPayment, listPayments, postCounterPayment } from './payments.service';
import { receiptHtml } from './receipt-html';
import { decideRefund, listRefunds, requestRefund } from './refunds.service';
import {
  createWithholdingBatch,
  importWithholdingResult,
  listWithholdingBatches,
  withholdingBatchFile,
} from './withholding.service';
import { yuan } from './posting.service';

const tags = ['payments'];
const NotifyAnswerBody = z.object({ code: z.string(), message: z.string().optional() });
const attachment = (fileName: string) =>
  `attachment; filename="${encodeURIComponent(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

const BUCKET_ZH: Record<string, string> = {
  not_due: '未到期',
  d1_30: '1–30天',
  d31_90: '31–90天',
  d91_180: '91–180天',
  d181_365: '181–365天',
  over_365: '一年以上',
};

export const paymentsRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  app.get(
    '/api/payments/accounts/due',
    {
      schema: {
        tags,
        summary: 'What an account owes today: unpaid bills with the late fee to date, prepaid balance',
        querystring: AccountNoQuery,
        response: { 200: AccountDue },
      },
    },
    async (request) => accountDue(contextOf(request, db), request.query.accountNo),
  );

  app.post(
    '/api/payments',
    {
      schema: {
        tags,
        summary:
          'Post a counter or account-manager payment: allocated oldest bill first (late fee, then principal), the rest to prepaid; the same reference posts once',
        body: PaymentPostBody,
        response: { 200: Payment, 201: Payment },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      let created = true;
      const result = await runIdempotent(db, request, ctx.user.id, 201, async (tx) => {
        const r = await postCounterPayment({ ...ctx, db: tx }, tx, request.body);
        created = r.created;
        return r.payment;
      });
      return reply.status(result.replayed || !created ? 200 : 201).send(result.body);
    },
  );

  app.get(
    '/api/payments',
    {
      schema: {
        tags,
        summary: 'Payments in my scope (by account, payment number or reference; channel; pay dates)',
        querystring: PaymentListQuery,
        response: { 200: PaymentPage },
      },
    },
    async (request) => listPayments(contextOf(request, db), request.query),
  );

  app.get(
    '/api/payments/:id',
    {
      schema: {
        tags,
        summary: 'One payment with its allocations and receipt',
        params: IdParam,
        response: { 200: Payment },
      },
    },
    async (request) => getPayment(contextOf(request, db), request.params.id),
  );

  app.get(
    '/api/payments/:id/receipt',
    { schema: { tags, summary: 'The printable receipt (HTML print view)', params: IdParam } },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      const payment = await getPayment(ctx, request.params.id);
      await db.query(`UPDATE receipts SET print_count = print_count + 1 WHERE payment_id = $1`, [payment.id]);
      return reply.type('text/html; charset=utf-8').send(receiptHtml(payment, ctx.now));
    },
  );

  // --- Refunds --------------------------------------------------------------------------------------
  app.get(
    '/api/payments/refunds',
    {
      schema: {
        tags,
        summary: 'Refund documents',
        querystring: RefundListQuery,
        response: { 200: RefundPage },
      },
    },
    async (request) => listRefunds(contextOf(request, db), request.query),
  );
  app.post(
    '/api/payments/refunds',
    {
      schema: {
        tags,
        summary: 'Request a refund of prepaid money (approved separately with billing:approve)',
        body: RefundCreate,
        response: { 201: Refund },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      const r = await runIdempotent(db, request, ctx.user.id, 201, (tx) =>
        requestRefund({ ...ctx, db: tx }, tx, request.body),
      );
      return reply.status(201).send(r.body);
    },
  );
  app.post(
    '/api/payments/refunds/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve or reject a refund',
        params: IdParam,
        body: RefundDecision,
        response: { 200: Refund },
      },
    },
    async (request) => {
      const ctx = contextOf(request, db);
      return db.transaction((tx) => decideRefund({ ...ctx, db: tx }, tx, request.params.id, request.body));
    },
  );

  // --- Arrears, collection rate, manager reminders -----------------------------------------------
  app.get(
    '/api/payments/arrears',
    {
      schema: {
        tags,
        summary: 'Accounts in arrears in my scope with ageing buckets and the late fee to date',
        querystring: ArrearsQuery,
        response: { 200: ArrearsPage },
      },
    },
    async (request) => arrearsList(contextOf(request, db), request.query),
  );
  app.get(
    '/api/payments/arrears.xlsx',
    {
      schema: {
        tags,
        summary: 'The arrears list as Excel',
        querystring: ArrearsQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      requirePermission(ctx.user, 'billing:read');
      return sendXlsx<ArrearsRow>(reply, {
        fileName: `欠费清单-${ctx.now.toISOString().slice(0, 10)}.xlsx`,
        sheetName: '欠费清单',
        columns: [
          { header: '户号', width: 16, value: (r) => r.accountNo },
          { header: '户名', width: 28, value: (r) => r.customerName },
          { header: '供电单位', width: 20, value: (r) => r.orgUnitName },
          { header: '电价类别', width: 14, value: (r) => r.tariffCategory },
          { header: '欠费笔数', width: 10, value: (r) => r.bills },
          { header: '欠费金额（元）', width: 14, value: (r) => Number(yuan(r.principalFen)) },
          { header: '违约金至今（元）', width: 14, value: (r) => Number(yuan(r.lateFeeFen)) },
          { header: '最早到期日', width: 12, value: (r) => r.oldestDueDate },
          { header: '逾期天数', width: 10, value: (r) => r.daysOverdue },
          { header: '账龄', width: 12, value: (r) => BUCKET_ZH[r.bucket] },
        ],
        rows: allPages((page, pageSize) => arrearsList(ctx, { ...request.query, page, pageSize })),
      });
    },
  );
  app.get(
    '/api/payments/collection-rate',
    {
      schema: {
        tags,
        summary: 'Collection rate (电费回收率) by org unit and period',
        querystring: CollectionRateQuery,
        response: { 200: CollectionRateReport },
      },
    },
    async (request) => collectionRateReport(contextOf(request, db), request.query),
  );
  app.get(
    '/api/payments/collection-rate.xlsx',
    { schema: { tags, summary: 'Collection rate as Excel', querystring: CollectionRateQuery } },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      const report = await collectionRateReport(ctx, request.query);
      type Row = CollectionRateReport['rows'][number];
      return sendXlsx<Row>(reply, {
        fileName: `电费回收率-${request.query.from}-${request.query.to}.xlsx`,
        sheetName: '电费回收率',
        columns: [
          { header: '供电单位', width: 22, value: (r) => r.orgUnitName },
          { header: '电费年月', width: 10, value: (r) => r.period },
          { header: '账单数', width: 10, value: (r) => r.bills },
          { header: '应收电费（元）', width: 16, value: (r) => Number(yuan(r.billedFen)) },
          { header: '实收电费（元）', width: 16, value: (r) => Number(yuan(r.collectedFen)) },
          { header: '回收率（%）', width: 12, value: (r) => (r.rate === null ? '' : Number(r.rate)) },
        ],
        rows: [...report.rows, { ...report.total, orgUnitId: 0, period: '' }],
      });
    },
  );
  app.get(
    '/api/payments/manager-reminders',
    {
      schema: {
        tags,
        summary: "Account managers' list: unpaid bills of managed customers due within `days` (or overdue)",
        querystring: z.object({ days: z.coerce.number().int().min(0).max(60).default(7) }),
        response: { 200: ManagerReminderList },
      },
    },
    async (request) => managerReminders(contextOf(request, db), request.query.days),
  );

  // --- Bank withholding ----------------------------------------------------------------------------
  app.get(
    '/api/payments/withholding/batches',
    {
      schema: {
        tags,
        summary: 'Withholding batches',
        querystring: PageQuery,
        response: { 200: WithholdingBatchPage },
      },
    },
    async (request) => listWithholdingBatches(contextOf(request, db), request.query),
  );
  app.post(
    '/api/payments/withholding/batches',
    {
      schema: {
        tags,
        summary: 'Make a withholding batch for one bank: every account with an agreement and something owed',
        body: WithholdingBatchCreate,
        response: { 201: WithholdingBatch },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      const r = await runIdempotent(db, request, ctx.user.id, 201, (tx) =>
        createWithholdingBatch({ ...ctx, db: tx }, tx, request.body),
      );
      return reply.status(201).send(r.body);
    },
  );
  app.get(
    '/api/payments/withholding/batches/:id/file',
    { schema: { tags, summary: 'The batch file for the bank (CSV)', params: IdParam } },
    async (request, reply) => {
      const { fileName, csv } = await withholdingBatchFile(contextOf(request, db), request.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', attachment(fileName))
        .send(csv);
    },
  );
  app.post(
    '/api/payments/withholding/batches/:id/result',
    {
      schema: {
        tags,
        summary:
          "Import the bank's result file (multipart field `file`, CSV): any bad row refuses the whole file with row-level errors",
        consumes: ['multipart/form-data'],
        params: IdParam,
        response: { 200: WithholdingImportResult },
      },
    },
    async (request) => {
      const ctx = contextOf(request, db);
      if (!request.isMultipart())
        throw new DomainError('validation', [{ path: 'file', message: 'msg:payment.file_required' }]);
      const part = await request.file();
      if (!part || part.fieldname !== 'file') {
        part?.file.resume();
        throw new DomainError('validation', [{ path: 'file', message: 'msg:payment.file_required' }]);
      }
      const text = (await part.toBuffer()).toString('utf8');
      return importWithholdingResult(ctx, request.params.id, text);
    },
  );

  // --- Disconnection ---------------------------------------------------------------------------------
  app.get(
    '/api/payments/disconnections',
    {
      schema: {
        tags,
        summary: 'Disconnection cases',
        querystring: DisconnectionListQuery,
        response: { 200: DisconnectionPage },
      },
    },
    async (request) => listDisconnectionCases(contextOf(request, db), request.query),
  );
  app.post(
    '/api/payments/disconnections',
    {
      schema: {
        tags,
        summary:
          'Open a disconnection case for arrears: the written notice goes out now, the plan 3–7 days later',
        body: DisconnectionCreate,
        response: { 201: DisconnectionCase },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      const r = await runIdempotent(db, request, ctx.user.id, 201, (tx) =>
        createDisconnectionCase({ ...ctx, db: tx }, tx, request.body),
      );
      return reply.status(201).send(r.body);
    },
  );
  app.post(
    '/api/payments/disconnections/:id/actions',
    {
      schema: {
        tags,
        summary: 'Record the disconnection, the reconnection, or cancel the case',
        params: IdParam,
        body: DisconnectionActionBody,
        response: { 200: DisconnectionCase },
      },
    },
    async (request) => {
      const ctx = contextOf(request, db);
      return db.transaction((tx) =>
        actOnDisconnectionCase({ ...ctx, db: tx }, tx, request.params.id, request.body),
      );
    },
  );

  // --- Online payment gateway ------------------------------------------------------------------------
  app.post(
    '/api/payments/gateway/notify',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          "The payment gateway's signed notification of a paid or closed order (HMAC-SHA256); idempotent",
        body: z.record(z.string(), z.unknown()),
        response: { 200: NotifyAnswerBody, 400: NotifyAnswerBody, 401: NotifyAnswerBody },
      },
    },
    async (request, reply) => {
      const answer = await handleGatewayNotification(db, request.body);
      return reply.status(answer.status as 200 | 400 | 401).send(answer.body);
    },
  );
  app.post(
    '/api/payments/gateway/orders/:orderNo/reconcile',
    {
      schema: {
        tags,
        summary: 'Ask the gateway about an online order still open here and post it if it was paid',
        params: z.object({ orderNo: z.string().regex(/^GO[0-9A-F]{14,30}$/) }),
        response: {
          200: z.object({ orderNo: z.string(), status: z.string(), paymentNo: z.string().nullable() }),
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request, db);
      requirePermission(ctx.user, 'payment:post');
      const own = await db.query<{ org_unit_id: number }>(
        `SELECT org_unit_id FROM gateway_orders WHERE order_no = $1`,
        [request.params.orderNo],
      );
      if (!own.rows[0] || !ctx.user.scopeOrgIds.includes(own.rows[0].org_unit_id)) throw notFound();
      const order = await reconcileOrder(db, request.params.orderNo);
      if (!order) throw notFound();
      return { orderNo: order.order_no, status: order.status, paymentNo: order.payment_no };
    },
  );
};
