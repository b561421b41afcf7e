// The account-manager system (客户经理制, domain.md §3): cards, assignments, ledger, visit plans, visits.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';
import { assignmentRoutes } from './assignments.routes';
import { ledgerRoutes } from './ledger.routes';
import { managerRoutes } from './managers.routes';
import { visitRoutes } from './visits.routes';

export const accountManagerRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  await app.register(managerRoutes, deps);
  await app.register(assignmentRoutes, deps);
  await app.register(ledgerRoutes, deps);
  await app.register(visitRoutes, deps);
};
