// The portal's billing API under /api/portal/billing (网上营业厅 电费, domain.md §18). Like the portal's
// own routes, it accepts only the portal session cookie (gc_portal), never a staff session.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParam,
  PortalBillQuery,
  PortalBilling,
  PortalOrderStatus,
  PortalPayBody,
  PortalPayOrder,
  PortalPaymentList,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { DomainError } from '../../platform/http/errors';
import { runIdempotent } from '../../platform/http/idempotency';
import { PORTAL_COOKIE, authenticatePortal, type PortalCustomer } from '../portal/portal-login.service';
import {
  portalBilling,
  portalOrderStatus,
  portalPay,
  portalPayments,
  portalReceiptPaymentId,
} from './portal-billing.service';
import { paymentView } from './payments.service';
import { receiptHtml } from './receipt-html';

const tags = ['portal'];
const PORTAL = { portal: true };

export const portalBillingRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  const customers = new WeakMap<FastifyRequest, PortalCustomer>();
  app.addHook('onRequest', async (request) => {
    if (!request.routeOptions.config?.portal) throw new DomainError('unauthenticated');
    const token = request.cookies?.[PORTAL_COOKIE];
    const customer = token ? await authenticatePortal(db, token) : null;
    if (!customer) throw new DomainError('unauthenticated');
    customers.set(request, customer);
  });
  const customerOf = (request: FastifyRequest) => customers.get(request)!;

  app.get(
    '/api/portal/billing/bills',
    {
      config: PORTAL,
      schema: {
        tags,
        summary: "The customer's bills of one account with lines, amount due and late fee to date",
        querystring: PortalBillQuery,
        response: { 200: PortalBilling },
      },
    },
    async (request) => portalBilling(db, customerOf(request), request.query.accountNo, new Date()),
  );

  app.post(
    '/api/portal/billing/pay',
    {
      config: PORTAL,
      schema: {
        tags,
        summary: 'Pay bills online: creates a gateway order and answers the URL of the pay page',
        body: PortalPayBody,
        response: { 201: PortalPayOrder },
      },
    },
    async (request, reply) => {
      const customer = customerOf(request);
      const r = await runIdempotent(db, request, -customer.customerId, 201, (tx) =>
        portalPay(tx, customer, request.body, new Date()),
      );
      return reply.status(201).send(r.body);
    },
  );

  app.get(
    '/api/portal/billing/orders/:orderNo',
    {
      config: PORTAL,
      schema: {
        tags,
        summary: 'How an online order stands (asks the gateway while it is still open here)',
        params: z.object({ orderNo: z.string().regex(/^GO[0-9A-F]{14,30}$/) }),
        response: { 200: PortalOrderStatus },
      },
    },
    async (request) => portalOrderStatus(db, customerOf(request), request.params.orderNo),
  );

  app.get(
    '/api/portal/billing/payments',
    {
      config: PORTAL,
      schema: {
        tags,
        summary: "The account's payments and receipts",
        querystring: PortalBillQuery,
        response: { 200: PortalPaymentList },
      },
    },
    async (request) => portalPayments(db, customerOf(request), request.query.accountNo),
  );

  app.get(
    '/api/portal/billing/receipts/:id',
    {
      config: PORTAL,
      schema: { tags, summary: 'A receipt of the customer (HTML print view)', params: IdParam },
    },
    async (request, reply) => {
      const paymentId = await portalReceiptPaymentId(db, customerOf(request), request.params.id);
      return reply
        .type('text/html; charset=utf-8')
        .send(receiptHtml(await paymentView(db, paymentId), new Date()));
    },
  );
};
