// The in-app inbox of staff users and portal accounts.
import type { InAppMessage } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';

interface InAppRow {
  id: number;
  event: string;
  title: string;
  body: string;
  entity_type: string | null;
  entity_id: string | null;
  read_at: string | null;
  created_at: string;
}

function toMessage(r: InAppRow): InAppMessage {
  return {
    id: r.id,
    event: r.event,
    title: r.title,
    body: r.body,
    entityType: r.entity_type,
    entityId: r.entity_id,
    readAt: r.read_at,
    createdAt: r.created_at,
  };
}

/** Idempotent per outbox row: a re-delivery after a lost acknowledgement adds no second message. */
export async function insertInAppMessage(
  db: Db,
  m: {
    outboxId: number;
    userId: number | null;
    portalAccountNo: string | null;
    event: string;
    title: string;
    body: string;
    entityType: string | null;
    entityId: string | null;
    orgUnitId: number | null;
  },
): Promise<number> {
  const r = await db.query<{ id: number }>(
    `WITH ins AS (
       INSERT INTO in_app_messages(outbox_id, user_id, portal_account_no, event, title, body, entity_type,
                                   entity_id, org_unit_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
       ON CONFLICT (outbox_id) DO NOTHING RETURNING id)
     SELECT id FROM ins UNION ALL SELECT id FROM in_app_messages WHERE outbox_id = $1`,
    [
      m.outboxId,
      m.userId,
      m.portalAccountNo,
      m.event,
      m.title,
      m.body,
      m.entityType,
      m.entityId,
      m.orgUnitId,
    ],
  );
  return r.rows[0].id;
}

export async function listUserInbox(
  db: Db,
  userId: number,
  q: { page: number; pageSize: number; unreadOnly: boolean },
): Promise<{ items: InAppMessage[]; total: number }> {
  const filter = `user_id = $1 AND ($2::boolean = false OR read_at IS NULL)`;
  const rows = await db.query<InAppRow>(
    `SELECT id, event, title, body, entity_type, entity_id, read_at, created_at FROM in_app_messages
      WHERE ${filter} ORDER BY id DESC LIMIT $3 OFFSET $4`,
    [userId, q.unreadOnly, q.pageSize, (q.page - 1) * q.pageSize],
  );
  const total = await db.query<{ n: number }>(`SELECT count(*) AS n FROM in_app_messages WHERE ${filter}`, [
    userId,
    q.unreadOnly,
  ]);
  return { items: rows.rows.map(toMessage), total: total.rows[0].n };
}

/** The portal inbox: messages addressed `portal:<accountNo>` to any of a customer's account numbers. */
export async function listPortalInbox(
  db: Db,
  accountNos: string[],
  q: { page: number; pageSize: number },
): Promise<{ items: InAppMessage[]; total: number }> {
  const filter = `portal_account_no = ANY($1::text[])`;
  const rows = await db.query<InAppRow>(
    `SELECT id, event, title, body, entity_type, entity_id, read_at, created_at FROM in_app_messages
      WHERE ${filter} ORDER BY id DESC LIMIT $2 OFFSET $3`,
    [accountNos, q.pageSize, (q.page - 1) * q.pageSize],
  );
  const total = await db.query<{ n: number }>(`SELECT count(*) AS n FROM in_app_messages WHERE ${filter}`, [
    accountNos,
  ]);
  return { items: rows.rows.map(toMessage), total: total.rows[0].n };
}

export async function countUnread(db: Db, userId: number): Promise<number> {
  const r = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM in_app_messages WHERE user_id = $1 AND read_at IS NULL`,
    [userId],
  );
  return r.rows[0].n;
}

/** Marks one of the user's own messages read; null when it is not theirs. Reading twice keeps the first time. */
export async function markRead(db: Db, userId: number, id: number, now: Date): Promise<InAppMessage | null> {
  const r = await db.query<InAppRow>(
    `UPDATE in_app_messages SET read_at = COALESCE(read_at, $3)
      WHERE id = $1 AND user_id = $2
      RETURNING id, event, title, body, entity_type, entity_id, read_at, created_at`,
    [id, userId, now.toISOString()],
  );
  return r.rows[0] ? toMessage(r.rows[0]) : null;
}

export async function markAllRead(db: Db, userId: number, now: Date): Promise<number> {
  const r = await db.query(`UPDATE in_app_messages SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL`, [
    userId,
    now.toISOString(),
  ]);
  return r.rowCount;
}
