// Resolves the session cookie to a user on every /api request and refuses anonymous calls to
// routes that are not marked `config: { public: true }`. Customer-portal routes (`config: { portal: true }`)
// are left alone: they accept only the portal's own session (modules/portal), never a staff one.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/db';
import type { AuthUser, RequestContext } from '../auth/context';
import { SESSION_COOKIE, authenticate } from '../auth/auth.service';
import { DomainError } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    user: AuthUser | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
    /** A customer-portal route: staff sessions are never read there; modules/portal checks its own cookie. */
    portal?: boolean;
  }
}

export function registerAuthHook(app: FastifyInstance, db: Db) {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    // The interactive API docs describe the API and hold no data; anyone may read them.
    // Matched on the route pattern, not the raw URL, so dot segments cannot borrow the exemption.
    const route = request.routeOptions.url ?? '';
    if (route === '/api/docs' || route.startsWith('/api/docs/')) return;
    if (request.routeOptions.config?.portal) return;
    const token = request.cookies?.[SESSION_COOKIE] ?? bearer(request);
    if (token) request.user = await authenticate(db, token);
    if (!request.user && !request.routeOptions.config?.public) throw new DomainError('unauthenticated');
  });
}

function bearer(request: FastifyRequest): string | undefined {
  const h = request.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}

/** The service context for an authenticated request. */
export function contextOf(request: FastifyRequest, db: Db): RequestContext {
  if (!request.user) throw new DomainError('unauthenticated');
  return { db, user: request.user, requestId: String(request.id), now: new Date() };
}
