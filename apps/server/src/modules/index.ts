// Every feature module's routes, registered in one place.
import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../app';
import { orgRoutes } from './org/org.routes';

export async function registerModules(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  await app.register(orgRoutes, deps);
}
