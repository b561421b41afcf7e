// Intake routes: manual sheet (JSON), CSV upload (multipart, for the web page) and the streamed API
// (text/csv or application/x-ndjson body, for AMI and handheld systems). Bodies are streamed into the
// staging table, never buffered whole. A rejected file answers 400 with the row-level errors (the full
// report stays downloadable by batch id); an accepted one answers with the batch counts.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParam,
  ManualReadingsBody,
  PageQuery,
  ReadingBatch,
  ReadingBatchErrorPage,
  ReadingIntakeQuery,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { contextOf } from '../../platform/http/auth-hook';
import { DomainError } from '../../platform/http/errors';
import { runIdempotent } from '../../platform/http/idempotency';
import type { RequestContext } from '../../platform/auth/context';
import { requirePermission } from '../../platform/auth/context';
import { runIntake, stageCsv, stageManual, stageNdjson } from './reading-intake.service';
import { findBatch, listBatchErrors } from './reading-batches.repository';
import { intakeErrorText } from './metering-messages';
import type { Db } from '../../platform/db/db';

const MAX_DETAILS = 100;

async function rejection(
  db: Db,
  batch: ReadingBatch,
  locale: string,
  path: (line: number, field: string) => string,
) {
  const { rows } = await listBatchErrors(db, batch.id, { limit: MAX_DETAILS, offset: 0 });
  return new DomainError(
    'validation',
    rows.map((e) => ({ path: path(e.line_no, e.field), message: intakeErrorText(e.code, locale) })),
    { batchId: batch.id, errorRows: batch.errorRows },
  );
}

const localeOf = (req: FastifyRequest, ctx: RequestContext) =>
  (req.headers['accept-language'] as string | undefined) ?? ctx.user.locale ?? 'zh-CN';

/** Hashes a body while it streams, for the idempotency check of a retried upload. */
function hashing(input: AsyncIterable<Buffer | string>, hash: ReturnType<typeof createHash>) {
  return (async function* () {
    for await (const chunk of input) {
      hash.update(chunk);
      yield chunk;
    }
  })();
}

function idempotentCommit(db: Db, request: FastifyRequest, ctx: RequestContext, hash: () => string) {
  return async (fn: (tx: Db) => Promise<ReadingBatch>) => {
    (request as { body: unknown }).body = { sha256: hash() };
    return (await runIdempotent(db, request, ctx.user.id, 200, fn)).body;
  };
}

