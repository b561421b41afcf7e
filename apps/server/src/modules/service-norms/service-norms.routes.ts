// Service norms catalogue HTTP API (服务规范): read by everyone at work, kept by config:admin.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParam,
  ServiceNorm,
  ServiceNormDeleteQuery,
  ServiceNormInput,
  ServiceNormListQuery,
  ServiceNormPage,
  ServiceNormUpdate,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { contextOf } from '../../platform/http/auth-hook';
import { runIdempotent } from '../../platform/http/idempotency';
import {
  createServiceNorm,
  getServiceNorm,
  listServiceNorms,
  retireServiceNorm,
  updateServiceNorm,
} from './service-norms.service';

const tags = ['service-norms'];

export const serviceNormRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  app.get(
    '/api/service-norms',
    {
      schema: {
        tags,
        summary: 'Service norms by category, work-order type (and sub-category) or text',
        querystring: ServiceNormListQuery,
        response: { 200: ServiceNormPage },
      },
    },
    async (request) => listServiceNorms(contextOf(request, db), request.query),
  );

  app.get(
    '/api/service-norms/:id',
    { schema: { tags, summary: 'One service norm', params: IdParam, response: { 200: ServiceNorm } } },
    async (request) => getServiceNorm(contextOf(request, db), request.params.id),
  );

  app.post(
    '/api/service-norms',
    {
      schema: {
        tags,
        summary: 'Add a norm to the catalogue (config:admin; Idempotency-Key)',
        body: ServiceNormInput,
        response: { 201: ServiceNorm },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      const result = await runIdempotent(db, request, ctx.user.id, 201, (tx) =>
        createServiceNorm(ctx, tx, request.body),
      );
      return reply.status(201).send(result.body);
    },
  );

  app.put(
    '/api/service-norms/:id',
    {
      schema: {
        tags,
        summary: 'Replace a norm (config:admin; optimistic lock on version)',
        params: IdParam,
        body: ServiceNormUpdate,
        response: { 200: ServiceNorm },
      },
    },
    async (request) => updateServiceNorm(contextOf(request, db), request.params.id, request.body),
  );

  app.delete(
    '/api/service-norms/:id',
    {
      schema: {
        tags,
        summary: 'Retire a norm (config:admin; ?version=)',
        params: IdParam,
        querystring: ServiceNormDeleteQuery,
        response: { 200: ServiceNorm },
      },
    },
    async (request) => retireServiceNorm(contextOf(request, db), request.params.id, request.query.version),
  );
};
