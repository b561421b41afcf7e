// The transactional outbox (domain.md §17): every capability calls enqueueNotification inside its own
// business transaction, so a message exists if and only if the business change commits. The delivery
// worker sends it later through the channel adapters.
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENT_CATALOGUE,
  NOTIFICATION_EVENT_POLICY,
  msg,
  type NotificationChannel,
  type NotificationEvent,
  type NotificationLanguage,
} from '@gridcare/contracts';
import {
  DEFAULT_QUIET_HOURS,
  deliveryNotBefore,
  isValidMobile,
  normaliseMobile,
  renderTemplate,
  type QuietHours,
  type TemplateEscape,
} from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import { DomainError, type ErrorDetail } from '../../platform/http/errors';
import {
  claimDedupeKey,
  insertOutboxMessage,
  insertOutboxMessages,
  recordDedupeIds,
  signalOutbox,
  type NewOutboxMessage,
} from './outbox.repository';
import {
  findPreferencesOfMany,
  findRecipientPreferences,
  type RecipientPreferences,
} from './preferences.repository';
import { findCurrentTemplates } from './templates.repository';
import type { NotificationTemplate } from '@gridcare/contracts';

export type { NotificationChannel, NotificationEvent } from '@gridcare/contracts';

export interface NotificationRecipient {
  customerId?: number | null;
  contactId?: number | null;
  userId?: number | null;
  portalAccountNo?: string | null;
  email?: string | null;
  mobile?: string | null;
  language?: 'zh-CN' | 'en-US';
}

export interface EnqueueNotification {
  event: NotificationEvent; // e.g. 'workorder.accepted'
  channels?: NotificationChannel[]; // default: from the template set + recipient preferences
  recipient: NotificationRecipient;
  variables: Record<string, string | number>;
  orgUnitId: number | null; // for scoping the delivery list
  entityType?: string;
  entityId?: string | number; // link back (e.g. 'work_order', 123)
  safetyCritical?: boolean; // ignores quiet hours (outage notices)
  dedupeKey?: string; // unique: enqueuing twice with the same key is a no-op (idempotent retries)
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const ESCAPES: Record<NotificationChannel, { subject: TemplateEscape; body: TemplateEscape }> = {
  sms: { subject: 'sms', body: 'sms' },
  email: { subject: 'header', body: 'text' },
  in_app: { subject: 'header', body: 'text' },
};

/** The address a channel delivers to, or null when the recipient has none for it. */
function addressFor(channel: NotificationChannel, r: NotificationRecipient): string | null {
  if (channel === 'sms') return r.mobile ? normaliseMobile(r.mobile) : null;
  if (channel === 'email') return r.email ? r.email.trim() : null;
  if (r.userId != null) return `user:${r.userId}`;
  if (r.portalAccountNo) return `portal:${r.portalAccountNo}`;
  return null;
}

function checkRecipient(r: NotificationRecipient): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (r.mobile && !isValidMobile(r.mobile))
    problems.push({ path: 'recipient.mobile', message: msg('phone.mobile') });
  if (r.email && !EMAIL.test(r.email.trim()))
    problems.push({ path: 'recipient.email', message: msg('email.invalid') });
  return problems;
}

interface Plan {
  channels: NotificationChannel[];
  language: NotificationLanguage;
  quietHours: QuietHours;
  ignoresQuietHours: boolean;
}

type PreferencesOf = (customerId: number | null, contactId: number | null) => RecipientPreferences;

