// HTTP routes of metering (计量与抄表, domain.md §8). Thin: read the caller, call one service function.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AccountReadings,
  AccountReadingsParams,
  AccountReadingsQuery,
  EstimateBody,
  EstimateResult,
  MeterReplacementBody,
  MeterReplacementResult,
  ReadingBook,
  ReadingBookPage,
  ReadingBookParams,
  ReadingBookQuery,
  ReadingCorrectBody,
  ReadingException,
  ReadingExceptionPage,
  ReadingExceptionQuery,
  ReadingReviewBody,
  ReadingReviewParams,
  ReadingSheet,
  ReadingSheetQuery,
  UnreadCheckBody,
  UnreadCheckResult,
  UnreadTaskPage,
  UnreadTaskQuery,
  IdParam,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { contextOf } from '../../platform/http/auth-hook';
import * as service from './metering.service';
import * as review from './reading-exceptions.service';
import { meteringIntakeRoutes } from './metering-intake.routes';

export const meteringRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const { db } = deps;
  const tags = ['metering'];
  await app.register(meteringIntakeRoutes, deps);

  app.get(
    '/api/metering/books',
    {
      schema: {
        tags,
        summary: 'Reading books (抄表段) in my scope',
        querystring: ReadingBookQuery,
        response: { 200: ReadingBookPage },
      },
    },
    async (request) => service.listBooks(contextOf(request, db), request.query),
  );

  app.get(
    '/api/metering/books/:code',
    {
      schema: {
        tags,
        summary: 'One reading book',
        params: ReadingBookParams,
        response: { 200: ReadingBook },
      },
    },
    async (request) => service.getBook(contextOf(request, db), request.params.code),
  );

  app.get(
    '/api/metering/books/:code/sheet',
    {
      schema: {
        tags,
        summary:
          "A book's reading sheet for a period: every meter register with its previous reading and history",
        params: ReadingBookParams,
        querystring: ReadingSheetQuery,
        response: { 200: ReadingSheet },
      },
    },
    async (request) =>
      service.getSheet(
        contextOf(request, db),
        request.params.code,
        request.query.period,
        request.query.settlement,
      ),
  );

  app.get(
    '/api/metering/accounts/:accountId/readings',
    {
      schema: {
        tags,
        summary: "An account's readings and monthly consumption (customer 360)",
        params: AccountReadingsParams,
        querystring: AccountReadingsQuery,
        response: { 200: AccountReadings },
      },
    },
    async (request) =>
      service.accountReadings(contextOf(request, db), request.params.accountId, request.query.months),
  );

  app.get(
    '/api/metering/exceptions',
    {
      schema: {
        tags,
        summary: 'Exception review list (open and re-read requested unless a state is given)',
        querystring: ReadingExceptionQuery,
        response: { 200: ReadingExceptionPage },
      },
    },
    async (request) => review.listExceptions(contextOf(request, db), request.query),
  );

  app.post(
    '/api/metering/exceptions/:id/correct',
    {
      schema: {
        tags,
        summary: 'Correct the value of an exception (re-validated; the old reading is superseded)',
        params: IdParam,
        body: ReadingCorrectBody,
        response: { 200: ReadingException },
      },
    },
    async (request) => review.correctException(contextOf(request, db), request.params.id, request.body),
  );

  app.post(
    '/api/metering/exceptions/:id/:action',
    {
      schema: {
        tags,
        summary:
          'Review an exception: accept (bill as read), reject, or reread (ask the reader to read again)',
        params: ReadingReviewParams,
        body: ReadingReviewBody,
        response: { 200: ReadingException },
      },
    },
    async (request) =>
      review.reviewException(contextOf(request, db), request.params.id, request.params.action, request.body),
  );

  app.post(
    '/api/metering/replacements',
    {
      schema: {
        tags,
        summary: 'Record a meter replacement (换表): old final and new initial readings per register',
        body: MeterReplacementBody,
        response: { 201: MeterReplacementResult },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.recordReplacement(contextOf(request, db), request.body)),
  );

  app.post(
    '/api/metering/estimate',
    {
      schema: {
        tags,
        summary: 'Estimate the missing readings of a period (the bill run does this itself first)',
        body: EstimateBody,
        response: { 200: EstimateResult },
      },
    },
    async (request) => service.estimate(contextOf(request, db), request.body),
  );

  app.post(
    '/api/metering/unread-check',
    {
      schema: {
        tags,
        summary: 'Run the 6-months-unread check now (it also runs daily)',
        body: UnreadCheckBody,
        response: { 200: UnreadCheckResult },
      },
    },
    async (request) => service.runUnreadCheck(contextOf(request, db), request.body.period),
  );

  app.get(
    '/api/metering/unread-tasks',
    {
      schema: {
        tags,
        summary: 'Termination-notice tasks (6 months unread)',
        querystring: UnreadTaskQuery,
        response: { 200: UnreadTaskPage },
      },
    },
    async (request) => service.listUnreadTasks(contextOf(request, db), request.query),
  );
};
