// Internal notices (内部信息, domain.md §4 "Internal information flow", [S002]): departments publish product
// and policy information, promotions, system changes and faults/outages to the service centre so agents
// can answer customers' queries. Each notice is valid for a period and addressed to roles and/or units.
import { z } from 'zod';
import { ROLES } from '@gridcare/domain';
import { Id, PageQuery, VersionField, pageOf } from './common';
import { msg } from './messages';

// 政策, 产品, 促销, 系统调整, 故障停电
export const NOTICE_KINDS = ['policy', 'product', 'promotion', 'system_change', 'fault_outage'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

const Instant = z.iso.datetime({ offset: true });

const NoticeFields = z.object({
  kind: z.enum(NOTICE_KINDS),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
  validFrom: Instant,
  /** Null: valid until withdrawn. */
  validTo: Instant.nullish(),
  /** Empty: every role. */
  audienceRoles: z.array(z.enum(ROLES)).max(ROLES.length).default([]),
  /** Empty: every unit. A unit addresses the people working in it, above it and below it. */
  audienceOrgUnitIds: z.array(Id).max(100).default([]),
  /** The publishing unit; default: the publisher's own unit. */
  publisherOrgUnitId: Id.optional(),
});

function validRange(v: { validFrom?: string; validTo?: string | null }, ctx: z.RefinementCtx) {
  if (v.validFrom && v.validTo && Date.parse(v.validTo) <= Date.parse(v.validFrom)) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: msg('notice.valid_range') });
  }
}

export const NoticeInput = NoticeFields.superRefine(validRange);
export type NoticeInput = z.infer<typeof NoticeInput>;
export const NoticeUpdate = NoticeFields.extend({ version: VersionField }).superRefine(validRange);
export type NoticeUpdate = z.infer<typeof NoticeUpdate>;

export const NoticeVersionBody = z.object({ version: VersionField });
export const NoticeWithdrawBody = z.object({
  version: VersionField,
  reason: z.string().trim().max(500).nullish(),
});
export type NoticeWithdrawBody = z.infer<typeof NoticeWithdrawBody>;

export const Notice = z.object({
  id: z.number(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  body: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  audienceRoles: z.array(z.string()),
  audienceOrgUnits: z.array(z.object({ id: z.number(), name: z.string() })),
  publisherOrgUnitId: z.number(),
  publisherOrgUnitName: z.string(),
  createdById: z.number(),
  createdByName: z.string(),
  status: z.enum(NOTICE_STATUSES),
  publishedAt: z.string().nullable(),
  publishedByName: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  /** Published and inside its validity window now. */
  current: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Notice = z.infer<typeof Notice>;
export const NoticePage = pageOf(Notice);

/** Agents: the notices valid now and addressed to them. */
export const NoticeSearchQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional(),
  kind: z.enum(NOTICE_KINDS).optional(),
});
export type NoticeSearchQuery = z.infer<typeof NoticeSearchQuery>;

/** Publishers: every notice their units published, in any state. */
export const NoticeManageQuery = NoticeSearchQuery.extend({ status: z.enum(NOTICE_STATUSES).optional() });
export type NoticeManageQuery = z.infer<typeof NoticeManageQuery>;
