// Builds the Fastify application: platform plugins, then every feature module's routes.
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Db } from './platform/db/db';
import type { Jobs } from './platform/jobs/jobs';
import { registerErrorHandler, sendError } from './platform/http/error-handler';
import { registerAuthHook } from './platform/http/auth-hook';
import { registerMetrics } from './platform/http/metrics';
import { authRoutes } from './modules/auth/auth.routes';
import { healthRoutes } from './modules/health/health.routes';
import { registerModules } from './modules';

export interface AppDeps {
  db: Db;
  jobs?: Jobs | null;
  webDist?: string;
  logLevel?: string;
  secureCookies?: boolean;
  dataDir?: string;
}

export type App = FastifyInstance;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: deps.logLevel ?? 'silent' },
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 10 * 1024 * 1024,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // First, so every plugin registered below (swagger UI, static files, modules) inherits it and no error
  // anywhere falls through to Fastify's default 500.
  registerErrorHandler(app);

  await app.register(swagger, {
    openapi: {
      info: { title: 'GridCare API', description: '供电客户服务与客户关系平台 API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gc_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 512 * 1024 * 1024, files: 1 } });
  registerAuthHook(app, deps.db);
  registerMetrics(app);

  const moduleDeps = {
    db: deps.db,
    jobs: deps.jobs ?? null,
    secureCookies: deps.secureCookies ?? false,
    dataDir: deps.dataDir,
  };
  await app.register(healthRoutes, moduleDeps);
  await app.register(authRoutes, moduleDeps);
  await registerModules(app, moduleDeps);

  // The web app is served from the same origin; any unknown GET that is not an API call or a file gets
  // index.html so client-side routes survive a reload.
  const serveWeb = Boolean(deps.webDist && existsSync(path.join(deps.webDist, 'index.html')));
  if (serveWeb) await app.register(fastifyStatic, { root: deps.webDist!, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !path.extname(request.url.split('?')[0]);
    if (serveWeb && isPage) return reply.sendFile('index.html');
    return sendError(reply, request, 'not_found');
  });
  return app;
}

export interface ModuleDeps {
  db: Db;
  jobs: Jobs | null;
  secureCookies: boolean;
  dataDir?: string;
}
