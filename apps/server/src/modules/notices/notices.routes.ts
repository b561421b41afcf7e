// Internal notices HTTP API (内部信息): agents search the current ones; publishers draft, publish, withdraw
// and export.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParam,
  Notice,
  NoticeInput,
  NoticeManageQuery,
  NoticePage,
  NoticeSearchQuery,
  NoticeUpdate,
  NoticeVersionBody,
  NoticeWithdrawBody,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { contextOf } from '../../platform/http/auth-hook';
import { allPages, sendXlsx } from '../../platform/http/excel';
import { runIdempotent } from '../../platform/http/idempotency';
import { NOTICE_EXPORT_COLUMNS } from './notices-export';
import {
  createNotice,
  getNotice,
  listManagedNotices,
  publishNotice,
  searchCurrentNotices,
  updateNoticeContent,
  withdrawNotice,
} from './notices.service';

const tags = ['notices'];

export const noticeRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  app.get(
    '/api/notices',
    {
      schema: {
        tags,
        summary: 'Notices valid now and addressed to me, by text and kind',
        querystring: NoticeSearchQuery,
        response: { 200: NoticePage },
      },
    },
    async (request) => searchCurrentNotices(contextOf(request, db), request.query),
  );

  app.get(
    '/api/notices/manage',
    {
      schema: {
        tags,
        summary: 'Every notice my units published, in any state (notice:publish)',
        querystring: NoticeManageQuery,
        response: { 200: NoticePage },
      },
    },
    async (request) => listManagedNotices(contextOf(request, db), request.query),
  );

  app.get(
    '/api/notices/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The managed notices as Excel (notice:publish)',
        querystring: NoticeManageQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      // Checks the permission before the first byte is sent.
      await listManagedNotices(ctx, { ...request.query, page: 1, pageSize: 1 });
      return sendXlsx(reply, {
        fileName: '内部信息.xlsx',
        sheetName: '内部信息',
        columns: NOTICE_EXPORT_COLUMNS,
        rows: allPages((page, pageSize) => listManagedNotices(ctx, { ...request.query, page, pageSize })),
      });
    },
  );

  app.get(
    '/api/notices/:id',
    { schema: { tags, summary: 'One notice', params: IdParam, response: { 200: Notice } } },
    async (request) => getNotice(contextOf(request, db), request.params.id),
  );

  app.post(
    '/api/notices',
    {
      schema: {
        tags,
        summary: 'Draft a notice (notice:publish; Idempotency-Key)',
        body: NoticeInput,
        response: { 201: Notice },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      const result = await runIdempotent(db, request, ctx.user.id, 201, (tx) =>
        createNotice(ctx, tx, request.body),
      );
      return reply.status(201).send(result.body);
    },
  );

  app.put(
    '/api/notices/:id',
    {
      schema: {
        tags,
        summary: 'Correct a draft or published notice (optimistic lock on version)',
        params: IdParam,
        body: NoticeUpdate,
        response: { 200: Notice },
      },
    },
    async (request) => updateNoticeContent(contextOf(request, db), request.params.id, request.body),
  );

  app.post(
    '/api/notices/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft',
        params: IdParam,
        body: NoticeVersionBody,
        response: { 200: Notice },
      },
    },
    async (request) => publishNotice(contextOf(request, db), request.params.id, request.body),
  );

  app.post(
    '/api/notices/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a published notice',
        params: IdParam,
        body: NoticeWithdrawBody,
        response: { 200: Notice },
      },
    },
    async (request) => withdrawNotice(contextOf(request, db), request.params.id, request.body),
  );
};
