// One place maps every error to the API's error shape. No input may produce a 500: validation,
// database constraint and parse errors all become 4xx with field-level details.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { en, zhCN } from 'zod/locales';
import { pickLocale, translate, type Locale } from '@gridcare/contracts';
import { DomainError, STATUS_OF, messageKeyOf, type ErrorCode, type ErrorDetail } from './errors';

const zodLocales = { 'zh-CN': zhCN(), 'en-US': en() };

interface ValidationEntry {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

function localiseIssue(v: ValidationEntry, locale: Locale): string {
  const message = v.message ?? '';
  if (message.startsWith('msg:')) return translate(message, locale);
  if (v.keyword === 'custom') return message;
  const issue = { code: v.keyword, ...(v.params ?? {}), path: [], message } as never;
  const out = zodLocales[locale].localeError(issue) as string | { message: string } | undefined;
  if (!out) return message;
  return typeof out === 'string' ? out : out.message;
}

function localeOf(request: FastifyRequest): Locale {
  const user = request.user;
  const header = request.headers['accept-language'];
  if (header) return pickLocale(header);
  return (user?.locale as Locale) ?? 'zh-CN';
}

export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  details?: ErrorDetail[],
  extra?: Record<string, unknown>,
) {
  const locale = localeOf(request);
  return reply.status(STATUS_OF[code]).send({
    error: {
      code,
      message: translate(messageKeyOf(code), locale),
      ...(details
        ? { details: details.map((d) => ({ path: d.path, message: translate(d.message, locale) })) }
        : {}),
      ...(extra ?? {}),
    },
  });
}

const PG_CODES: Record<string, ErrorCode> = {
  '23505': 'unique',
  '23503': 'validation',
  '23514': 'validation',
  '23502': 'validation',
  '22P02': 'validation',
  '22003': 'validation',
  '22007': 'validation',
  '22008': 'validation',
  '22001': 'validation',
  '22021': 'validation',
  '40001': 'conflict',
  '40P01': 'conflict',
};

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const locale = localeOf(request);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const details = err.validation.map((v) => ({
        path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: localiseIssue(v as unknown as ValidationEntry, locale),
      }));
      return sendError(reply, request, 'validation', details);
    }
    if (err instanceof DomainError) return sendError(reply, request, err.code, err.details, err.extra);
    const pgCode = (err as { code?: string }).code;
    if (pgCode && PG_CODES[pgCode]) {
      const detail =
        (err as { constraint?: string; column?: string }).constraint ?? (err as { column?: string }).column;
      request.log.info({ err }, 'database rejected input');
      return sendError(
        reply,
        request,
        PG_CODES[pgCode],
        detail ? [{ path: detail, message: err.message }] : undefined,
      );
    }
    if (err.statusCode === 413 || pgCode === 'FST_REQ_FILE_TOO_LARGE' || pgCode === 'FST_FILES_LIMIT') {
      return sendError(reply, request, 'payload_too_large');
    }
    if (err.statusCode === 429) return sendError(reply, request, 'rate_limited');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Malformed JSON, wrong content type, bad multipart and the like.
      return reply.status(err.statusCode === 415 ? 415 : 400).send({
        error: {
          code: 'validation',
          message: translate('error.validation', locale),
          details: [{ path: 'body', message: err.message }],
        },
      });
    }
    if (isResponseSerializationError(err))
      request.log.error({ err, issues: err.cause.issues }, 'response did not match schema');
    else request.log.error({ err }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: translate('error.internal', locale) } });
  });
}
