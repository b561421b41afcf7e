// The payments module's routes: the staff API and the portal's billing pages (each with its own auth).
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleDeps } from '../../app';
import { paymentsRoutes } from './payments.routes';
import { portalBillingRoutes } from './portal-billing.routes';

export const paymentsModule: FastifyPluginAsync<ModuleDeps> = async (app, deps) => {
  await app.register(paymentsRoutes, deps);
  await app.register(portalBillingRoutes, deps);
};
