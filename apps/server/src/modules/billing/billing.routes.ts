// Every route of the billing module (电价与电费): the tariff catalogue and quote, bill runs, bills and
// adjustments. Registered with one line in modules/index.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';
import { billingFactsRoutes } from './billing-facts.routes';
import { billsRoutes } from './bills.routes';
import { tariffRoutes } from './tariffs.routes';

export const billingRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  await app.register(tariffRoutes, deps);
  await app.register(billsRoutes, deps);
  await app.register(billingFactsRoutes, deps);
};
