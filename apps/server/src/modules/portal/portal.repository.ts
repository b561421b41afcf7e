// SQL of the customer portal: login codes, portal sessions, the system actor, and the read-only look-ups
// in the archive a customer-facing login needs (which customer holds an account number, the registered
// phone, the customer's own accounts). Work orders and in-app messages are reached through their modules.
import type { Db } from '../../platform/db/db';

// --- Archive look-ups (read-only) -------------------------------------------------------------------
export interface AccountHolder {
  customerId: number;
  orgUnitId: number;
  active: boolean;
}

export async function findAccountHolder(db: Db, accountNo: string): Promise<AccountHolder | null> {
  const r = await db.query<{ customer_id: number; org_unit_id: number; status: string }>(
    `SELECT c.id AS customer_id, c.org_unit_id, c.status
       FROM accounts a JOIN customers c ON c.id = a.customer_id
      WHERE a.account_no = $1`,
    [accountNo],
  );
  const row = r.rows[0];
  return row
    ? { customerId: row.customer_id, orgUnitId: row.org_unit_id, active: row.status === 'active' }
    : null;
}

/** The phones a code may go to, best first: the primary contact's mobile, then the customer's phone. */
export async function registeredPhones(
  db: Db,
  customerId: number,
): Promise<{ contactId: number | null; phone: string }[]> {
  const r = await db.query<{ contact_id: number | null; phone: string }>(
    `SELECT * FROM (
       SELECT id AS contact_id, mobile AS phone FROM contacts
        WHERE customer_id = $1 AND is_primary AND mobile IS NOT NULL
        ORDER BY id LIMIT 1) primary_contact
     UNION ALL
     SELECT NULL::bigint, phone FROM customers WHERE id = $1 AND phone IS NOT NULL`,
    [customerId],
  );
  return r.rows.map((x) => ({ contactId: x.contact_id, phone: x.phone }));
}

export interface PortalCustomerRow {
  id: number;
  customer_no: string;
  name: string;
  kind: 'person' | 'organisation';
  org_unit_id: number;
  org_path: string;
  account_manager_id: number | null;
}

export async function findCustomer(db: Db, customerId: number): Promise<PortalCustomerRow | null> {
  const r = await db.query<PortalCustomerRow>(
    `SELECT c.id, c.customer_no, c.name, c.kind, c.org_unit_id, o.path AS org_path, c.account_manager_id
       FROM customers c JOIN org_units o ON o.id = c.org_unit_id
      WHERE c.id = $1`,
    [customerId],
  );
  return r.rows[0] ?? null;
}

export interface PortalAccountRow {
  account_no: string;
  status: string;
  voltage_level: string;
  premise_id: number | null;
  province: string | null;
  city: string | null;
  district: string | null;
  street: string | null;
}

export async function listCustomerAccounts(db: Db, customerId: number): Promise<PortalAccountRow[]> {
  const r = await db.query<PortalAccountRow>(
    `SELECT a.account_no, a.status, a.voltage_level, a.premise_id, p.province, p.city, p.district, p.street
       FROM accounts a LEFT JOIN premises p ON p.id = a.premise_id
      WHERE a.customer_id = $1
      ORDER BY a.account_no`,
    [customerId],
  );
  return r.rows;
}

/** Demo only: the first active customer's account whose primary contact has a mobile. */
export async function findDemoAccountNo(db: Db): Promise<string | null> {
  const r = await db.query<{ account_no: string }>(
    `SELECT a.account_no FROM accounts a JOIN customers c ON c.id = a.customer_id
      WHERE c.status = 'active'
        AND EXISTS (SELECT 1 FROM contacts ct WHERE ct.customer_id = c.id AND ct.is_primary
                      AND ct.mobile ~ '^1[3-9][0-9]{9}$')
      ORDER BY a.id LIMIT 1`,
  );
  return r.rows[0]?.account_no ?? null;
}

// --- The system actor --------------------------------------------------------------------------------
export async function findSystemActor(
  db: Db,
): Promise<{ id: number; display_name: string; locale: string } | null> {
  const r = await db.query<{ id: number; display_name: string; locale: string }>(
    `SELECT id, display_name, locale FROM users WHERE username = 'portal'`,
  );
  return r.rows[0] ?? null;
}

// --- Login codes -------------------------------------------------------------------------------------
/** Serialises code requests and logins for one account number (PGlite runs one transaction at a time). */
export async function lockAccountNo(tx: Db, accountNo: string): Promise<void> {
  if (tx.kind === 'postgres') {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('portal-login:' || $1, 0))`, [accountNo]);
  }
}

export async function codeRequestTimes(tx: Db, accountNo: string, since: Date): Promise<Date[]> {
  const r = await tx.query<{ created_at: string }>(
    `SELECT created_at FROM portal_login_codes WHERE account_no = $1 AND created_at > $2`,
    [accountNo, since.toISOString()],
  );
  return r.rows.map((x) => new Date(x.created_at));
}

/** Requests older than a day no longer count for anything. */
export async function pruneCodeRequests(tx: Db, accountNo: string, before: Date): Promise<void> {
  await tx.query(`DELETE FROM portal_login_codes WHERE account_no = $1 AND created_at < $2`, [
    accountNo,
    before.toISOString(),
  ]);
}

/** A new code replaces any earlier one still open. */
export async function invalidateOpenCodes(tx: Db, accountNo: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE portal_login_codes SET invalidated_at = $2, updated_at = now()
      WHERE account_no = $1 AND code_hash IS NOT NULL AND used_at IS NULL AND invalidated_at IS NULL`,
    [accountNo, now.toISOString()],
  );
}

