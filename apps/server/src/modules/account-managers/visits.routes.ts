import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  GenerateVisitPlansBody,
  GenerateVisitPlansResult,
  IdParam,
  MyCustomerPage,
  MyCustomersQuery,
  MySummary,
  PageQuery,
  Visit,
  VisitInput,
  VisitPage,
  VisitPlanPage,
  VisitPlanQuery,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { contextOf } from '../../platform/http/auth-hook';
import { myCustomers, mySummary } from './my-workspace.service';
import { generateVisitPlansForCaller, listVisitPlans, overdueVisitPlans } from './visit-plans.service';
import { customerVisits, recordVisit } from './visits.service';

const tags = ['account-managers'];

export const visitRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  app.post(
    '/api/visit-plans/generate',
    {
      schema: {
        tags,
        summary: 'Generate the period’s visit plans in my scope now (idempotent)',
        body: GenerateVisitPlansBody,
        response: { 200: GenerateVisitPlansResult },
      },
    },
    async (request) => generateVisitPlansForCaller(contextOf(request, db), request.body.period),
  );

  app.get(
    '/api/visit-plans',
    {
      schema: {
        tags,
        summary: 'Visit plans: managers see their own, supervisors their scope',
        querystring: VisitPlanQuery,
        response: { 200: VisitPlanPage },
      },
    },
    async (request) => listVisitPlans(contextOf(request, db), request.query),
  );

  app.get(
    '/api/visit-plans/overdue',
    {
      schema: {
        tags,
        summary: 'Overdue visit plans',
        querystring: PageQuery,
        response: { 200: VisitPlanPage },
      },
    },
    async (request) => overdueVisitPlans(contextOf(request, db), request.query),
  );

  app.post(
    '/api/visits',
    {
      schema: {
        tags,
        summary: 'Record a visit (走访); closes the plan it fulfils',
        body: VisitInput,
        response: { 201: Visit },
      },
    },
    async (request, reply) => reply.status(201).send(await recordVisit(contextOf(request, db), request.body)),
  );

  app.get(
    '/api/customers/:id/visits',
    {
      schema: {
        tags,
        summary: 'Visits to a customer, newest first',
        params: IdParam,
        querystring: PageQuery,
        response: { 200: VisitPage },
      },
    },
    async (request) => customerVisits(contextOf(request, db), request.params.id, request.query),
  );

  app.get(
    '/api/my/customers',
    {
      schema: {
        tags,
        summary: 'Customers I manage',
        querystring: MyCustomersQuery,
        response: { 200: MyCustomerPage },
      },
    },
    async (request) => myCustomers(contextOf(request, db), request.query),
  );

  app.get(
    '/api/my/summary',
    {
      schema: { tags, summary: 'My customers and visit completion this month', response: { 200: MySummary } },
    },
    async (request) => mySummary(contextOf(request, db)),
  );
};
