// The customer portal (网上营业厅, domain.md §18): login by a code sent to the registered phone, the
// customer's own accounts and account manager, service requests with their external status only, rating,
// and the portal inbox.
import { z } from 'zod';
import {
  ACCOUNT_STATUSES,
  COMPLAINT_SUBCATEGORIES,
  EXTERNAL_STATUSES,
  METER_TEST_SUBCATEGORY,
  PORTAL_CODE_LENGTH,
  type WorkOrderType,
} from '@gridcare/domain';
import { PageQuery, pageOf } from './common';
import { msg } from './messages';
import { InAppMessage } from './notifications';
import { PhoneNumber } from './validators';

const Text = (max: number) => z.string().trim().min(1).max(max);

/** 户号 as printed on the bill (digits; imported archives may carry letters and dashes). */
export const PortalAccountNo = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{4,30}$/, { message: msg('portal.account_no') });

export const PortalCodeRequest = z.object({ accountNo: PortalAccountNo });
export type PortalCodeRequest = z.infer<typeof PortalCodeRequest>;

/**
 * The same answer whether or not the account exists and has a phone: it names no phone, so the
 * endpoint cannot be used to find account numbers or harvest masked phone numbers.
 */
export const PortalCodeSent = z.object({
  accepted: z.literal(true),
  expiresInSeconds: z.number().int(),
  resendAfterSeconds: z.number().int(),
});
export type PortalCodeSent = z.infer<typeof PortalCodeSent>;

