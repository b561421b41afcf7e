// Parts of a customer archive: contacts, premises, accounts, meters, customer transformers.
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
import { contextOf } from '../../platform/http/auth-hook';
import * as parts from './customer-part-kinds';

const tags = ['customers'];

export const customerPartsRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  // --- contacts ---
  app.post(
    '/api/customers/:id/contacts',
    {
      schema: {
        tags,
        summary: 'Add a contact',
        params: IdParam,
        body: ContactInput,
        response: { 201: ContactView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await parts.addContact(contextOf(request, db), request.params.id, request.body)),
  );
  app.patch(
    '/api/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Update a contact',
        params: IdParam,
        body: ContactPatch,
        response: { 200: ContactView },
      },
    },
    async (request) => parts.changeContact(contextOf(request, db), request.params.id, request.body),
  );
  app.delete(
    '/api/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Remove a contact',
        params: IdParam,
        querystring: DeleteQuery,
        response: { 200: OkBody },
      },
    },
    async (request) => parts.removeContact(contextOf(request, db), request.params.id, request.query.version),
  );

  // --- premises ---
  app.post(
    '/api/customers/:id/premises',
    {
      schema: {
        tags,
        summary: 'Add a premise (service point)',
        params: IdParam,
        body: PremiseInput,
        response: { 201: Premise },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await parts.addPremise(contextOf(request, db), request.params.id, request.body)),
  );
  app.patch(
    '/api/premises/:id',
    {
      schema: {
        tags,
        summary: 'Update a premise',
        params: IdParam,
        body: PremisePatch,
        response: { 200: Premise },
      },
    },
    async (request) => parts.changePremise(contextOf(request, db), request.params.id, request.body),
  );
  app.delete(
    '/api/premises/:id',
    {
      schema: {
        tags,
        summary: 'Remove a premise no account uses',
        params: IdParam,
        querystring: DeleteQuery,
        response: { 200: OkBody },
      },
    },
    async (request) => parts.removePremise(contextOf(request, db), request.params.id, request.query.version),
  );

  // --- accounts (no delete: closing is a status) ---
  app.post(
    '/api/customers/:id/accounts',
    {
      schema: {
        tags,
        summary: 'Add an account (户号 generated unless given)',
        params: IdParam,
        body: AccountInput,
        response: { 201: Account },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await parts.addAccount(contextOf(request, db), request.params.id, request.body)),
  );
  app.patch(
    '/api/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Update an account (status changes etc.)',
        params: IdParam,
        body: AccountPatch,
        response: { 200: Account },
      },
    },
    async (request) => parts.changeAccount(contextOf(request, db), request.params.id, request.body),
  );

  // --- meters ---
  app.post(
    '/api/customers/:id/meters',
    {
      schema: {
        tags,
        summary: 'Add a meter (multiplier = CT × PT)',
        params: IdParam,
        body: MeterInput,
        response: { 201: Meter },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await parts.addMeter(contextOf(request, db), request.params.id, request.body)),
  );
  app.patch(
    '/api/meters/:id',
    {
      schema: {
        tags,
        summary: 'Update a meter (multiplier recomputed)',
        params: IdParam,
        body: MeterPatch,
        response: { 200: Meter },
      },
    },
    async (request) => parts.changeMeter(contextOf(request, db), request.params.id, request.body),
  );
  app.delete(
    '/api/meters/:id',
    {
      schema: {
        tags,
        summary: 'Remove a meter',
        params: IdParam,
        querystring: DeleteQuery,
        response: { 200: OkBody },
      },
    },
    async (request) => parts.removeMeter(contextOf(request, db), request.params.id, request.query.version),
  );

  // --- customer transformers ---
  app.post(
    '/api/customers/:id/transformers',
    {
      schema: {
        tags,
        summary: 'Add a customer transformer',
        params: IdParam,
        body: TransformerInput,
        response: { 201: Transformer },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await parts.addTransformer(contextOf(request, db), request.params.id, request.body)),
  );
  app.patch(
    '/api/transformers/:id',
    {
      schema: {
        tags,
        summary: 'Update a customer transformer',
        params: IdParam,
        body: TransformerPatch,
        response: { 200: Transformer },
      },
    },
    async (request) => parts.changeTransformer(contextOf(request, db), request.params.id, request.body),
  );
  app.delete(
    '/api/transformers/:id',
    {
      schema: {
        tags,
        summary: 'Remove a customer transformer',
        params: IdParam,
        querystring: DeleteQuery,
        response: { 200: OkBody },
      },
    },
    async (request) =>
      parts.removeTransformer(contextOf(request, db), request.params.id, request.query.version),
  );
};
