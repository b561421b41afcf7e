// The notification outbox's SQL: inserting messages, the worker's claim and result updates, dedupe keys.
import type { NotificationChannel, NotificationLanguage, NotificationStatus } from '@gridcare/contracts';
import { databaseKey, type Db } from '../../platform/db/db';

/** Postgres NOTIFY channel: sent in the enqueueing transaction, so it reaches listeners only on commit. */
export const OUTBOX_NOTIFY_CHANNEL = 'gridcare_notifications';

export interface OutboxRow {
  id: number;
  created_at: string;
  event: string;
  channel: NotificationChannel;
  language: NotificationLanguage;
  status: NotificationStatus;
  attempts: number;
  max_attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  subject: string | null;
  body: string;
  template_id: number | null;
  template_version: number | null;
  sms_template_code: string | null;
  variables: Record<string, string | number>;
  recipient_address: string;
  customer_id: number | null;
  contact_id: number | null;
  user_id: number | null;
  portal_account_no: string | null;
  org_unit_id: number | null;
  entity_type: string | null;
  entity_id: string | null;
  safety_critical: boolean;
  expires_at: string | null;
  dedupe_key: string | null;
  provider_message_id: string | null;
  report_status: 'delivered' | 'undelivered' | null;
  report_error: string | null;
  reported_at: string | null;
  sent_at: string | null;
  updated_at: string;
}

export interface NewOutboxMessage {
  event: string;
  channel: NotificationChannel;
  language: NotificationLanguage;
  subject: string | null;
  body: string;
  templateId: number;
  templateVersion: number;
  smsTemplateCode: string | null;
  variables: Record<string, string | number>;
  recipientAddress: string;
  customerId: number | null;
  contactId: number | null;
  userId: number | null;
  portalAccountNo: string | null;
  orgUnitId: number | null;
  entityType: string | null;
  entityId: string | null;
  safetyCritical: boolean;
  expiresAt: Date | null;
  dedupeKey: string | null;
  nextAttemptAt: Date;
  createdAt: Date;
}

