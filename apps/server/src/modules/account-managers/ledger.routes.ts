import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParam,
  LedgerEntry,
  LedgerEntryInput,
  LedgerEntryUpdate,
  LedgerPage,
  LedgerQuery,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { contextOf } from '../../platform/http/auth-hook';
import { addLedgerEntry, customerLedger, editLedgerEntry } from './ledger.service';

const tags = ['account-managers'];

export const ledgerRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  app.get(
    '/api/customers/:id/ledger',
    {
      schema: {
        tags,
        summary: 'Customer ledger (客户台账), newest first',
        params: IdParam,
        querystring: LedgerQuery,
        response: { 200: LedgerPage },
      },
    },
    async (request) => customerLedger(contextOf(request, db), request.params.id, request.query),
  );

  app.post(
    '/api/customers/:id/ledger',
    {
      schema: {
        tags,
        summary: 'Add a ledger entry',
        params: IdParam,
        body: LedgerEntryInput,
        response: { 201: LedgerEntry },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addLedgerEntry(contextOf(request, db), request.params.id, request.body)),
  );

  app.patch(
    '/api/ledger/:id',
    {
      schema: {
        tags,
        summary: 'Edit a ledger entry (optimistic lock)',
        params: IdParam,
        body: LedgerEntryUpdate,
        response: { 200: LedgerEntry },
      },
    },
    async (request) => editLedgerEntry(contextOf(request, db), request.params.id, request.body),
  );
};
