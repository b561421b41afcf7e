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
import { allPages, sendXlsx } from '../../platform/http/excel';

const ROLE_ZH: Record<string, string> = {
  admin: '系统管理员',
  supervisor: '班长/主管',
  cs_agent: '客服坐席',
  account_manager: '客户经理',
  dept_staff: '部门处理人',
  field_crew: '抢修人员',
  inspector: '用电检查',
  meter_reader: '抄表员',
  billing_clerk: '核算收费员',
  auditor: '审计员',
};

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
    {
      schema: {
        tags: ['org'],
        summary: 'Create an org unit',
        body: OrgUnitCreate,
        response: { 201: OrgUnit },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await orgUnits.createOrgUnit(contextOf(request, db), request.body)),
  );
  app.patch(
    '/api/org-units/:id',
    {
      schema: {
        tags: ['org'],
        summary: 'Update an org unit',
        params: IdParam,
        body: OrgUnitUpdate,
        response: { 200: OrgUnit },
      },
    },
    async (request) => orgUnits.updateOrgUnit(contextOf(request, db), request.params.id, request.body),
  );

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users with a role in the caller scope',
        querystring: UserListQuery,
        response: { 200: UserPage },
      },
    },
    async (request) => users.listUsers(contextOf(request, db), request.query),
  );
  app.get(
    '/api/users/export.xlsx',
    {
      schema: {
        tags: ['users'],
        summary: 'Users list as Excel',
        querystring: UserListQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      await users.listUsers(ctx, { page: 1, pageSize: 1 });
      return sendXlsx(reply, {
        fileName: '用户列表.xlsx',
        sheetName: '用户',
        columns: [
          { header: '登录名', value: (u) => u.username },
          { header: '姓名', value: (u) => u.displayName },
          { header: '手机', value: (u) => u.phone },
          { header: '邮箱', value: (u) => u.email, width: 24 },
          { header: '状态', value: (u) => (u.active ? (u.locked ? '已锁定' : '正常') : '停用') },
          {
            header: '角色',
            width: 40,
            value: (u) => u.roles.map((r) => `${ROLE_ZH[r.role] ?? r.role}@${r.orgUnitName}`).join('；'),
          },
          { header: '最近登录', width: 22, value: (u) => u.lastLoginAt },
        ],
        rows: allPages((page, pageSize) => users.listUsers(ctx, { q: request.query.q, page, pageSize })),
      });
    },
  );
  app.get(
    '/api/users/:id',
    { schema: { tags: ['users'], summary: 'One user', params: IdParam, response: { 200: User } } },
    async (request) => users.getUser(contextOf(request, db), request.params.id),
  );
  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user with roles',
        body: UserCreate,
        response: { 201: User },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await users.createUser(contextOf(request, db), request.body)),
  );
  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Update a user (roles, password, active)',
        params: IdParam,
        body: UserUpdate,
        response: { 200: User },
      },
    },
    async (request) => users.updateUser(contextOf(request, db), request.params.id, request.body),
  );
  app.post(
    '/api/users/:id/unlock',
    {
      schema: { tags: ['users'], summary: 'Clear a login lockout', params: IdParam, response: { 200: User } },
    },
    async (request) => users.unlockUser(contextOf(request, db), request.params.id),
  );

  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log (auditors, supervisors, admins)',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (request) => listAudit(contextOf(request, db), request.query),
  );
  app.get(
    '/api/audit/export.xlsx',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log as Excel',
        querystring: AuditQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      await listAudit(ctx, { page: 1, pageSize: 1 });
      return sendXlsx(reply, {
        fileName: '审计日志.xlsx',
        sheetName: '审计日志',
        columns: [
          { header: '时间', width: 24, value: (a) => a.at },
          { header: '操作人', value: (a) => a.actorName },
          { header: '操作', value: (a) => a.action },
          { header: '对象', value: (a) => a.entity },
          { header: '对象编号', value: (a) => a.entityId },
          { header: '修改前', width: 50, value: (a) => (a.before == null ? null : JSON.stringify(a.before)) },
          { header: '修改后', width: 50, value: (a) => (a.after == null ? null : JSON.stringify(a.after)) },
        ],
        rows: allPages((page, pageSize) => listAudit(ctx, { ...request.query, page, pageSize })),
      });
    },
  );
};
