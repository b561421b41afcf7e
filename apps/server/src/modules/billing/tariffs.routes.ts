// HTTP routes of the tariff catalogue and the quote calculator. Thin: read the caller, call one service.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParam,
  QuoteBody,
  QuoteResult,
  TariffVersionCreate,
  TariffVersionDetail,
  TariffVersionList,
  TariffVersionUpdate,
  VersionBody,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { contextOf } from '../../platform/http/auth-hook';
import { quote } from './quote.service';
import * as service from './tariff-versions.service';

const tags = ['billing'];

export const tariffRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  app.get(
    '/api/billing/tariffs',
    {
      schema: {
        tags,
        summary: 'Tariff catalogue: every version, newest first',
        response: { 200: TariffVersionList },
      },
    },
    async (request) => service.listTariffVersions(contextOf(request, db)),
  );

  app.get(
    '/api/billing/tariffs/:id',
    {
      schema: {
        tags,
        summary: 'One tariff version with its price components',
        params: IdParam,
        response: { 200: TariffVersionDetail },
      },
    },
    async (request) => service.getTariffVersion(contextOf(request, db), request.params.id),
  );

  app.post(
    '/api/billing/tariffs',
    {
      schema: {
        tags,
        summary: 'New draft version: a copy of a version (default: the one in force) to edit and activate',
        body: TariffVersionCreate,
        response: { 201: TariffVersionDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createDraft(contextOf(request, db), request.body)),
  );

  app.put(
    '/api/billing/tariffs/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft version (an active version is never edited in place)',
        params: IdParam,
        body: TariffVersionUpdate,
        response: { 200: TariffVersionDetail },
      },
    },
    async (request) => service.updateDraft(contextOf(request, db), request.params.id, request.body),
  );

  app.post(
    '/api/billing/tariffs/:id/activate',
    {
      schema: {
        tags,
        summary: 'Activate a draft: from its effective date it prices new bills',
        params: IdParam,
        body: VersionBody,
        response: { 200: TariffVersionDetail },
      },
    },
    async (request) => service.activate(contextOf(request, db), request.params.id, request.body.version),
  );

  app.post(
    '/api/billing/tariffs/:id/retire',
    {
      schema: {
        tags,
        summary: 'Withdraw an active version entered in error',
        params: IdParam,
        body: VersionBody,
        response: { 200: TariffVersionDetail },
      },
    },
    async (request) => service.retire(contextOf(request, db), request.params.id, request.body.version),
  );

  app.post(
    '/api/billing/quote',
    {
      schema: {
        tags,
        summary: 'What would I pay: price a hypothetical account-period (saves nothing)',
        body: QuoteBody,
        response: { 200: QuoteResult },
      },
    },
    async (request) => quote(contextOf(request, db), request.body),
  );
};