export const meteringIntakeRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  const tags = ['metering'];
  // Streamed bodies: the route reads the raw request stream itself.
  app.addContentTypeParser(
    ['text/csv', 'application/x-ndjson', 'application/ndjson'],
    (_req, payload, done) => done(null, payload),
  );

  app.post(
    '/api/metering/readings',
    {
      schema: {
        tags,
        summary: 'Enter readings by hand (one reading or a book sheet); validated like any intake',
        body: ManualReadingsBody,
        response: { 200: ReadingBatch },
      },
    },
    async (request) => {
      const ctx = contextOf(request, db);
      const batch = await runIntake(
        ctx,
        (d) => stageManual(d, request.body),
        {
          source: request.body.source,
          fileName: null,
        },
        async (fn) => (await runIdempotent(db, request, ctx.user.id, 200, fn)).body,
      );
      if (batch.status === 'rejected')
        throw await rejection(
          db,
          batch,
          localeOf(request, ctx),
          (line, field) => `readings.${line - 1}.${field}`,
        );
      return batch;
    },
  );

  app.post(
    '/api/metering/intake',
    {
      schema: {
        tags,
        summary:
          'Bulk register readings (AMI, handheld, other systems): text/csv (header meter_asset_no,period,settlement,register,read_on,value) or application/x-ndjson body, streamed; all-or-nothing',
        querystring: ReadingIntakeQuery,
        response: { 200: ReadingBatch },
      },
    },
    async (request) => {
      const ctx = contextOf(request, db);
      requirePermission(ctx.user, 'reading:write');
      const type = String(request.headers['content-type'] ?? '')
        .split(';')[0]
        .trim();
      if (!['text/csv', 'application/x-ndjson', 'application/ndjson'].includes(type))
        throw new DomainError('validation', [
          { path: 'content-type', message: 'text/csv or application/x-ndjson' },
        ]);
      const hash = createHash('sha256');
      const input = hashing(request.body as AsyncIterable<Buffer>, hash);
      const batch = await runIntake(
        ctx,
        (d) => (type === 'text/csv' ? stageCsv(d, 'register', input) : stageNdjson(d, input)),
        { source: request.query.source, fileName: null },
        idempotentCommit(db, request, ctx, () => hash.digest('hex')),
      );
      if (batch.status === 'rejected')
        throw await rejection(db, batch, localeOf(request, ctx), (line, field) => `line ${line}.${field}`);
      return batch;
    },
  );

  for (const kind of ['register', 'interval'] as const) {
    app.post(
      kind === 'register' ? '/api/metering/uploads' : '/api/metering/interval-uploads',
      {
        schema: {
          tags,
          summary:
            kind === 'register'
              ? 'Upload a CSV of register readings (multipart field `file`); answers the batch, rejected with a row-level report or completed'
              : 'Upload a CSV of 15-minute interval data (meter_asset_no,read_on,register,interval_no,kwh)',
          consumes: ['multipart/form-data'],
          response: { 200: ReadingBatch },
        },
      },
      async (request: FastifyRequest, reply: FastifyReply) => {
        const ctx = contextOf(request, db);
        requirePermission(ctx.user, 'reading:write');
        if (!request.isMultipart())
          throw new DomainError('validation', [{ path: 'file', message: 'multipart/form-data, field file' }]);
        const part = await request.file();
        if (!part || part.fieldname !== 'file') {
          part?.file.resume();
          throw new DomainError('validation', [{ path: 'file', message: 'missing file' }]);
        }
        const hash = createHash('sha256');
        const input = hashing(part.file, hash);
        const batch = await runIntake(
          ctx,
          (d) => stageCsv(d, kind, input),
          { source: kind === 'register' ? 'import' : 'ami', fileName: part.filename || null },
          idempotentCommit(db, request, ctx, () => hash.digest('hex')),
        );
        return reply.send(batch);
      },
    );
  }

  app.get(
    '/api/metering/batches/:id',
    { schema: { tags, summary: 'One intake batch', params: IdParam, response: { 200: ReadingBatch } } },
    async (request) => {
      const ctx = contextOf(request, db);
      requirePermission(ctx.user, 'billing:read');
      const b = await findBatch(db, request.params.id, ctx.user.id, ctx.user.permissions.has('billing:run'));
      if (!b) throw new DomainError('not_found');
      return b;
    },
  );

  app.get(
    '/api/metering/batches/:id/errors',
    {
      schema: {
        tags,
        summary: 'Row-level errors of a rejected intake',
        params: IdParam,
        querystring: PageQuery,
        response: { 200: ReadingBatchErrorPage },
      },
    },
    async (request) => {
      const ctx = contextOf(request, db);
      requirePermission(ctx.user, 'billing:read');
      const b = await findBatch(db, request.params.id, ctx.user.id, ctx.user.permissions.has('billing:run'));
      if (!b) throw new DomainError('not_found');
      const { page, pageSize } = request.query;
      const r = await listBatchErrors(db, b.id, { limit: pageSize, offset: (page - 1) * pageSize });
      const locale = localeOf(request, ctx);
      return {
        items: r.rows.map((e) => ({
          lineNo: e.line_no,
          field: e.field,
          code: e.code,
          message: intakeErrorText(e.code, locale),
          value: e.value,
        })),
        total: r.total,
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/api/metering/batches/:id/errors.csv',
    {
      schema: { tags, summary: 'Downloadable row-level error report (CSV, UTF-8 with BOM)', params: IdParam },
    },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      requirePermission(ctx.user, 'billing:read');
      const b = await findBatch(db, request.params.id, ctx.user.id, ctx.user.permissions.has('billing:run'));
      if (!b) throw new DomainError('not_found');
      const locale = localeOf(request, ctx);
      const r = await listBatchErrors(db, b.id, { limit: 100_000, offset: 0 });
      const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
      const head = locale.startsWith('en') ? 'line,field,code,message,value' : '行号,字段,错误代码,说明,原值';
      const lines = r.rows.map((e) =>
        [String(e.line_no), e.field, e.code, intakeErrorText(e.code, locale), e.value ?? ''].map(q).join(','),
      );
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="reading-errors-${b.id}.csv"`);
      return reply.send('\uFEFF' + [head, ...lines].join('\n') + '\n');
    },
  );
};
