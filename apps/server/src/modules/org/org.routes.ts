import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AuditPage,
  AuditQuery,
  IdParam,
  OrgUnit,
  OrgUnitCreate,
  OrgUnitListQuery,
  OrgUnitNode,
  OrgUnitUpdate,
  User,
  UserCreate,
  UserListQuery,
  UserPage,
  UserUpdate,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { contextOf } from '../../platform/http/auth-hook';
import * as orgUnits from './org-units.service';
import * as users from './users.service';
import { listAudit } from './audit.service';

export const orgRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  app.get(
    '/api/org-units',
    {
      schema: {
        tags: ['org'],
        summary: 'Org units in the caller scope, as a tree (or flat with ?flat=true)',
        querystring: OrgUnitListQuery,
        response: { 200: z.union([z.array(OrgUnitNode), z.array(OrgUnit)]) },
      },
    },
    async (request) => {
      const ctx = contextOf(request, db);
      return request.query.flat === 'true' ? orgUnits.listOrgUnits(ctx) : orgUnits.orgUnitTree(ctx);
    },
  );
  app.post(
    '/api/org-units',
    { schema: { tags: ['org'], summary: 'Create an org unit', body: OrgUnitCreate, response: { 201: OrgUnit } } },
    async (request, reply) => reply.status(201).send(await orgUnits.createOrgUnit(contextOf(request, db), request.body)),
  );
  app.patch(
    '/api/org-units/:id',
    { schema: { tags: ['org'], summary: 'Update an org unit', params: IdParam, body: OrgUnitUpdate, response: { 200: OrgUnit } } },
    async (request) => orgUnits.updateOrgUnit(contextOf(request, db), request.params.id, request.body),
  );

  app.get(
    '/api/users',
    { schema: { tags: ['users'], summary: 'Users with a role in the caller scope', querystring: UserListQuery, response: { 200: UserPage } } },
    async (request) => users.listUsers(contextOf(request, db), request.query),
  );
  app.get(
    '/api/users/:id',
    { schema: { tags: ['users'], summary: 'One user', params: IdParam, response: { 200: User } } },
    async (request) => users.getUser(contextOf(request, db), request.params.id),
  );
  app.post(
    '/api/users',
    { schema: { tags: ['users'], summary: 'Create a user with roles', body: UserCreate, response: { 201: User } } },
    async (request, reply) => reply.status(201).send(await users.createUser(contextOf(request, db), request.body)),
  );
  app.patch(
    '/api/users/:id',
    { schema: { tags: ['users'], summary: 'Update a user (roles, password, active)', params: IdParam, body: UserUpdate, response: { 200: User } } },
    async (request) => users.updateUser(contextOf(request, db), request.params.id, request.body),
  );
  app.post(
    '/api/users/:id/unlock',
    { schema: { tags: ['users'], summary: 'Clear a login lockout', params: IdParam, response: { 200: User } } },
    async (request) => users.unlockUser(contextOf(request, db), request.params.id),
  );

  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], summary: 'Audit log (auditors, supervisors, admins)', querystring: AuditQuery, response: { 200: AuditPage } } },
    async (request) => listAudit(contextOf(request, db), request.query),
  );
};
