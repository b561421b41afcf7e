// Contact preferences: channels allowed, quiet hours and language, per customer or per contact.
import type { ContactPreference, NotificationChannel, NotificationLanguage } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';

interface PreferenceRow {
  id: number;
  customer_id: number;
  contact_id: number | null;
  channels: NotificationChannel[];
  quiet_start: string | null;
  quiet_end: string | null;
  language: NotificationLanguage | null;
  version: number;
  updated_at: string;
}

function toPreference(r: PreferenceRow): ContactPreference {
  return {
    id: r.id,
    customerId: r.customer_id,
    contactId: r.contact_id,
    channels: r.channels,
    quietStart: r.quiet_start,
    quietEnd: r.quiet_end,
    language: r.language,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

const COLUMNS = `id, customer_id, contact_id, channels, quiet_start, quiet_end, language, version, updated_at`;

/**
 * The preferences that apply to a recipient: the contact's own row and the customer-wide row (the
 * contact's customer when only the contact is named).
 */
export async function findRecipientPreferences(
  db: Db,
  customerId: number | null,
  contactId: number | null,
): Promise<{ contact: ContactPreference | null; customer: ContactPreference | null }> {
  if (customerId == null && contactId == null) return { contact: null, customer: null };
  const r = await db.query<PreferenceRow>(
    `SELECT ${COLUMNS} FROM contact_preferences
      WHERE contact_id = $2
         OR (contact_id IS NULL AND customer_id = COALESCE($1::bigint,
               (SELECT customer_id FROM contact_preferences WHERE contact_id = $2 LIMIT 1)))`,
    [customerId, contactId],
  );
  const rows = r.rows.map(toPreference);
  return {
    contact: rows.find((p) => contactId != null && p.contactId === contactId) ?? null,
    customer: rows.find((p) => p.contactId === null) ?? null,
  };
}

export type RecipientPreferences = Awaited<ReturnType<typeof findRecipientPreferences>>;

/**
 * The preferences of many recipients in one query (a batch of notices: a storm of new orders), answered
 * per recipient exactly as findRecipientPreferences would.
 */
export async function findPreferencesOfMany(
  db: Db,
  recipients: readonly { customerId?: number | null; contactId?: number | null }[],
): Promise<(customerId: number | null, contactId: number | null) => RecipientPreferences> {
  const customers = [...new Set(recipients.map((r) => r.customerId).filter((x): x is number => x != null))];
  const contacts = [...new Set(recipients.map((r) => r.contactId).filter((x): x is number => x != null))];
  const rows: ContactPreference[] = [];
  if (customers.length || contacts.length) {
    const r = await db.query<PreferenceRow>(
      `SELECT ${COLUMNS} FROM contact_preferences
        WHERE contact_id = ANY($2::bigint[])
           OR (contact_id IS NULL AND customer_id = ANY($1::bigint[]))
           OR (contact_id IS NULL AND customer_id IN
                (SELECT customer_id FROM contact_preferences WHERE contact_id = ANY($2::bigint[])))`,
      [customers, contacts],
    );
    rows.push(...r.rows.map(toPreference));
  }
  const byContact = new Map(rows.filter((p) => p.contactId !== null).map((p) => [p.contactId!, p]));
  const byCustomer = new Map(rows.filter((p) => p.contactId === null).map((p) => [p.customerId, p]));
  return (customerId, contactId) => {
    if (customerId == null && contactId == null) return { contact: null, customer: null };
    const contact = contactId != null ? (byContact.get(contactId) ?? null) : null;
    const owner = customerId ?? contact?.customerId ?? null;
    return { contact, customer: owner != null ? (byCustomer.get(owner) ?? null) : null };
  };
}

export async function listCustomerPreferences(db: Db, customerId: number): Promise<ContactPreference[]> {
  const r = await db.query<PreferenceRow>(
    `SELECT ${COLUMNS} FROM contact_preferences WHERE customer_id = $1 ORDER BY contact_id NULLS FIRST`,
    [customerId],
  );
  return r.rows.map(toPreference);
}

export async function findPreference(
  db: Db,
  customerId: number,
  contactId: number | null,
): Promise<ContactPreference | null> {
  const r = await db.query<PreferenceRow>(
    `SELECT ${COLUMNS} FROM contact_preferences WHERE customer_id = $1 AND COALESCE(contact_id, 0) = COALESCE($2::bigint, 0)`,
    [customerId, contactId],
  );
  return r.rows[0] ? toPreference(r.rows[0]) : null;
}

export interface PreferenceValues {
  channels: NotificationChannel[];
  quietStart: string | null;
  quietEnd: string | null;
  language: NotificationLanguage | null;
}

export async function insertPreference(
  db: Db,
  p: PreferenceValues & { customerId: number; contactId: number | null; orgUnitId: number },
): Promise<ContactPreference> {
  const r = await db.query<PreferenceRow>(
    `INSERT INTO contact_preferences(customer_id, contact_id, org_unit_id, channels, quiet_start, quiet_end, language)
     VALUES ($1,$2,$3,$4::text[],$5,$6,$7) RETURNING ${COLUMNS}`,
    [p.customerId, p.contactId, p.orgUnitId, p.channels, p.quietStart, p.quietEnd, p.language],
  );
  return toPreference(r.rows[0]);
}

/** Null when the row moved on since `version` was read (the caller answers 409). */
export async function updatePreference(
  db: Db,
  id: number,
  version: number,
  p: PreferenceValues,
): Promise<ContactPreference | null> {
  const r = await db.query<PreferenceRow>(
    `UPDATE contact_preferences
        SET channels = $3::text[], quiet_start = $4, quiet_end = $5, language = $6,
            version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING ${COLUMNS}`,
    [id, version, p.channels, p.quietStart, p.quietEnd, p.language],
  );
  return r.rows[0] ? toPreference(r.rows[0]) : null;
}

/** The customer's org unit if it lies inside the caller's scope; null otherwise (callers answer 404). */
export async function findCustomerUnitInScope(
  db: Db,
  customerId: number,
  scopeOrgIds: number[],
): Promise<number | null> {
  const r = await db.query<{ org_unit_id: number }>(
    `SELECT org_unit_id FROM customers WHERE id = $1 AND org_unit_id = ANY($2::bigint[])`,
    [customerId, scopeOrgIds],
  );
  return r.rows[0]?.org_unit_id ?? null;
}

export async function findContactOfCustomer(db: Db, customerId: number, contactId: number): Promise<boolean> {
  const r = await db.query(`SELECT 1 FROM contacts WHERE id = $1 AND customer_id = $2`, [
    contactId,
    customerId,
  ]);
  return r.rowCount > 0;
}
