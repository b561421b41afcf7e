// The customers table and what hangs directly off it (org units, manager card, duplicate candidates).
import type { Customer, CustomerManagerCard } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';
import { buildSet } from './sql-set';

interface CustomerRow {
  id: number;
  org_unit_id: number;
  customer_no: string;
  name: string;
  kind: Customer['kind'];
  cert_type: Customer['certType'];
  cert_no: string | null;
  industry_code: string | null;
  industry_name: string | null;
  customer_class: Customer['customerClass'];
  importance_tier: Customer['importanceTier'];
  vip: boolean;
  vip_reason: string | null;
  relationship: Customer['relationship'];
  credit_grade: string | null;
  value_score: string | null;
  status: string;
  phone: string | null;
  address: string | null;
  account_manager_id: number | null;
  duplicate_of: number | null;
  duplicate_override_reason: string | null;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

const COLUMNS = `id, org_unit_id, customer_no, name, kind, cert_type, cert_no, industry_code, industry_name,
  customer_class, importance_tier, vip, vip_reason, relationship, credit_grade, value_score, status, phone,
  address, account_manager_id, duplicate_of, duplicate_override_reason, note, version, created_at, updated_at`;

/** Customer fields a create or an update may write (API name → column). */
export const CUSTOMER_WRITABLE: Readonly<Record<string, string>> = {
  orgUnitId: 'org_unit_id',
  name: 'name',
  kind: 'kind',
  certType: 'cert_type',
  certNo: 'cert_no',
  industryCode: 'industry_code',
  industryName: 'industry_name',
  customerClass: 'customer_class',
  importanceTier: 'importance_tier',
  vip: 'vip',
  vipReason: 'vip_reason',
  relationship: 'relationship',
  note: 'note',
  duplicateOf: 'duplicate_of',
  duplicateOverrideReason: 'duplicate_override_reason',
};

/** Unmasked; the service masks before anything leaves the server. */
export type CustomerRecord = Omit<Customer, 'piiMasked'>;

function toCustomer(r: CustomerRow): CustomerRecord {
  return {
    id: r.id,
    orgUnitId: r.org_unit_id,
    customerNo: r.customer_no,
    name: r.name,
    kind: r.kind,
    certType: r.cert_type,
    certNo: r.cert_no,
    industryCode: r.industry_code,
    industryName: r.industry_name,
    customerClass: r.customer_class,
    importanceTier: r.importance_tier,
    vip: r.vip,
    vipReason: r.vip_reason,
    relationship: r.relationship,
    creditGrade: r.credit_grade,
    valueScore: r.value_score == null ? null : Number(r.value_score),
    status: r.status,
    phone: r.phone,
    address: r.address,
    accountManagerId: r.account_manager_id,
    duplicateOf: r.duplicate_of,
    duplicateOverrideReason: r.duplicate_override_reason,
    note: r.note,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findCustomerInScope(
  db: Db,
  id: number,
  scope: number[],
): Promise<CustomerRecord | null> {
  const r = await db.query<CustomerRow>(
    `SELECT ${COLUMNS} FROM customers WHERE id = $1 AND org_unit_id = ANY($2::bigint[])`,
    [id, scope],
  );
  return r.rows[0] ? toCustomer(r.rows[0]) : null;
}

/** Inserts the customer row; the customer number always comes from the sequence (C + 10 digits). */
export async function insertCustomer(db: Db, values: Record<string, unknown>): Promise<CustomerRecord> {
  const set = buildSet(values, CUSTOMER_WRITABLE, 1);
  const cols = set.columns.map((k) => CUSTOMER_WRITABLE[k]);
  const placeholders = set.params.map((_, i) => `$${i + 1}`);
  const r = await db.query<CustomerRow>(
    `INSERT INTO customers(customer_no, ${cols.join(', ')})
     VALUES ('C' || nextval('customer_no_seq'), ${placeholders.join(', ')})
     RETURNING ${COLUMNS}`,
    set.params,
  );
  return toCustomer(r.rows[0]);
}

/** Optimistic update: null when the version no longer matches. */
export async function updateCustomer(
  db: Db,
  id: number,
  version: number,
  values: Record<string, unknown>,
): Promise<CustomerRecord | null> {
  const set = buildSet(values, CUSTOMER_WRITABLE, 3);
  const r = await db.query<CustomerRow>(
    `UPDATE customers SET ${set.sql ? set.sql + ', ' : ''}version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING ${COLUMNS}`,
    [id, version, ...set.params],
  );
  return r.rows[0] ? toCustomer(r.rows[0]) : null;
}

/** Re-reads the customer after its parts changed (phone/address are derived from them). */
export async function findCustomerById(db: Db, id: number): Promise<CustomerRecord | null> {
  const r = await db.query<CustomerRow>(`SELECT ${COLUMNS} FROM customers WHERE id = $1`, [id]);
  return r.rows[0] ? toCustomer(r.rows[0]) : null;
}

/** Parts carry their customer's org unit (the region key); a move takes them along. */
export async function moveCustomerParts(db: Db, customerId: number, orgUnitId: number): Promise<void> {
  for (const table of ['contacts', 'premises', 'accounts', 'meters', 'transformers'] as const) {
    await db.query(`UPDATE ${table} SET org_unit_id = $2 WHERE customer_id = $1`, [customerId, orgUnitId]);
  }
}

/** Bumps the customer's version and updated_at when one of its parts changes. */
export async function touchCustomer(db: Db, id: number): Promise<void> {
  await db.query(`UPDATE customers SET updated_at = now() WHERE id = $1`, [id]);
}

/** The unit and every unit below it (materialised path prefix). */
export async function orgUnitAndDescendants(db: Db, orgUnitId: number): Promise<number[]> {
  const r = await db.query<{ id: number }>(
    `SELECT d.id FROM org_units o JOIN org_units d ON d.path LIKE o.path || '%' WHERE o.id = $1`,
    [orgUnitId],
  );
  return r.rows.map((x) => x.id);
}

export interface DuplicateCandidateRow {
  id: number;
  customerNo: string;
  name: string;
  certNo: string | null;
  phones: string[];
  addresses: string[];
}

/**
 * Customers in scope that share the certificate number or one of the phone numbers: the only ways
 * a likely duplicate can arise (duplicateReason then decides). Bounded to keep the check cheap.
 */
export async function findDuplicateCandidates(
  db: Db,
  input: { certNo: string | null; phones: string[]; excludeId: number | null },
  scope: number[],
): Promise<DuplicateCandidateRow[]> {
  const r = await db.query<{
    id: number;
    customer_no: string;
    name: string;
    cert_no: string | null;
    phones: string[] | null;
    addresses: string[] | null;
  }>(
    `WITH cand AS (
       SELECT id FROM customers WHERE $1::text IS NOT NULL AND cert_no = $1
       UNION SELECT id FROM customers WHERE phone = ANY($2::text[])
       UNION SELECT customer_id FROM contacts WHERE mobile = ANY($2::text[]) OR phone = ANY($2::text[])
     )
     SELECT c.id, c.customer_no, c.name, c.cert_no,
            (SELECT array_agg(x) FROM (SELECT ct.mobile AS x FROM contacts ct WHERE ct.customer_id = c.id
              UNION SELECT ct.phone FROM contacts ct WHERE ct.customer_id = c.id UNION SELECT c.phone) p
              WHERE x IS NOT NULL) AS phones,
            (SELECT array_agg(p.full_address) FROM premises p WHERE p.customer_id = c.id) AS addresses
       FROM customers c JOIN cand ON cand.id = c.id
      WHERE c.org_unit_id = ANY($3::bigint[]) AND ($4::bigint IS NULL OR c.id <> $4)
      ORDER BY c.id LIMIT 50`,
    [input.certNo, input.phones, scope, input.excludeId],
  );
  return r.rows.map((x) => ({
    id: x.id,
    customerNo: x.customer_no,
    name: x.name,
    certNo: x.cert_no,
    phones: x.phones ?? [],
    addresses: x.addresses ?? [],
  }));
}

/** The account manager card (客户经理名片) of a customer's manager, from users + manager_profiles. */
export async function findManagerCard(db: Db, userId: number): Promise<CustomerManagerCard | null> {
  const r = await db.query<{
    id: number;
    display_name: string;
    photo_url: string | null;
    phone_24h: string | null;
    service_scope: string | null;
    title: string | null;
  }>(
    `SELECT u.id, u.display_name, mp.photo_url, coalesce(mp.phone_24h, u.phone) AS phone_24h, mp.service_scope, mp.title
       FROM users u LEFT JOIN manager_profiles mp ON mp.user_id = u.id WHERE u.id = $1`,
    [userId],
  );
  const x = r.rows[0];
  if (!x) return null;
  return {
    id: x.id,
    name: x.display_name,
    photoUrl: x.photo_url,
    phone24h: x.phone_24h,
    serviceScope: x.service_scope,
    title: x.title,
  };
}

/** Open items shown on the 360 page: planned (not yet done) visits of the account manager. */
export async function countOpenItems(db: Db, customerId: number): Promise<number> {
  const r = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM visit_plans WHERE customer_id = $1 AND status = 'planned'`,
    [customerId],
  );
  return r.rows[0].n;
}
