// The service norms catalogue (服务规范, domain.md §4, [S002]): the service centre's work-process manual
// as data — nine categories, each norm with its responsible role, work standard (script and steps),
// time limit and assisting departments. Agents see the norms matching an order's type.
import { z } from 'zod';
import { DEPARTMENT_KINDS, ROLES, TIME_LIMIT_UNITS, WORK_ORDER_TYPES } from '@gridcare/domain';
import { PageQuery, VersionField, pageOf } from './common';
import { msg } from './messages';

// 系统使用, 产品咨询, 业务查询, 客户通知及回访, 产品及业务受理, 用户故障申告及投诉处理, 内部信息管理,
// 全员质量保障, 其他
export const NORM_CATEGORIES = [
  'system_use',
  'product_consultation',
  'business_query',
  'notification_and_return_visit',
  'acceptance',
  'fault_and_complaint',
  'internal_information',
  'quality_assurance',
  'other',
] as const;
export type NormCategory = (typeof NORM_CATEGORIES)[number];

export const NormTimeLimit = z.object({
  amount: z.number().int().min(1).max(100_000),
  unit: z.enum(TIME_LIMIT_UNITS),
});
export type NormTimeLimit = z.infer<typeof NormTimeLimit>;

const SubCategory = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: msg('norm.sub_category') });

export const ServiceNormInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z]{2,4}-\d{2,3}$/, { message: msg('norm.code') }),
  category: z.enum(NORM_CATEGORIES),
  title: z.string().trim().min(1).max(100),
  responsibleRole: z.enum(ROLES),
  standard: z.string().trim().min(1).max(10_000),
  timeLimitText: z.string().trim().min(1).max(200),
  timeLimit: NormTimeLimit.nullish(),
  assistingDepartments: z.array(z.enum(DEPARTMENT_KINDS)).max(DEPARTMENT_KINDS.length).default([]),
  appliesToTypes: z.array(z.enum(WORK_ORDER_TYPES)).max(WORK_ORDER_TYPES.length).default([]),
  /** Empty: the norm applies to every sub-category of its types. */
  subCategories: z.array(SubCategory).max(20).default([]),
  active: z.boolean().default(true),
});
export type ServiceNormInput = z.infer<typeof ServiceNormInput>;

export const ServiceNormUpdate = ServiceNormInput.extend({ version: VersionField });
export type ServiceNormUpdate = z.infer<typeof ServiceNormUpdate>;

export const ServiceNorm = z.object({
  id: z.number(),
  code: z.string(),
  category: z.enum(NORM_CATEGORIES),
  title: z.string(),
  responsibleRole: z.string(),
  standard: z.string(),
  timeLimitText: z.string(),
  timeLimit: NormTimeLimit.nullable(),
  assistingDepartments: z.array(z.string()),
  appliesToTypes: z.array(z.string()),
  subCategories: z.array(z.string()),
  active: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ServiceNorm = z.infer<typeof ServiceNorm>;
export const ServiceNormPage = pageOf(ServiceNorm);

export const ServiceNormListQuery = PageQuery.extend({
  category: z.enum(NORM_CATEGORIES).optional(),
  type: z.enum(WORK_ORDER_TYPES).optional(),
  /** With `type`: the norms for that sub-category plus the general ones of the type. */
  subCategory: SubCategory.optional(),
  q: z.string().trim().max(50).optional(),
  /** Default: active norms only; `all` includes retired ones (admins). */
  status: z.enum(['active', 'inactive', 'all']).default('active'),
});
export type ServiceNormListQuery = z.infer<typeof ServiceNormListQuery>;

export const ServiceNormDeleteQuery = z.object({ version: z.coerce.number().int().positive() });
