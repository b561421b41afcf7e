// Every feature module's routes, registered in one place.
import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../app';

export async function registerModules(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  void app;
  void deps;
}
