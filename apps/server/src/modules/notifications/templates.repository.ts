// Notification templates: the version in force for an event/channel/language, history and new versions.
import type {
  NotificationChannel,
  NotificationLanguage,
  NotificationTemplate,
  NotificationTemplateQuery,
} from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';

interface TemplateRow {
  id: number;
  event: NotificationTemplate['event'];
  channel: NotificationChannel;
  language: NotificationLanguage;
  subject: string | null;
  body: string;
  sms_template_code: string | null;
  version: number;
  effective_from: string;
  effective_to: string | null;
  updated_by_name: string | null;
  created_at: string;
}

function toTemplate(r: TemplateRow): NotificationTemplate {
  return {
    id: r.id,
    event: r.event,
    channel: r.channel,
    language: r.language,
    subject: r.subject,
    body: r.body,
    smsTemplateCode: r.sms_template_code,
    version: r.version,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
    updatedByName: r.updated_by_name,
    createdAt: r.created_at,
  };
}

const COLUMNS = `id, event, channel, language, subject, body, sms_template_code, version, effective_from,
  effective_to, updated_by_name, created_at`;

/** Every channel's and language's template in force at `at` for one event, in one round trip. */
export async function findCurrentTemplates(db: Db, event: string, at: Date): Promise<NotificationTemplate[]> {
  const r = await db.query<TemplateRow>(
    `SELECT DISTINCT ON (channel, language) ${COLUMNS} FROM notification_templates
      WHERE event = $1 AND effective_from <= $2
      ORDER BY channel, language, effective_from DESC, version DESC`,
    [event, at.toISOString()],
  );
  return r.rows.map(toTemplate);
}

/** The latest version of every event/channel/language, filtered. */
export async function listLatestTemplates(
  db: Db,
  q: NotificationTemplateQuery,
): Promise<NotificationTemplate[]> {
  const r = await db.query<TemplateRow>(
    `SELECT DISTINCT ON (event, channel, language) ${COLUMNS} FROM notification_templates
      WHERE ($1::text IS NULL OR event = $1) AND ($2::text IS NULL OR channel = $2)
        AND ($3::text IS NULL OR language = $3)
      ORDER BY event, channel, language, version DESC`,
    [q.event ?? null, q.channel ?? null, q.language ?? null],
  );
  return r.rows.map(toTemplate);
}

export async function findTemplate(db: Db, id: number): Promise<NotificationTemplate | null> {
  const r = await db.query<TemplateRow>(`SELECT ${COLUMNS} FROM notification_templates WHERE id = $1`, [id]);
  return r.rows[0] ? toTemplate(r.rows[0]) : null;
}

export async function templateHistory(db: Db, id: number): Promise<NotificationTemplate[]> {
  const r = await db.query<TemplateRow>(
    `SELECT ${COLUMNS} FROM notification_templates t
      WHERE (t.event, t.channel, t.language) = (SELECT event, channel, language FROM notification_templates WHERE id = $1)
      ORDER BY version DESC`,
    [id],
  );
  return r.rows.map(toTemplate);
}

/** Locks the family's rows and answers its latest version (concurrent edits queue behind the lock). */
export async function lockLatestVersion(
  db: Db,
  key: { event: string; channel: string; language: string },
): Promise<number> {
  const r = await db.query<{ version: number }>(
    `SELECT version FROM notification_templates WHERE event = $1 AND channel = $2 AND language = $3
      ORDER BY version DESC FOR UPDATE`,
    [key.event, key.channel, key.language],
  );
  return r.rows[0]?.version ?? 0;
}

export async function insertTemplateVersion(
  db: Db,
  t: {
    event: string;
    channel: string;
    language: string;
    subject: string | null;
    body: string;
    smsTemplateCode: string | null;
    version: number;
    effectiveFrom: Date;
    updatedBy: { id: number; name: string };
  },
): Promise<number> {
  await db.query(
    `UPDATE notification_templates SET effective_to = $4, updated_at = $4
      WHERE event = $1 AND channel = $2 AND language = $3 AND effective_to IS NULL`,
    [t.event, t.channel, t.language, t.effectiveFrom.toISOString()],
  );
  const r = await db.query<{ id: number }>(
    `INSERT INTO notification_templates(event, channel, language, subject, body, sms_template_code, version,
       effective_from, updated_by, updated_by_name)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
    [
      t.event,
      t.channel,
      t.language,
      t.subject,
      t.body,
      t.smsTemplateCode,
      t.version,
      t.effectiveFrom.toISOString(),
      t.updatedBy.id,
      t.updatedBy.name,
    ],
  );
  return r.rows[0].id;
}
