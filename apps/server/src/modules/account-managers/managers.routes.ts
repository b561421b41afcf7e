import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ManagerCard,
  ManagerListQuery,
  ManagerPage,
  ManagerProfileUpdate,
  ManagerUserParam,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { contextOf } from '../../platform/http/auth-hook';
import { getManagerCard, listManagers, saveManagerProfile } from './managers.service';

const tags = ['account-managers'];

export const managerRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  app.get(
    '/api/managers',
    {
      schema: {
        tags,
        summary: 'Account managers visible in my scope, with managed customers and overdue visits',
        querystring: ManagerListQuery,
        response: { 200: ManagerPage },
      },
    },
    async (request) => listManagers(contextOf(request, db), request.query),
  );

  app.get(
    '/api/managers/:userId',
    {
      schema: {
        tags,
        summary: 'Manager card (客户经理名片)',
        params: ManagerUserParam,
        response: { 200: ManagerCard },
      },
    },
    async (request) => getManagerCard(contextOf(request, db), request.params.userId),
  );

  app.put(
    '/api/managers/:userId/profile',
    {
      schema: {
        tags,
        summary: 'Create or update the manager card (the manager himself or manager:assign)',
        params: ManagerUserParam,
        body: ManagerProfileUpdate,
        response: { 200: ManagerCard },
      },
    },
    async (request) => saveManagerProfile(contextOf(request, db), request.params.userId, request.body),
  );
};
