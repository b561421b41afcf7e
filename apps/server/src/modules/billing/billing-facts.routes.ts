// HTTP routes of an account's billing facts. Thin: read the caller, call the service.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AccountBillingFacts, AccountBillingFactsUpdate, AccountIdParam } from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { contextOf } from '../../platform/http/auth-hook';
import { getBillingFacts, saveBillingFacts } from './billing-facts.service';

const tags = ['billing'];

export const billingFactsRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  app.get(
    '/api/billing/accounts/:accountId/facts',
    {
      schema: {
        tags,
        summary: 'Billing facts of an account: household size, low income, tier cycle, contract demand',
        params: AccountIdParam,
        response: { 200: AccountBillingFacts },
      },
    },
    async (request) => getBillingFacts(contextOf(request, db), request.params.accountId),
  );

  app.put(
    '/api/billing/accounts/:accountId/facts',
    {
      schema: {
        tags,
        summary: 'Record the billing facts of an account (billing:run; optimistic lock on version)',
        params: AccountIdParam,
        body: AccountBillingFactsUpdate,
        response: { 200: AccountBillingFacts },
      },
    },
    async (request) => {
      const ctx = contextOf(request, db);
      return db.transaction((tx) =>
        saveBillingFacts({ ...ctx, db: tx }, tx, request.params.accountId, request.body),
      );
    },
  );
};