async function planDelivery(
  tx: Db,
  n: EnqueueNotification,
  templates: NotificationTemplate[],
  preferencesOf?: PreferencesOf,
): Promise<Plan> {
  const r = n.recipient;
  const prefs = preferencesOf
    ? preferencesOf(r.customerId ?? null, r.contactId ?? null)
    : await findRecipientPreferences(tx, r.customerId ?? null, r.contactId ?? null);
  const policy = NOTIFICATION_EVENT_POLICY[n.event] ?? {};
  const ignoresQuietHours = Boolean(n.safetyCritical || policy.ignoresQuietHours);
  const allowed = prefs.contact?.channels ?? prefs.customer?.channels ?? [...NOTIFICATION_CHANNELS];
  let channels: NotificationChannel[];
  if (n.channels) {
    channels = [...new Set(n.channels)];
  } else {
    const withTemplate = new Set(templates.map((t) => t.channel));
    channels = NOTIFICATION_CHANNELS.filter((c) => withTemplate.has(c) && addressFor(c, r) !== null);
  }
  // A contact's channel choice is respected, except for safety-critical notices (domain.md §17).
  if (!n.safetyCritical) channels = channels.filter((c) => allowed.includes(c));
  const quietSource = [prefs.contact, prefs.customer].find((p) => p?.quietStart && p.quietEnd);
  return {
    channels,
    language: r.language ?? prefs.contact?.language ?? prefs.customer?.language ?? 'zh-CN',
    quietHours: quietSource
      ? { start: quietSource.quietStart!, end: quietSource.quietEnd! }
      : DEFAULT_QUIET_HOURS,
    ignoresQuietHours,
  };
}

function expiryOf(n: EnqueueNotification, now: Date): Date | null {
  const variable = NOTIFICATION_EVENT_POLICY[n.event]?.validityMinutesVariable;
  if (!variable) return null;
  const minutes = Number(n.variables[variable]);
  if (!Number.isFinite(minutes) || minutes <= 0) return null;
  return new Date(now.getTime() + minutes * 60_000);
}

/** The rendered outbox rows of one notification, or the field problems that refuse it. */
async function planMessages(
  db: Db,
  n: EnqueueNotification,
  templates: Awaited<ReturnType<typeof findCurrentTemplates>>,
  now: Date,
  preferencesOf?: PreferencesOf,
): Promise<{ messages: NewOutboxMessage[]; problems: ErrorDetail[] }> {
  const plan = await planDelivery(db, n, templates, preferencesOf);
  const problems: ErrorDetail[] = [];
  const messages: NewOutboxMessage[] = [];
  for (const [i, channel] of plan.channels.entries()) {
    const where = n.channels ? `channels.${n.channels.indexOf(channel)}` : `channels.${i}`;
    const address = addressFor(channel, n.recipient);
    if (!address) {
      problems.push({ path: where, message: msg('notification.no_address') });
      continue;
    }
    // The recipient's language, else Chinese (every event ships zh-CN templates).
    const template =
      templates.find((t) => t.channel === channel && t.language === plan.language) ??
      templates.find((t) => t.channel === channel && t.language === 'zh-CN');
    if (!template) {
      problems.push({ path: where, message: msg('notification.no_template') });
      continue;
    }
    const subject = template.subject
      ? renderTemplate(template.subject, n.variables, ESCAPES[channel].subject)
      : null;
    const body = renderTemplate(template.body, n.variables, ESCAPES[channel].body);
    const missing = new Set([
      ...(subject && !subject.ok ? subject.missing : []),
      ...(!body.ok ? body.missing : []),
    ]);
    for (const name of missing) {
      if (!problems.some((p) => p.path === `variables.${name}`))
        problems.push({ path: `variables.${name}`, message: msg('notification.variable_missing') });
    }
    if (missing.size || !body.ok || (subject && !subject.ok)) continue;
    messages.push({
      event: n.event,
      channel,
      language: template.language,
      subject: subject?.ok ? subject.text : null,
      body: body.text,
      templateId: template.id,
      templateVersion: template.version,
      smsTemplateCode: template.smsTemplateCode,
      variables: n.variables,
      recipientAddress: address,
      customerId: n.recipient.customerId ?? null,
      contactId: n.recipient.contactId ?? null,
      userId: n.recipient.userId ?? null,
      portalAccountNo: n.recipient.portalAccountNo ?? null,
      orgUnitId: n.orgUnitId,
      entityType: n.entityType ?? null,
      entityId: n.entityId == null ? null : String(n.entityId),
      safetyCritical: plan.ignoresQuietHours,
      expiresAt: expiryOf(n, now),
      dedupeKey: n.dedupeKey ?? null,
      nextAttemptAt: deliveryNotBefore({
        now,
        channel,
        quietHours: plan.quietHours,
        safetyCritical: plan.ignoresQuietHours,
      }),
      createdAt: now,
    });
  }
  return { messages, problems };
}

