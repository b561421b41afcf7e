// The delivery list (the outbox seen by administrators), scoped by org unit, and manual retries.
import type { NotificationDelivery } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';
import type { OutboxRow } from './outbox.repository';

export interface DeliveryFilter {
  status?: string;
  channel?: string;
  event?: string;
  from?: Date;
  to?: Date;
  q?: string;
}

/** Which rows the caller sees: their org units, plus rows without a unit when they see the whole company. */
export interface DeliveryScope {
  orgIds: number[];
  wholeCompany: boolean;
}

export function toDelivery(r: OutboxRow): NotificationDelivery {
  return {
    id: r.id,
    event: r.event,
    channel: r.channel,
    language: r.language,
    status: r.status,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    subject: r.subject,
    body: r.body,
    recipientAddress: r.recipient_address,
    customerId: r.customer_id,
    contactId: r.contact_id,
    userId: r.user_id,
    portalAccountNo: r.portal_account_no,
    orgUnitId: r.org_unit_id,
    entityType: r.entity_type,
    entityId: r.entity_id,
    safetyCritical: r.safety_critical,
    expiresAt: r.expires_at,
    templateVersion: r.template_version,
    providerMessageId: r.provider_message_id,
    reportStatus: r.report_status,
    reportedAt: r.reported_at,
    sentAt: r.sent_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function coversWholeCompany(db: Db, scopeOrgIds: number[]): Promise<boolean> {
  const r = await db.query(
    `SELECT 1 FROM org_units WHERE parent_id IS NULL AND id = ANY($1::bigint[]) LIMIT 1`,
    [scopeOrgIds],
  );
  return r.rowCount > 0;
}

const SCOPE = `(o.org_unit_id = ANY($1::bigint[]) OR (o.org_unit_id IS NULL AND $2::boolean))`;

function whereOf(f: DeliveryFilter, scope: DeliveryScope): { sql: string; params: unknown[] } {
  const params: unknown[] = [scope.orgIds, scope.wholeCompany];
  const parts = [SCOPE];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    parts.push(sql.replace('?', `$${params.length}`));
  };
  if (f.status) add('o.status = ?', f.status);
  if (f.channel) add('o.channel = ?', f.channel);
  if (f.event) add('o.event = ?', f.event);
  if (f.from) add('o.created_at >= ?', f.from.toISOString());
  if (f.to) add('o.created_at < ?', f.to.toISOString());
  if (f.q) {
    params.push('%' + f.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%', f.q);
    parts.push(`(o.recipient_address LIKE $${params.length - 1} OR o.entity_id = $${params.length})`);
  }
  return { sql: parts.join(' AND '), params };
}

export async function listDeliveries(
  db: Db,
  f: DeliveryFilter,
  scope: DeliveryScope,
  page: { page: number; pageSize: number },
): Promise<{ items: NotificationDelivery[]; total: number }> {
  const w = whereOf(f, scope);
  const n = w.params.length;
  const rows = await db.query<OutboxRow>(
    `SELECT o.* FROM notification_outbox o WHERE ${w.sql}
      ORDER BY o.created_at DESC, o.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...w.params, page.pageSize, (page.page - 1) * page.pageSize],
  );
  const total = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM notification_outbox o WHERE ${w.sql}`,
    w.params,
  );
  return { items: rows.rows.map(toDelivery), total: total.rows[0].n };
}

export async function findDeliveryInScope(
  db: Db,
  id: number,
  scope: DeliveryScope,
): Promise<OutboxRow | null> {
  const r = await db.query<OutboxRow>(`SELECT o.* FROM notification_outbox o WHERE ${SCOPE} AND o.id = $3`, [
    scope.orgIds,
    scope.wholeCompany,
    id,
  ]);
  return r.rows[0] ?? null;
}

/**
 * Puts dead or failed messages back in the queue for an immediate attempt with a fresh retry budget.
 * Expired messages (a login code past its validity) stay dead. Answers the ids requeued.
 */
export async function requeueDeliveries(
  db: Db,
  ids: number[],
  scope: DeliveryScope,
  now: Date,
): Promise<number[]> {
  const r = await db.query<{ id: number }>(
    `UPDATE notification_outbox o
        SET status = 'pending', attempts = 0, next_attempt_at = $4, last_error = NULL, updated_at = $4
      WHERE ${SCOPE} AND o.id = ANY($3::bigint[]) AND o.status IN ('dead','failed')
        AND (o.expires_at IS NULL OR o.expires_at > $4)
      RETURNING o.id`,
    [scope.orgIds, scope.wholeCompany, ids, now.toISOString()],
  );
  return r.rows.map((x) => x.id).sort((a, b) => a - b);
}

/** Records the gateway's delivery report on the message it sent; answers how many rows matched. */
export async function recordSmsReport(
  db: Db,
  r: { messageId: string; status: 'delivered' | 'undelivered'; error: string | null; reportedAt: Date },
): Promise<number> {
  const u = await db.query(
    `UPDATE notification_outbox SET report_status = $2, report_error = $3, reported_at = $4, updated_at = now()
      WHERE provider_message_id = $1 AND channel = 'sms'`,
    [r.messageId, r.status, r.error, r.reportedAt.toISOString()],
  );
  return u.rowCount;
}