export async function insertCodeRequest(
  tx: Db,
  c: {
    accountNo: string;
    customerId: number | null;
    orgUnitId: number | null;
    salt: string | null;
    hash: string | null;
    expiresAt: Date;
    ip: string | null;
    now: Date;
  },
): Promise<number> {
  const r = await tx.query<{ id: number }>(
    `INSERT INTO portal_login_codes(account_no, customer_id, org_unit_id, code_salt, code_hash, expires_at, ip,
                                    created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$8) RETURNING id`,
    [
      c.accountNo,
      c.customerId,
      c.orgUnitId,
      c.salt,
      c.hash,
      c.expiresAt.toISOString(),
      c.ip,
      c.now.toISOString(),
    ],
  );
  return r.rows[0].id;
}

export async function voidCode(tx: Db, id: number, now: Date): Promise<void> {
  await tx.query(`UPDATE portal_login_codes SET invalidated_at = $2, updated_at = now() WHERE id = $1`, [
    id,
    now.toISOString(),
  ]);
}

export interface OpenCodeRow {
  id: number;
  customer_id: number;
  code_salt: string;
  code_hash: string;
  failed_attempts: number;
}

/** The latest code of the account that may still be used, locked for the check. */
export async function lockOpenCode(tx: Db, accountNo: string, now: Date): Promise<OpenCodeRow | null> {
  const r = await tx.query<OpenCodeRow>(
    `SELECT id, customer_id, code_salt, code_hash, failed_attempts FROM portal_login_codes
      WHERE account_no = $1 AND code_hash IS NOT NULL AND used_at IS NULL AND invalidated_at IS NULL
        AND expires_at > $2
      ORDER BY id DESC LIMIT 1 FOR UPDATE`,
    [accountNo, now.toISOString()],
  );
  return r.rows[0] ?? null;
}

/** Counts a wrong try; the code is void from the `maxTries`-th. Answers whether it is now void. */
export async function recordWrongCode(tx: Db, id: number, maxTries: number, now: Date): Promise<boolean> {
  const r = await tx.query<{ invalidated: boolean }>(
    `UPDATE portal_login_codes
        SET failed_attempts = failed_attempts + 1,
            invalidated_at = CASE WHEN failed_attempts + 1 >= $2 THEN $3::timestamptz ELSE invalidated_at END,
            updated_at = now()
      WHERE id = $1
      RETURNING invalidated_at IS NOT NULL AS invalidated`,
    [id, maxTries, now.toISOString()],
  );
  return r.rows[0]?.invalidated ?? true;
}

export async function markCodeUsed(tx: Db, id: number, now: Date): Promise<void> {
  await tx.query(`UPDATE portal_login_codes SET used_at = $2, updated_at = now() WHERE id = $1`, [
    id,
    now.toISOString(),
  ]);
}

// --- Portal sessions ---------------------------------------------------------------------------------
export async function insertPortalSession(
  tx: Db,
  s: {
    tokenHash: string;
    customerId: number;
    orgUnitId: number;
    accountNo: string;
    expiresAt: Date;
    ip?: string;
    userAgent?: string;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO portal_sessions(token_hash, customer_id, org_unit_id, account_no, expires_at, ip, user_agent)
     VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [
      s.tokenHash,
      s.customerId,
      s.orgUnitId,
      s.accountNo,
      s.expiresAt.toISOString(),
      s.ip ?? null,
      s.userAgent ?? null,
    ],
  );
}

export interface PortalSessionRow {
  customer_id: number;
  org_unit_id: number;
  account_no: string;
  last_seen_at: string;
}

/**
 * A live session whose customer is still active and still holds the account it logged in with (an
 * account transferred to someone else ends the session). The org unit is the customer's current one.
 */
export async function findPortalSession(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<PortalSessionRow | null> {
  const r = await db.query<PortalSessionRow>(
    `SELECT s.customer_id, c.org_unit_id, s.account_no, s.last_seen_at
       FROM portal_sessions s JOIN customers c ON c.id = s.customer_id
      WHERE s.token_hash = $1 AND s.expires_at > $2 AND c.status = 'active'
        AND EXISTS (SELECT 1 FROM accounts a WHERE a.account_no = s.account_no AND a.customer_id = s.customer_id)`,
    [tokenHash, now.toISOString()],
  );
  return r.rows[0] ?? null;
}

export async function touchPortalSession(
  db: Db,
  tokenHash: string,
  now: Date,
  expiresAt: Date,
): Promise<void> {
  await db.query(`UPDATE portal_sessions SET last_seen_at = $2, expires_at = $3 WHERE token_hash = $1`, [
    tokenHash,
    now.toISOString(),
    expiresAt.toISOString(),
  ]);
}

export async function deletePortalSession(db: Db, tokenHash: string): Promise<number | null> {
  const r = await db.query<{ customer_id: number }>(
    `DELETE FROM portal_sessions WHERE token_hash = $1 RETURNING customer_id`,
    [tokenHash],
  );
  return r.rows[0]?.customer_id ?? null;
}

export async function pruneExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.query(`DELETE FROM portal_sessions WHERE expires_at < $1`, [now.toISOString()]);
}
