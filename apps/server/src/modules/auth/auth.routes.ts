import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginBody, Me, OkBody } from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { SESSION_COOKIE, login, logout } from '../../platform/auth/auth.service';
import type { AuthUser } from '../../platform/auth/context';
import { contextOf } from '../../platform/http/auth-hook';

export function toMe(user: AuthUser): Me {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    locale: user.locale,
    roles: user.roles,
    permissions: [...user.permissions],
  };
}

export const authRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db, secureCookies }) => {
  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Log in; sets the session cookie',
        body: LoginBody,
        response: { 200: z.object({ token: z.string() }) },
      },
    },
    async (request, reply) => {
      const { token } = await login(db, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        requestId: String(request.id),
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
        maxAge: 12 * 3600,
      });
      return { token };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Log out', response: { 200: OkBody } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'The logged-in user', response: { 200: Me } } },
    async (request) => toMe(contextOf(request, db).user),
  );
};
