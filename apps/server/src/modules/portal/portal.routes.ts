// The customer portal's API (网上营业厅, domain.md §18) under /api/portal. Every route is marked
// `config: { portal: true }`, so the staff auth hook leaves it alone; the hook below accepts only the
// portal's own cookie (gc_portal), never a staff session, and staff routes never read gc_portal.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseNoParam,
  OkBody,
  PortalCodeRequest,
  PortalCodeSent,
  PortalDemoHint,
  PortalLoginBody,
  PortalMe,
  PortalMessagePage,
  PortalMessageQuery,
  PortalRatingBody,
  PortalRequest,
  PortalRequestCreate,
  PortalRequestListQuery,
  PortalRequestPage,
  pickLocale,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import type { Db } from '../../platform/db/db';
import { DomainError } from '../../platform/http/errors';
import { runIdempotent } from '../../platform/http/idempotency';
import {
  PORTAL_COOKIE,
  authenticatePortal,
  loginWithCode,
  logoutPortal,
  requestLoginCode,
  type PortalCustomer,
} from './portal-login.service';
import { demoHint, portalMe, portalMessages } from './portal-me.service';
import {
  getRequest,
  listRequests,
  rateRequest,
  submitRequest,
  type PortalContext,
} from './portal-requests.service';

declare module 'fastify' {
  interface FastifyRequest {
    portalCustomer: PortalCustomer | null;
  }
}

const tags = ['portal'];
const PORTAL = { portal: true };
const OPEN = { portal: true, public: true };

function portalContext(request: FastifyRequest, db: Db): PortalContext {
  if (!request.portalCustomer) throw new DomainError('unauthenticated');
  return {
    db,
    customer: request.portalCustomer,
    requestId: String(request.id),
    now: new Date(),
    locale: pickLocale(request.headers['accept-language']),
  };
}

/** Idempotency keys of portal callers live apart from staff users' (negative customer ids). */
const idempotencyOwner = (c: PortalContext) => -c.customer.customerId;

export const portalRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db, secureCookies }) => {
  app.decorateRequest('portalCustomer', null);
  app.addHook('onRequest', async (request) => {
    if (!request.routeOptions.config?.portal) throw new DomainError('unauthenticated');
    const token = request.cookies?.[PORTAL_COOKIE];
    if (token) request.portalCustomer = await authenticatePortal(db, token);
    if (!request.portalCustomer && !request.routeOptions.config.public)
      throw new DomainError('unauthenticated');
  });

  app.post(
    '/api/portal/login/code',
    {
      config: OPEN,
      schema: {
        tags,
        summary:
          'Send a login code by SMS to the phone registered for an account (same answer for any account)',
        body: PortalCodeRequest,
        response: { 200: PortalCodeSent },
      },
    },
    async (request) =>
      requestLoginCode(db, {
        accountNo: request.body.accountNo,
        ip: request.ip,
        requestId: String(request.id),
      }),
  );

  app.post(
    '/api/portal/login',
    {
      config: OPEN,
      schema: {
        tags,
        summary: 'Log in to the portal with the code; sets the gc_portal cookie (2 h sliding)',
        body: PortalLoginBody,
        response: { 200: OkBody },
      },
    },
    async (request, reply) => {
      const { token } = await loginWithCode(db, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        requestId: String(request.id),
      });
      // A browser-session cookie: the server ends the session after 2 idle hours.
      reply.setCookie(PORTAL_COOKIE, token, {
        path: '/api/portal',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/portal/logout',
    { config: OPEN, schema: { tags, summary: 'Log out of the portal', response: { 200: OkBody } } },
    async (request, reply) => {
      const token = request.cookies[PORTAL_COOKIE];
      if (token) await logoutPortal(db, token, String(request.id));
      reply.clearCookie(PORTAL_COOKIE, { path: '/api/portal' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/portal/demo-hint',
    {
      config: OPEN,
      schema: {
        tags,
        summary: 'Demo only: where the local SMS simulator lists the messages it received',
        response: { 200: PortalDemoHint },
      },
    },
    async () => demoHint(db),
  );

  app.get(
    '/api/portal/me',
    {
      config: PORTAL,
      schema: {
        tags,
        summary: 'The logged-in customer, accounts and account manager',
        response: { 200: PortalMe },
      },
    },
    async (request) => portalMe(portalContext(request, db)),
  );

  app.get(
    '/api/portal/messages',
    {
      config: PORTAL,
      schema: {
        tags,
        summary: 'In-app messages to the customer’s accounts',
        querystring: PortalMessageQuery,
        response: { 200: PortalMessagePage },
      },
    },
    async (request) => portalMessages(portalContext(request, db), request.query),
  );

  app.post(
    '/api/portal/requests',
    {
      config: PORTAL,
      schema: {
        tags,
        summary: 'Submit a service request (a work order, channel portal); accepts Idempotency-Key',
        body: PortalRequestCreate,
        response: { 201: PortalRequest },
      },
    },
    async (request, reply) => {
      const c = portalContext(request, db);
      const result = await runIdempotent(db, request, idempotencyOwner(c), 201, (tx) =>
        submitRequest({ ...c, db: tx }, request.body),
      );
      return reply.status(201).send(result.body);
    },
  );

  app.get(
    '/api/portal/requests',
    {
      config: PORTAL,
      schema: {
        tags,
        summary: 'The customer’s own requests, newest first (external status only)',
        querystring: PortalRequestListQuery,
        response: { 200: PortalRequestPage },
      },
    },
    async (request) => listRequests(portalContext(request, db), request.query),
  );

  app.get(
    '/api/portal/requests/:caseNo',
    {
      config: PORTAL,
      schema: {
        tags,
        summary: 'One of the customer’s requests in the external view',
        params: CaseNoParam,
        response: { 200: PortalRequest },
      },
    },
    async (request) => getRequest(portalContext(request, db), request.params.caseNo),
  );

  app.post(
    '/api/portal/requests/:caseNo/rating',
    {
      config: PORTAL,
      schema: {
        tags,
        summary: 'Rate a replied request (its return visit); unsatisfied reopens it; accepts Idempotency-Key',
        params: CaseNoParam,
        body: PortalRatingBody,
        response: { 200: PortalRequest },
      },
    },
    async (request) => {
      const c = portalContext(request, db);
      const result = await runIdempotent(db, request, idempotencyOwner(c), 200, (tx) =>
        rateRequest({ ...c, db: tx }, request.params.caseNo, request.body),
      );
      return result.body;
    },
  );
};
