// Parts of a customer archive: contacts, premises, accounts, meters, customer transformers. Each part
// has the same three routes (add under the customer, change by id with its version, remove by id), so
// they are declared once per part from a table.
import type { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Account,
  AccountInput,
  AccountPatch,
  ContactInput,
  ContactPatch,
  ContactView,
  DeleteQuery,
  IdParam,
  Meter,
  MeterInput,
  MeterPatch,
  OkBody,
  Premise,
  PremiseInput,
  PremisePatch,
  Transformer,
  TransformerInput,
  TransformerPatch,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import type { RequestContext } from '../../platform/auth/context';
import type { Db } from '../../platform/db/db';
import { contextOf } from '../../platform/http/auth-hook';
import * as parts from './customer-part-kinds';

type App = Parameters<FastifyPluginAsyncZod<ModuleDeps>>[0];
type Body = Record<string, unknown>;

interface PartRoutes {
  /** Path segment: /api/customers/:id/<collection> and /api/<collection>/:id. */
  collection: string;
  input: z.ZodType;
  patch: z.ZodType;
  view: z.ZodType;
  summary: { add: string; change: string; remove?: string };
  add: (ctx: RequestContext, customerId: number, body: Body) => Promise<unknown>;
  change: (ctx: RequestContext, id: number, body: { version: number } & Body) => Promise<unknown>;
  /** Absent for parts that are never deleted (accounts close by status). */
  remove?: (ctx: RequestContext, id: number, version?: number) => Promise<{ ok: true }>;
}

const PARTS: PartRoutes[] = [
  {
    collection: 'contacts',
    input: ContactInput,
    patch: ContactPatch,
    view: ContactView,
    summary: { add: 'Add a contact', change: 'Update a contact', remove: 'Remove a contact' },
    add: parts.addContact,
    change: parts.changeContact,
    remove: parts.removeContact,
  },
  {
    collection: 'premises',
    input: PremiseInput,
    patch: PremisePatch,
    view: Premise,
    summary: {
      add: 'Add a premise (service point)',
      change: 'Update a premise',
      remove: 'Remove a premise no account uses',
    },
    add: parts.addPremise,
    change: parts.changePremise,
    remove: parts.removePremise,
  },
  {
    collection: 'accounts',
    input: AccountInput,
    patch: AccountPatch,
    view: Account,
    summary: {
      add: 'Add an account (户号 generated unless given)',
      change: 'Update an account (status changes etc.)',
    },
    add: parts.addAccount,
    change: parts.changeAccount,
  },
  {
    collection: 'meters',
    input: MeterInput,
    patch: MeterPatch,
    view: Meter,
    summary: {
      add: 'Add a meter (multiplier = CT × PT)',
      change: 'Update a meter (multiplier recomputed)',
      remove: 'Remove a meter',
    },
    add: parts.addMeter,
    change: parts.changeMeter,
    remove: parts.removeMeter,
  },
  {
    collection: 'transformers',
    input: TransformerInput,
    patch: TransformerPatch,
    view: Transformer,
    summary: {
      add: 'Add a customer transformer',
      change: 'Update a customer transformer',
      remove: 'Remove a customer transformer',
    },
    add: parts.addTransformer,
    change: parts.changeTransformer,
    remove: parts.removeTransformer,
  },
];

const tags = ['customers'];

function registerPart(app: App, db: Db, p: PartRoutes) {
  app.post(
    `/api/customers/:id/${p.collection}`,
    { schema: { tags, summary: p.summary.add, params: IdParam, body: p.input, response: { 201: p.view } } },
    async (request, reply) =>
      reply.status(201).send(await p.add(contextOf(request, db), request.params.id, request.body as Body)),
  );
  app.patch(
    `/api/${p.collection}/:id`,
    {
      schema: { tags, summary: p.summary.change, params: IdParam, body: p.patch, response: { 200: p.view } },
    },
    async (request) =>
      p.change(contextOf(request, db), request.params.id, request.body as { version: number } & Body),
  );
  const remove = p.remove;
  if (!remove) return;
  app.delete(
    `/api/${p.collection}/:id`,
    {
      schema: {
        tags,
        summary: p.summary.remove,
        params: IdParam,
        querystring: DeleteQuery,
        response: { 200: OkBody },
      },
    },
    async (request) => remove(contextOf(request, db), request.params.id, request.query.version),
  );
}

export const customerPartsRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  for (const part of PARTS) registerPart(app, db, part);
};
