// HTTP routes of the customer-archive import. Thin: read the caller and the input, call one service
// function, map the result. The multipart upload is streamed to disk here, never buffered.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParam,
  ImportCommitBody,
  ImportErrorPage,
  ImportErrorQuery,
  ImportJob,
  ImportJobBody,
  ImportJobPage,
  ImportListQuery,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { contextOf } from '../../platform/http/auth-hook';
import { DomainError } from '../../platform/http/errors';
import { runIdempotent } from '../../platform/http/idempotency';
import * as service from './imports.service';
import type { ReceivedFile } from './imports.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (fileName: string) =>
  `attachment; filename="${encodeURIComponent(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** Streams the multipart field `file` into `dir`, hashing it for the idempotency check. */
async function receiveFile(request: FastifyRequest, dir: string): Promise<ReceivedFile & { sha256: string }> {
  if (!request.isMultipart())
    throw new DomainError('validation', [
      { path: 'file', message: '请以 multipart/form-data 上传文件（字段 file）' },
    ]);
  const part = await request.file();
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw new DomainError('validation', [{ path: 'file', message: '缺少上传文件（字段 file）' }]);
  }
  const target = path.join(
    dir,
    `upload-${randomUUID()}${path.extname(part.filename).toLowerCase().slice(0, 8)}`,
  );
  const hash = createHash('sha256');
  let size = 0;
  part.file.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    size += chunk.length;
  });
  await pipeline(part.file, createWriteStream(target));
  return { path: target, fileName: part.filename || 'upload', size, sha256: hash.digest('hex') };
}

export const importsRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const { db } = deps;
  const tags = ['imports'];

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/imports/template.${format}`,
      { schema: { tags, summary: `Import template (.${format})` } },
      async (request, reply) => {
        const { fileName, body } = await service.importTemplate(contextOf(request, db), format);
        reply.header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
        reply.header('content-disposition', attachment(fileName));
        return reply.send(body);
      },
    );
  }

  app.post(
    '/api/imports',
    {
      schema: {
        tags,
        summary: 'Upload a customer archive file (multipart field `file`, .csv or .xlsx); validates it',
        consumes: ['multipart/form-data'],
        response: { 202: ImportJobBody },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      const key = request.headers['idempotency-key'];
      let received: (ReceivedFile & { sha256: string }) | null = null;
      const result = await service.uploadImport(ctx, deps, {
        receive: async (dir) => (received = await receiveFile(request, dir)),
        idempotencyKey: typeof key === 'string' && key ? key : null,
        idempotent: (file, fn) => {
          // The idempotency hash covers the file itself: the same key with another file is a conflict.
          (request as { body: unknown }).body = { fileName: file.fileName, sha256: received?.sha256 };
          return runIdempotent(db, request, ctx.user.id, 202, fn);
        },
      });
      return reply.status(202).send(result);
    },
  );

  app.get(
    '/api/imports',
    {
      schema: {
        tags,
        summary: 'Import jobs in my scope',
        querystring: ImportListQuery,
        response: { 200: ImportJobPage },
      },
    },
    async (request) => service.listImports(contextOf(request, db), request.query),
  );

  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags,
        summary: 'One import job: status, progress, counts',
        params: IdParam,
        response: { 200: ImportJob },
      },
    },
    async (request) => service.getImport(contextOf(request, db), request.params.id),
  );

  app.get(
    '/api/imports/:id/errors',
    {
      schema: {
        tags,
        summary: 'Row-level errors of an import',
        params: IdParam,
        querystring: ImportErrorQuery,
        response: { 200: ImportErrorPage },
      },
    },
    async (request) => service.listImportErrors(contextOf(request, db), request.params.id, request.query),
  );

  app.get(
    '/api/imports/:id/errors.xlsx',
    { schema: { tags, summary: 'Downloadable row-by-row error report', params: IdParam } },
    async (request, reply) => {
      const { fileName, stream } = await service.importErrorReport(contextOf(request, db), request.params.id);
      reply.header('content-type', XLSX_TYPE);
      reply.header('content-disposition', attachment(fileName));
      return reply.send(stream);
    },
  );

  app.post(
    '/api/imports/:id/commit',
    {
      schema: {
        tags,
        summary:
          'Import a validated file: all_or_nothing, or valid_rows (customers whose rows are all clean)',
        params: IdParam,
        body: ImportCommitBody,
        response: { 202: ImportJobBody },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await service.commitImport(contextOf(request, db), deps, request.params.id, request.body.mode)),
  );
};
