import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AssignManagerBody,
  BulkAssignBody,
  BulkAssignResult,
  IdParam,
  ManagerAssignment,
  ManagerHistory,
  UnassignManagerBody,
  UnassignedPage,
  UnassignedQuery,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { contextOf } from '../../platform/http/auth-hook';
import { runIdempotent } from '../../platform/http/idempotency';
import {
  assignManager,
  bulkAssign,
  listUnassigned,
  managerHistory,
  unassignManager,
} from './assignments.service';

const tags = ['account-managers'];

export const assignmentRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  app.post(
    '/api/customers/:id/manager',
    {
      schema: {
        tags,
        summary: 'Assign (or reassign) the customer’s account manager',
        params: IdParam,
        body: AssignManagerBody,
        response: { 200: ManagerAssignment },
      },
    },
    async (request) => assignManager(contextOf(request, db), request.params.id, request.body),
  );

  app.delete(
    '/api/customers/:id/manager',
    {
      schema: {
        tags,
        summary: 'End the customer’s current manager assignment; returns the history',
        params: IdParam,
        body: UnassignManagerBody,
        response: { 200: ManagerHistory },
      },
    },
    async (request) => ({
      items: await unassignManager(contextOf(request, db), request.params.id, request.body),
    }),
  );

  app.get(
    '/api/customers/:id/manager-history',
    {
      schema: {
        tags,
        summary: 'Every manager the customer has had',
        params: IdParam,
        response: { 200: ManagerHistory },
      },
    },
    async (request) => ({ items: await managerHistory(contextOf(request, db), request.params.id) }),
  );

  app.post(
    '/api/manager-assignments/bulk',
    {
      schema: {
        tags,
        summary: 'Assign a manager to every matching customer in scope (accepts Idempotency-Key)',
        body: BulkAssignBody,
        response: { 200: BulkAssignResult },
      },
    },
    async (request) => {
      const ctx = contextOf(request, db);
      const r = await runIdempotent(db, request, ctx.user.id, 200, (tx) =>
        bulkAssign({ ...ctx, db: tx }, request.body),
      );
      return r.body;
    },
  );

  app.get(
    '/api/manager-assignments/unassigned',
    {
      schema: {
        tags,
        summary: 'Customers that require an account manager and have none',
        querystring: UnassignedQuery,
        response: { 200: UnassignedPage },
      },
    },
    async (request) => listUnassigned(contextOf(request, db), request.query),
  );
};
