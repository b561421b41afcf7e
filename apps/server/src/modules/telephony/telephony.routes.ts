// Telephony HTTP API: event intake from the CTI system (shared key, no user session), the agents'
// screen-pop stream (server-sent events), and the answered-within-3-rings KPI.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AnswerRateQuery, AnswerRateResult, CallEventInput, CallEventResult } from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { requirePermission } from '../../platform/auth/context';
import { SESSION_COOKIE } from '../../platform/auth/auth.service';
import { contextOf } from '../../platform/http/auth-hook';
import { DomainError } from '../../platform/http/errors';
import { createScreenPopBus } from './screen-pop-bus';
import { ScreenPopHub } from './screen-pop-streams';
import { heartbeatMs, requireTelephonyKey, usesDevTelephonyKey } from './telephony-config';
import { answerRateReport, receiveCallEvent } from './telephony.service';

const tags = ['telephony'];

export const telephonyRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  const onError = (e: unknown) => app.log.error({ err: e }, 'screen pop');
  const bus = createScreenPopBus(db, onError);
  const hub = new ScreenPopHub(db, bus, { heartbeatMs: heartbeatMs(), onError });
  // Open streams would keep the server from closing; end them first.
  app.addHook('preClose', async () => hub.closeAll());
  app.addHook('onClose', async () => bus.close());
  if (usesDevTelephonyKey() && db.kind === 'postgres')
    app.log.warn('TELEPHONY_KEY is not set: the telephony intake accepts the development key');

  app.post(
    '/api/telephony/events',
    {
      // The CTI system has no user session; it proves itself with the shared key instead.
      config: { public: true },
      schema: {
        tags,
        summary: 'Call event from the telephony system (X-Telephony-Key); idempotent on (callId, event)',
        security: [],
        body: CallEventInput,
        response: { 200: CallEventResult },
      },
    },
    async (request) => {
      requireTelephonyKey(request.headers['x-telephony-key']);
      return receiveCallEvent(db, bus, request.body, String(request.id));
    },
  );

  app.get(
    '/api/telephony/stream',
    {
      schema: {
        tags,
        summary:
          'Screen pop: server-sent events `screen-pop` (caller and matching customers), `call-status`, heartbeats',
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      requirePermission(ctx.user, 'workorder:create');
      const token = request.cookies?.[SESSION_COOKIE] ?? bearerToken(request.headers.authorization);
      if (!token) throw new DomainError('unauthenticated');
      await hub.open(request, reply, ctx.user, token);
      return reply;
    },
  );

  app.get(
    '/api/telephony/answer-rate',
    {
      schema: {
        tags,
        summary: 'Calls answered within 3 rings (15 s by default) in my scope (report:read)',
        querystring: AnswerRateQuery,
        response: { 200: AnswerRateResult },
      },
    },
    async (request) => answerRateReport(contextOf(request, db), request.query),
  );
};

function bearerToken(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}