export const PortalLoginBody = z.object({
  accountNo: PortalAccountNo,
  code: z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{${PORTAL_CODE_LENGTH}}$`), { message: msg('portal.code_format') }),
});
export type PortalLoginBody = z.infer<typeof PortalLoginBody>;

/** The account manager's card as the customer sees it (domain.md §3: photo, name, 24-hour phone, scope). */
export const PortalManagerCard = z.object({
  name: z.string(),
  title: z.string().nullable(),
  photoUrl: z.string().nullable(),
  phone24h: z.string().nullable(),
  serviceScope: z.string().nullable(),
});
export type PortalManagerCard = z.infer<typeof PortalManagerCard>;

export const PortalAccount = z.object({
  accountNo: z.string(),
  status: z.enum(ACCOUNT_STATUSES),
  voltageLevel: z.string(),
  /** Down to the street; the house number is not shown. */
  address: z.string().nullable(),
});
export type PortalAccount = z.infer<typeof PortalAccount>;

export const PortalMe = z.object({
  customerNo: z.string(),
  /** A person's name masked (张*丰); an organisation's registered name whole. */
  customerName: z.string(),
  customerKind: z.enum(['person', 'organisation']),
  /** The account number the customer logged in with. */
  accountNo: z.string(),
  /** Where login codes go, masked (138****5678). */
  maskedPhone: z.string().nullable(),
  accounts: z.array(PortalAccount),
  manager: PortalManagerCard.nullable(),
});
export type PortalMe = z.infer<typeof PortalMe>;

// --- Service requests ------------------------------------------------------------------------------
/** What a customer may ask for online; tip-offs (举报) and urges go through 95598. */
export const PORTAL_REQUEST_TYPES = [
  'consultation',
  'query',
  'fault_repair',
  'complaint',
  'suggestion',
  'praise',
  'application',
] as const satisfies readonly WorkOrderType[];
export type PortalRequestType = (typeof PORTAL_REQUEST_TYPES)[number];

/** Sub-categories offered per type (the intake form's lists: complaints by routing category). */
export const PORTAL_SUBCATEGORIES: Partial<Record<PortalRequestType, readonly string[]>> = {
  complaint: COMPLAINT_SUBCATEGORIES,
  application: [METER_TEST_SUBCATEGORY, 'tariff_change', 'capacity_change', 'name_change', 'other'],
};

export const PortalRequestCreate = z
  .object({
    type: z.enum(PORTAL_REQUEST_TYPES),
    subCategory: z.string().trim().max(40).nullish(),
    title: Text(100),
    description: Text(4000),
    /** Where to be called back; defaults to the phone registered for the account. */
    contactPhone: PhoneNumber.nullish(),
    /** Which of the customer's accounts the request is about; defaults to the one logged in with. */
    accountNo: PortalAccountNo.nullish(),
  })
  .superRefine((v, ctx) => {
    const allowed = PORTAL_SUBCATEGORIES[v.type];
    if (v.type === 'complaint' && !v.subCategory) {
      ctx.addIssue({ code: 'custom', path: ['subCategory'], message: msg('workorder.sub_category') });
    } else if (v.subCategory && (!allowed || !allowed.includes(v.subCategory))) {
      ctx.addIssue({ code: 'custom', path: ['subCategory'], message: msg('portal.sub_category') });
    }
  });
export type PortalRequestCreate = z.infer<typeof PortalRequestCreate>;

export const PortalRequestSummary = z.object({
  caseNo: z.string(),
  type: z.string(),
  subCategory: z.string().nullable(),
  title: z.string(),
  /** Never the internal status: 已受理 / 处理中 / 待您补充资料 / 已答复 / 已办结. */
  externalStatus: z.enum(EXTERNAL_STATUSES),
  acceptedAt: z.string(),
});
export type PortalRequestSummary = z.infer<typeof PortalRequestSummary>;
export const PortalRequestPage = pageOf(PortalRequestSummary);
export const PortalRequestListQuery = PageQuery;
export type PortalRequestListQuery = z.infer<typeof PortalRequestListQuery>;

/** The steps a customer sees; transfers, send-backs, warnings and who handled it stay inside. */
export const PORTAL_EVENT_KINDS = [
  'received',
  'processing',
  'waiting_customer',
  'resumed',
  'progress',
  'replied',
  'reopened',
  'completed',
] as const;
export type PortalEventKind = (typeof PORTAL_EVENT_KINDS)[number];

export const PortalRequestEvent = z.object({
  kind: z.enum(PORTAL_EVENT_KINDS),
  /** Always the service centre (一口对外), never a unit or a person. */
  actorName: z.string(),
  /** Only notes written for the customer (progress notices). */
  note: z.string().nullable(),
  at: z.string(),
});
export type PortalRequestEvent = z.infer<typeof PortalRequestEvent>;

export const PORTAL_RATING_OUTCOMES = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type PortalRatingOutcome = (typeof PORTAL_RATING_OUTCOMES)[number];

export const PortalRequest = PortalRequestSummary.extend({
  description: z.string(),
  /** Shown once the order is replied. */
  replyText: z.string().nullable(),
  repliedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  events: z.array(PortalRequestEvent),
  /** Replied and waiting for the return visit: the customer may rate it here. */
  canRate: z.boolean(),
  /** The customer's latest rating of this order, if any. */
  rating: z
    .object({
      outcome: z.enum(PORTAL_RATING_OUTCOMES),
      comment: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
});
export type PortalRequest = z.infer<typeof PortalRequest>;

export const CaseNoParam = z.object({
  caseNo: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}\d{8,16}$/, { message: msg('portal.case_no') }),
});

export const PortalRatingBody = z.object({
  outcome: z.enum(PORTAL_RATING_OUTCOMES),
  comment: z.string().trim().max(500).nullish(),
});
export type PortalRatingBody = z.infer<typeof PortalRatingBody>;

// --- Inbox and demo ------------------------------------------------------------------------------
export const PortalMessageQuery = PageQuery;
export const PortalMessagePage = pageOf(InAppMessage);

/**
 * Demo only: where the local SMS simulator lists what it received, and an account number to try. Both are
 * null when a real SMS gateway is configured (codes then reach real phones).
 */
export const PortalDemoHint = z.object({
  smsInboxUrl: z.string().nullable(),
  exampleAccountNo: z.string().nullable(),
});
export type PortalDemoHint = z.infer<typeof PortalDemoHint>;