export async function insertOutboxMessage(db: Db, m: NewOutboxMessage): Promise<number> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO notification_outbox(
       created_at, updated_at, event, channel, language, subject, body, template_id, template_version,
       sms_template_code, variables, recipient_address, customer_id, contact_id, user_id, portal_account_no,
       org_unit_id, entity_type, entity_id, safety_critical, expires_at, dedupe_key, next_attempt_at)
     VALUES ($1,$1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22)
     RETURNING id`,
    [
      m.createdAt.toISOString(),
      m.event,
      m.channel,
      m.language,
      m.subject,
      m.body,
      m.templateId,
      m.templateVersion,
      m.smsTemplateCode,
      JSON.stringify(m.variables),
      m.recipientAddress,
      m.customerId,
      m.contactId,
      m.userId,
      m.portalAccountNo,
      m.orgUnitId,
      m.entityType,
      m.entityId,
      m.safetyCritical,
      m.expiresAt?.toISOString() ?? null,
      m.dedupeKey,
      m.nextAttemptAt.toISOString(),
    ],
  );
  return r.rows[0].id;
}

// A NOTIFY inside the business transaction takes PostgreSQL's notification lock at commit and holds it
// until the commit is flushed, which serialises every committing transaction that notifies — order
// intake then runs one commit at a time. So the wake-up is sent after the commit, outside the
// transaction, and coalesced: at most one NOTIFY per process every SIGNAL_COALESCE_MS.
const SIGNAL_COALESCE_MS = 20;
const pendingSignal = new WeakSet<object>();

/** Many rows in one statement (the rows of one enqueueNotifications call). */
export async function insertOutboxMessages(db: Db, list: NewOutboxMessage[]): Promise<void> {
  if (list.length === 0) return;
  const rows = list.map((m) => ({
    created_at: m.createdAt.toISOString(),
    event: m.event,
    channel: m.channel,
    language: m.language,
    subject: m.subject,
    body: m.body,
    template_id: m.templateId,
    template_version: m.templateVersion,
    sms_template_code: m.smsTemplateCode,
    variables: m.variables,
    recipient_address: m.recipientAddress,
    customer_id: m.customerId,
    contact_id: m.contactId,
    user_id: m.userId,
    portal_account_no: m.portalAccountNo,
    org_unit_id: m.orgUnitId,
    entity_type: m.entityType,
    entity_id: m.entityId,
    safety_critical: m.safetyCritical,
    expires_at: m.expiresAt?.toISOString() ?? null,
    next_attempt_at: m.nextAttemptAt.toISOString(),
  }));
  await db.query(
    `INSERT INTO notification_outbox(
       created_at, updated_at, event, channel, language, subject, body, template_id, template_version,
       sms_template_code, variables, recipient_address, customer_id, contact_id, user_id, portal_account_no,
       org_unit_id, entity_type, entity_id, safety_critical, expires_at, next_attempt_at)
     SELECT x.created_at, x.created_at, x.event, x.channel, x.language, x.subject, x.body, x.template_id,
            x.template_version, x.sms_template_code, x.variables, x.recipient_address, x.customer_id, x.contact_id,
            x.user_id, x.portal_account_no, x.org_unit_id, x.entity_type, x.entity_id, x.safety_critical,
            x.expires_at, x.next_attempt_at
       FROM jsonb_to_recordset($1::jsonb) AS x(created_at timestamptz, event text, channel text, language text,
            subject text, body text, template_id bigint, template_version int, sms_template_code text, variables jsonb,
            recipient_address text, customer_id bigint, contact_id bigint, user_id bigint, portal_account_no text,
            org_unit_id bigint, entity_type text, entity_id text, safety_critical boolean, expires_at timestamptz,
            next_attempt_at timestamptz)`,
    [JSON.stringify(rows)],
  );
}

/** Tells listening workers that messages are waiting, once the enqueueing transaction has committed. */
export async function signalOutbox(db: Db): Promise<void> {
  db.afterCommit((root) => {
    const key = databaseKey(root);
    if (pendingSignal.has(key)) return;
    pendingSignal.add(key);
    setTimeout(() => {
      pendingSignal.delete(key);
      root.query(`SELECT pg_notify($1, '')`, [OUTBOX_NOTIFY_CHANNEL]).catch(() => undefined);
    }, SIGNAL_COALESCE_MS);
  });
}

/**
 * Claims the key for this enqueue. Null when claimed; otherwise the outbox ids of the enqueue that
 * claimed it first (a concurrent first enqueue blocks this one on the primary key until it commits).
 */
export async function claimDedupeKey(db: Db, key: string): Promise<number[] | null> {
  const claimed = await db.query(
    `INSERT INTO notification_dedupe_keys(dedupe_key) VALUES ($1) ON CONFLICT DO NOTHING RETURNING dedupe_key`,
    [key],
  );
  if (claimed.rowCount > 0) return null;
  const prior = await db.query<{ outbox_ids: number[] }>(
    `SELECT outbox_ids FROM notification_dedupe_keys WHERE dedupe_key = $1`,
    [key],
  );
  return (prior.rows[0]?.outbox_ids ?? []).map(Number);
}

export async function recordDedupeIds(db: Db, key: string, ids: number[]): Promise<void> {
  await db.query(`UPDATE notification_dedupe_keys SET outbox_ids = $2::bigint[] WHERE dedupe_key = $1`, [
    key,
    ids,
  ]);
}

/**
 * Claims up to `limit` due messages for sending: waiting rows whose time has come and rows whose
 * sending lease ran out (the worker that held them died). Each claim counts as an attempt and holds
 * the row until `leaseUntil`; SKIP LOCKED lets several workers claim side by side.
 */
export async function claimDueMessages(
  db: Db,
  opts: { now: Date; leaseUntil: Date; limit: number },
): Promise<OutboxRow[]> {
  const r = await db.query<OutboxRow>(
    `WITH due AS (
       SELECT id, created_at FROM notification_outbox
        WHERE status IN ('pending','failed','sending') AND next_attempt_at <= $1
        ORDER BY next_attempt_at, id
        LIMIT $3
        FOR UPDATE SKIP LOCKED)
     UPDATE notification_outbox o
        SET status = 'sending', attempts = o.attempts + 1, next_attempt_at = $2, updated_at = $1
       FROM due
      WHERE o.id = due.id AND o.created_at = due.created_at
     RETURNING o.*`,
    [opts.now.toISOString(), opts.leaseUntil.toISOString(), opts.limit],
  );
  return r.rows;
}

/** The claim a result belongs to: the row is updated only if nobody re-claimed it since. */
export interface ClaimRef {
  id: number;
  createdAt: string;
  attempts: number;
}

const STILL_MINE = `id = $1 AND created_at = $2 AND status = 'sending' AND attempts = $3`;

export interface SentClaim extends ClaimRef {
  providerMessageId: string | null;
}

/** Records a batch of successful sends in one statement; returns how many rows were still this claim's. */
export async function markSentMany(db: Db, sent: SentClaim[], now: Date): Promise<number> {
  const u = await db.query(
    `UPDATE notification_outbox o
        SET status = 'sent', sent_at = $5, next_attempt_at = NULL, last_error = NULL,
            provider_message_id = s.provider_id, updated_at = $5
       FROM unnest($1::bigint[], $2::timestamptz[], $3::int[], $4::text[])
              AS s(id, created_at, attempts, provider_id)
      WHERE o.id = s.id AND o.created_at = s.created_at AND o.status = 'sending' AND o.attempts = s.attempts`,
    [
      sent.map((c) => c.id),
      sent.map((c) => c.createdAt),
      sent.map((c) => c.attempts),
      sent.map((c) => c.providerMessageId),
      now.toISOString(),
    ],
  );
  return u.rowCount;
}

export async function markFailed(
  db: Db,
  claim: ClaimRef,
  r: { now: Date; error: string; nextAttemptAt: Date | null },
): Promise<boolean> {
  const u = await db.query(
    `UPDATE notification_outbox
        SET status = CASE WHEN $6::timestamptz IS NULL THEN 'dead' ELSE 'failed' END,
            next_attempt_at = $6, last_error = $5, updated_at = $4
      WHERE ${STILL_MINE}`,
    [
      claim.id,
      claim.createdAt,
      claim.attempts,
      r.now.toISOString(),
      r.error.slice(0, 2000),
      r.nextAttemptAt?.toISOString() ?? null,
    ],
  );
  return u.rowCount > 0;
}

export async function findOutboxRow(db: Db, id: number): Promise<OutboxRow | null> {
  const r = await db.query<OutboxRow>(`SELECT * FROM notification_outbox WHERE id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function findOutboxRows(db: Db, ids: number[]): Promise<OutboxRow[]> {
  const r = await db.query<OutboxRow>(
    `SELECT * FROM notification_outbox WHERE id = ANY($1::bigint[]) ORDER BY id`,
    [ids],
  );
  return r.rows;
}
