// Organisation units, users and the audit log (admin screens).
import { z } from 'zod';
import { AREA_CLASSES, DEPARTMENT_KINDS, ORG_UNIT_KINDS, ROLES } from '@gridcare/domain';
import { PageQuery, VersionField, pageOf } from './common';
import { Email, MobileNumber } from './validators';

export const OrgUnit = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  kind: z.enum(ORG_UNIT_KINDS),
  deptKind: z.enum(DEPARTMENT_KINDS).nullable(),
  areaClass: z.enum(AREA_CLASSES).nullable(),
  active: z.boolean(),
  version: z.number(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export type OrgUnitNode = OrgUnit & { children: OrgUnitNode[] };
export const OrgUnitNode: z.ZodType<OrgUnitNode> = OrgUnit.extend({
  children: z.lazy(() => z.array(OrgUnitNode)),
});

export const OrgUnitListQuery = z.object({ flat: z.enum(['true', 'false']).optional() });

export const OrgUnitCreate = z.object({
  parentId: z.number().int().positive(),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{2,20}$/, 'code: 2–20 letters, digits or -'),
  name: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().max(100).nullish(),
  kind: z.enum(ORG_UNIT_KINDS).exclude(['company']),
  deptKind: z.enum(DEPARTMENT_KINDS).nullish(),
  areaClass: z.enum(AREA_CLASSES).nullish(),
});
export type OrgUnitCreate = z.infer<typeof OrgUnitCreate>;

export const OrgUnitUpdate = z.object({
  name: z.string().trim().min(1).max(60).optional(),
  nameEn: z.string().trim().max(100).nullish(),
  deptKind: z.enum(DEPARTMENT_KINDS).nullish(),
  areaClass: z.enum(AREA_CLASSES).nullish(),
  active: z.boolean().optional(),
  version: VersionField,
});
export type OrgUnitUpdate = z.infer<typeof OrgUnitUpdate>;

export const RoleAssignment = z.object({ role: z.enum(ROLES), orgUnitId: z.number().int().positive() });

export const User = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  locale: z.string(),
  active: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(RoleAssignment.extend({ orgUnitName: z.string() })),
  version: z.number(),
});
export type User = z.infer<typeof User>;

const Password = z.string().min(8, 'password: at least 8 characters').max(128);

export const UserCreate = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.-]{3,32}$/i, 'username: 3–32 letters, digits, _ . -'),
  displayName: z.string().trim().min(1).max(50),
  password: Password,
  phone: MobileNumber.nullish(),
  email: Email.nullish(),
  locale: z.enum(['zh-CN', 'en-US']).default('zh-CN'),
  roles: z.array(RoleAssignment).min(1).max(20),
});
export type UserCreate = z.infer<typeof UserCreate>;

export const UserUpdate = z.object({
  displayName: z.string().trim().min(1).max(50).optional(),
  password: Password.optional(),
  phone: MobileNumber.nullish(),
  email: Email.nullish(),
  locale: z.enum(['zh-CN', 'en-US']).optional(),
  active: z.boolean().optional(),
  roles: z.array(RoleAssignment).min(1).max(20).optional(),
  version: VersionField,
});
export type UserUpdate = z.infer<typeof UserUpdate>;

export const UserListQuery = PageQuery.extend({ q: z.string().trim().max(50).optional() });
export const UserPage = pageOf(User);

export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export const AuditQuery = PageQuery.extend({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(40).optional(),
  action: z.string().max(40).optional(),
});
export const AuditPage = pageOf(AuditEntry);
