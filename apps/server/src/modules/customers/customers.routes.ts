// Customer archive HTTP API: list/search, export, create, read, update, 360 overview and timeline.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Customer,
  Customer360,
  CustomerCreate,
  CustomerListQuery,
  CustomerPage,
  CustomerPatch,
  DuplicateCheckResult,
  IdParam,
  PageQuery,
  TimelinePage,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { contextOf } from '../../platform/http/auth-hook';
import { sendXlsx } from '../../platform/http/excel';
import { runIdempotent } from '../../platform/http/idempotency';
import { checkDuplicates } from './customer-duplicates.service';
import { EXPORT_COLUMNS, exportRows, listCustomers } from './customer-list.service';
import { customerOverview, customerTimeline } from './customer-overview.service';
import { createCustomer, getCustomer, updateCustomer } from './customers.service';

const tags = ['customers'];

export const customersRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  app.get(
    '/api/customers',
    {
      schema: {
        tags,
        summary:
          'List customers, or search by account/customer number, name, phone (or last 4), certificate, address',
        querystring: CustomerListQuery,
        response: { 200: CustomerPage },
      },
    },
    async (request) => listCustomers(contextOf(request, db), request.query),
  );

  app.get(
    '/api/customers/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Export the list or search result to Excel (max 100,000 rows, PII masked per permission)',
        querystring: CustomerListQuery,
      },
    },
    async (request, reply) => {
      const rows = await exportRows(contextOf(request, db), request.query);
      return sendXlsx(reply, {
        fileName: '客户档案.xlsx',
        sheetName: '客户档案',
        columns: EXPORT_COLUMNS,
        rows,
      });
    },
  );

  app.post(
    '/api/customers',
    {
      schema: {
        tags,
        summary:
          'Create a customer with contacts, premises, accounts, meters and transformers (Idempotency-Key)',
        body: CustomerCreate,
        response: { 201: Customer },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      const result = await runIdempotent(db, request, ctx.user.id, 201, (tx) =>
        createCustomer(ctx, tx, request.body),
      );
      // A replay answers with the stored status and body (always 201 here).
      return reply.status(201).send(result.body);
    },
  );

  app.post(
    '/api/customers/duplicates/check',
    {
      schema: {
        tags,
        summary: 'Likely duplicates of a customer about to be created',
        body: CustomerCreate,
        response: { 200: DuplicateCheckResult },
      },
    },
    async (request) => checkDuplicates(contextOf(request, db), request.body),
  );

  app.get(
    '/api/customers/:id',
    { schema: { tags, summary: 'One customer', params: IdParam, response: { 200: Customer } } },
    async (request) => getCustomer(contextOf(request, db), request.params.id),
  );

  app.patch(
    '/api/customers/:id',
    {
      schema: {
        tags,
        summary: 'Update a customer (optimistic lock on version)',
        params: IdParam,
        body: CustomerPatch,
        response: { 200: Customer },
      },
    },
    async (request) => updateCustomer(contextOf(request, db), request.params.id, request.body),
  );

  app.get(
    '/api/customers/:id/overview',
    {
      schema: {
        tags,
        summary: 'Customer 360: archive, topology, manager card, counts, latest timeline',
        params: IdParam,
        response: { 200: Customer360 },
      },
    },
    async (request) => customerOverview(contextOf(request, db), request.params.id),
  );

  app.get(
    '/api/customers/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Customer timeline, newest first',
        params: IdParam,
        querystring: PageQuery,
        response: { 200: TimelinePage },
      },
    },
    async (request) =>
      customerTimeline(contextOf(request, db), request.params.id, request.query.page, request.query.pageSize),
  );
};
