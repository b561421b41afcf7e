// The notifications platform's API contract (通知, domain.md §17): the event catalogue, deliveries
// (the outbox), dead letters, templates, contact preferences and the in-app inbox.
import { z } from 'zod';
import { Id, IsoDateTime, PageQuery, VersionField, pageOf } from './common';
import { msg } from './messages';
import { HourMinute } from './validators';

export const NOTIFICATION_CHANNELS = ['sms', 'email', 'in_app'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_LANGUAGES = ['zh-CN', 'en-US'] as const;
export type NotificationLanguage = (typeof NOTIFICATION_LANGUAGES)[number];

export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** What the SMS gateway reported back for a message it accepted. */
export const DELIVERY_REPORT_STATUSES = ['delivered', 'undelivered'] as const;
export type DeliveryReportStatus = (typeof DELIVERY_REPORT_STATUSES)[number];

/**
 * Every event GridCare notifies about, with the variables a caller must supply. Templates may use only
 * these variables; enqueueing without one a template uses is refused (400), never a half-filled SMS.
 */
export const NOTIFICATION_EVENT_CATALOGUE = {
  'workorder.accepted': { audience: 'customer', variables: ['orderNo', 'orderType', 'customerName'] },
  'workorder.progress': { audience: 'customer', variables: ['orderNo', 'statusText', 'note'] },
  'workorder.replied': { audience: 'customer', variables: ['orderNo', 'reply'] },
  // 回访 return-visit survey: the customer answers by link or by replying a digit to the SMS.
  'workorder.survey': { audience: 'customer', variables: ['orderNo', 'surveyUrl'] },
  // SLA warnings (50 % / 80 %) and breach go to staff (domain.md §4).
  'workorder.warning': { audience: 'staff', variables: ['orderNo', 'percent', 'dueAt', 'handlerName'] },
  'workorder.breach': { audience: 'staff', variables: ['orderNo', 'dueAt', 'handlerName'] },
  // Portal login code: goes out even in quiet hours and is never retried after `minutes` have passed.
  'portal.verification_code': { audience: 'customer', variables: ['code', 'minutes'] },
  // Payments and arrears (domain.md §10): due-date reminder, disconnection notice and its 30-minute reminder.
  'payment.due_reminder': { audience: 'customer', variables: ['accountNo', 'period', 'amount', 'dueDate'] },
  'payment.disconnection_notice': { audience: 'customer', variables: ['accountNo', 'amount', 'plannedAt'] },
  'payment.disconnection_reminder': { audience: 'customer', variables: ['accountNo', 'plannedAt'] },
  // 6 consecutive months without a meter read: notice that supply will be terminated (domain.md §8).
  'metering.termination_notice': { audience: 'customer', variables: ['accountNo', 'months'] },
} as const satisfies Record<string, { audience: 'customer' | 'staff'; variables: readonly string[] }>;

export type NotificationEvent = keyof typeof NOTIFICATION_EVENT_CATALOGUE;
export const NOTIFICATION_EVENTS = Object.keys(NOTIFICATION_EVENT_CATALOGUE) as NotificationEvent[];

/** Events delivered regardless of quiet hours, and the variable (minutes) after which they expire. */
export const NOTIFICATION_EVENT_POLICY: Partial<
  Record<NotificationEvent, { ignoresQuietHours?: boolean; validityMinutesVariable?: string }>
> = {
  'portal.verification_code': { ignoresQuietHours: true, validityMinutesVariable: 'minutes' },
};

export const NotificationEventSchema = z.enum(
  NOTIFICATION_EVENTS as [NotificationEvent, ...NotificationEvent[]],
);
export const NotificationChannelSchema = z.enum(NOTIFICATION_CHANNELS);
export const NotificationLanguageSchema = z.enum(NOTIFICATION_LANGUAGES);
export const NotificationStatusSchema = z.enum(NOTIFICATION_STATUSES);

// --- Deliveries (the outbox) ------------------------------------------------------------------------
export const NotificationDeliveryQuery = PageQuery.extend({
  status: NotificationStatusSchema.optional(),
  channel: NotificationChannelSchema.optional(),
  event: NotificationEventSchema.optional(),
  /** Created at or after (ISO date-time or YYYY-MM-DD, Asia/Shanghai). */
  from: z.string().trim().max(40).optional(),
  /** Created before. */
  to: z.string().trim().max(40).optional(),
  q: z.string().trim().max(100).optional(),
});
export type NotificationDeliveryQuery = z.infer<typeof NotificationDeliveryQuery>;

export const NotificationDelivery = z.object({
  id: z.number(),
  event: z.string(),
  channel: NotificationChannelSchema,
  language: NotificationLanguageSchema,
  status: NotificationStatusSchema,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  subject: z.string().nullable(),
  body: z.string(),
  recipientAddress: z.string(),
  customerId: z.number().nullable(),
  contactId: z.number().nullable(),
  userId: z.number().nullable(),
  portalAccountNo: z.string().nullable(),
  orgUnitId: z.number().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  safetyCritical: z.boolean(),
  expiresAt: z.string().nullable(),
  templateVersion: z.number().nullable(),
  providerMessageId: z.string().nullable(),
  reportStatus: z.enum(DELIVERY_REPORT_STATUSES).nullable(),
  reportedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NotificationDelivery = z.infer<typeof NotificationDelivery>;
export const NotificationDeliveryPage = pageOf(NotificationDelivery);

export const NotificationRetryBody = z.object({ ids: z.array(Id).min(1).max(500) });
export type NotificationRetryBody = z.infer<typeof NotificationRetryBody>;
export const NotificationRetryResult = z.object({
  retried: z.number().int(),
  /** Ids that were not retried: not found, out of scope, already sent/pending, or expired. */
  skipped: z.array(z.number()),
});
export type NotificationRetryResult = z.infer<typeof NotificationRetryResult>;

// --- Templates --------------------------------------------------------------------------------------
export const NotificationTemplateQuery = z.object({
  event: NotificationEventSchema.optional(),
  channel: NotificationChannelSchema.optional(),
  language: NotificationLanguageSchema.optional(),
});
export type NotificationTemplateQuery = z.infer<typeof NotificationTemplateQuery>;

export const NotificationTemplate = z.object({
  id: z.number(),
  event: NotificationEventSchema,
  channel: NotificationChannelSchema,
  language: NotificationLanguageSchema,
  subject: z.string().nullable(),
  body: z.string(),
  /** The SMS gateway's pre-approved template code (sms only). */
  smsTemplateCode: z.string().nullable(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  updatedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationTemplate = z.infer<typeof NotificationTemplate>;
export const NotificationTemplateList = z.object({ items: z.array(NotificationTemplate) });

const TemplateText = (max: number) => z.string().max(max);

export const NotificationTemplateUpdate = z.object({
  subject: TemplateText(200).trim().nullish(),
  body: TemplateText(2000).trim().min(1),
  smsTemplateCode: z.string().trim().max(50).nullish(),
  /** The version this edit was based on: a newer version in between answers 409. */
  version: VersionField,
});
export type NotificationTemplateUpdate = z.infer<typeof NotificationTemplateUpdate>;

export const NotificationTemplatePreviewBody = z.object({
  event: NotificationEventSchema,
  channel: NotificationChannelSchema,
  subject: TemplateText(200).nullish(),
  body: TemplateText(2000).min(1),
  /** Values to fill in; missing ones are filled with sample values. */
  variables: z.record(z.string(), z.union([z.string().max(500), z.number()])).optional(),
});
export type NotificationTemplatePreviewBody = z.infer<typeof NotificationTemplatePreviewBody>;
export const NotificationTemplatePreview = z.object({
  subject: z.string().nullable(),
  body: z.string(),
  /** Characters of the SMS including the signature, and how many segments (70/67 characters) it bills. */
  smsLength: z.number().int().nullable(),
  smsSegments: z.number().int().nullable(),
});
export type NotificationTemplatePreview = z.infer<typeof NotificationTemplatePreview>;

// --- Contact preferences ----------------------------------------------------------------------------
export const ContactPreferenceInput = z
  .object({
    /** Null: the customer-wide default; otherwise one contact of the customer. */
    contactId: Id.nullable(),
    channels: z.array(NotificationChannelSchema).max(3),
    quietStart: HourMinute.nullable(),
    quietEnd: HourMinute.nullable(),
    language: NotificationLanguageSchema.nullable(),
    /** Required when the preference already exists. */
    version: VersionField.optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.quietStart === null) !== (v.quietEnd === null)) {
      ctx.addIssue({ code: 'custom', path: ['quietEnd'], message: msg('notification.quiet_pair') });
    }
  });
export type ContactPreferenceInput = z.infer<typeof ContactPreferenceInput>;

export const ContactPreference = z.object({
  id: z.number(),
  customerId: z.number(),
  contactId: z.number().nullable(),
  channels: z.array(NotificationChannelSchema),
  quietStart: z.string().nullable(),
  quietEnd: z.string().nullable(),
  language: NotificationLanguageSchema.nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type ContactPreference = z.infer<typeof ContactPreference>;
export const ContactPreferenceList = z.object({ items: z.array(ContactPreference) });

// --- In-app inbox -----------------------------------------------------------------------------------
export const InboxQuery = PageQuery.extend({ unreadOnly: z.enum(['true', 'false']).optional() });
export type InboxQuery = z.infer<typeof InboxQuery>;
export const InAppMessage = z.object({
  id: z.number(),
  event: z.string(),
  title: z.string(),
  body: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type InAppMessage = z.infer<typeof InAppMessage>;
export const InboxPage = pageOf(InAppMessage);
export const InboxUnreadCount = z.object({ unread: z.number().int() });
export const InboxMarkAllResult = z.object({ marked: z.number().int() });

// --- SMS gateway delivery reports (the gateway calls GridCare) -------------------------------------
export const SmsDeliveryReportItem = z.object({
  messageId: z.string().min(1).max(100),
  outId: z.string().max(100).nullish(),
  mobile: z.string().max(20),
  status: z.enum(['DELIVERED', 'UNDELIVERED']),
  errorCode: z.string().max(50).nullish(),
  reportTime: z.string().max(40),
});
export const SmsDeliveryReportBody = z.object({
  appKey: z.string().min(1).max(100),
  timestamp: z.string().regex(/^\d{10,13}$/),
  nonce: z.string().min(8).max(64),
  reports: z.array(SmsDeliveryReportItem).min(1).max(1000),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});
export type SmsDeliveryReportBody = z.infer<typeof SmsDeliveryReportBody>;
export const SmsDeliveryReportResult = z.object({ code: z.literal('OK'), updated: z.number().int() });

// --- Test send (an administrator tries a template on themselves) -----------------------------------
export const NotificationTestSendBody = z.object({
  event: NotificationEventSchema,
  channels: z.array(NotificationChannelSchema).min(1).max(3),
  language: NotificationLanguageSchema.optional(),
  mobile: z.string().trim().max(20).optional(),
  email: z.string().trim().max(200).optional(),
  variables: z.record(z.string().max(50), z.union([z.string().max(500), z.number()])),
});
export type NotificationTestSendBody = z.infer<typeof NotificationTestSendBody>;
export const NotificationTestSendResult = z.object({ ids: z.array(z.number()) });