/**
 * Writes outbox rows with the caller's transaction handle so the message exists iff the business change
 * commits. Answers the outbox ids (one per channel). Throws a validation DomainError (HTTP 400) when a
 * template needs a variable the caller did not give or a requested channel has no address or template.
 */
export async function enqueueNotification(
  tx: Db,
  n: EnqueueNotification,
  opts: { now?: Date } = {},
): Promise<number[]> {
  if (!(n.event in NOTIFICATION_EVENT_CATALOGUE)) {
    throw new DomainError('validation', [{ path: 'event', message: `unknown event ${String(n.event)}` }]);
  }
  const recipientProblems = checkRecipient(n.recipient);
  if (recipientProblems.length) throw new DomainError('validation', recipientProblems);
  const now = opts.now ?? new Date();
  // A refused enqueue must leave nothing behind even if the caller carries on. Without a dedupe key
  // every check comes before the first write, so no savepoint is needed (one round trip less on the
  // busiest path, order intake); claiming a dedupe key writes first, so that case runs in a savepoint.
  const run = async (db: Db) => {
    if (n.dedupeKey) {
      const prior = await claimDedupeKey(db, n.dedupeKey);
      if (prior) return prior;
    }
    const templates = await findCurrentTemplates(db, n.event, now);
    const { messages, problems } = await planMessages(db, n, templates, now);
    if (problems.length) throw new DomainError('validation', problems);
    const ids: number[] = [];
    for (const m of messages) ids.push(await insertOutboxMessage(db, m));
    if (n.dedupeKey) await recordDedupeIds(db, n.dedupeKey, ids);
    if (ids.length) await signalOutbox(db);
    return ids;
  };
  return n.dedupeKey ? tx.transaction(run) : run(tx);
}

/**
 * Many notifications in one go, for internal callers that fan out (the SLA sweep warns hundreds of
 * handlers and supervisors in one pass): each event's templates are read once and all rows are written in
 * one statement. No dedupe keys — the caller's own transaction makes it happen once. A notification that
 * cannot be rendered (no address, no template, a missing variable) is skipped and reported back.
 */
export async function enqueueNotifications(
  tx: Db,
  list: readonly Omit<EnqueueNotification, 'dedupeKey'>[],
  opts: { now?: Date } = {},
): Promise<{ queued: number; refused: { index: number; problems: ErrorDetail[] }[] }> {
  const now = opts.now ?? new Date();
  const templatesByEvent = new Map<string, Awaited<ReturnType<typeof findCurrentTemplates>>>();
  const rows: NewOutboxMessage[] = [];
  const refused: { index: number; problems: ErrorDetail[] }[] = [];
  const preferencesOf = await findPreferencesOfMany(
    tx,
    list.map((n) => n.recipient),
  );
  for (const [index, n] of list.entries()) {
    const recipientProblems = n.event in NOTIFICATION_EVENT_CATALOGUE ? checkRecipient(n.recipient) : [];
    if (!(n.event in NOTIFICATION_EVENT_CATALOGUE) || recipientProblems.length) {
      refused.push({
        index,
        problems: recipientProblems.length
          ? recipientProblems
          : [{ path: 'event', message: 'unknown event' }],
      });
      continue;
    }
    let templates = templatesByEvent.get(n.event);
    if (!templates) {
      templates = await findCurrentTemplates(tx, n.event, now);
      templatesByEvent.set(n.event, templates);
    }
    const { messages, problems } = await planMessages(tx, n, templates, now, preferencesOf);
    if (problems.length) refused.push({ index, problems });
    else rows.push(...messages);
  }
  await insertOutboxMessages(tx, rows);
  if (rows.length) await signalOutbox(tx);
  return { queued: rows.length, refused };
}
