import type { Db } from '../db/db';
import type { Role } from '@gridcare/domain';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  locale: string;
  active: boolean;
  failed_logins: number;
  locked_until: string | null;
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | null> {
  const r = await db.query<UserRow>(
    `SELECT id, username, display_name, password_hash, locale, active, failed_logins, locked_until
       FROM users WHERE username = $1`,
    [username],
  );
  return r.rows[0] ?? null;
}

export async function recordFailedLogin(db: Db, userId: number, lockAfter: number, lockMinutes: number) {
  await db.query(
    `UPDATE users SET failed_logins = failed_logins + 1,
        locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
      WHERE id = $1`,
    [userId, lockAfter, lockMinutes],
  );
}

export async function recordSuccessfulLogin(db: Db, userId: number) {
  await db.query(
    `UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = $1`,
    [userId],
  );
}

export async function insertSession(
  db: Db,
  s: { tokenHash: string; userId: number; expiresAt: Date; ip?: string; userAgent?: string },
) {
  await db.query(
    `INSERT INTO sessions(token_hash, user_id, expires_at, ip, user_agent) VALUES ($1,$2,$3,$4,$5)`,
    [s.tokenHash, s.userId, s.expiresAt.toISOString(), s.ip ?? null, s.userAgent ?? null],
  );
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash]);
}

export interface SessionUserRow {
  id: number;
  username: string;
  display_name: string;
  locale: string;
  expires_at: string;
  last_seen_at: string;
}

export async function findSessionUser(db: Db, tokenHash: string): Promise<SessionUserRow | null> {
  const r = await db.query<SessionUserRow>(
    `SELECT u.id, u.username, u.display_name, u.locale, s.expires_at, s.last_seen_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`,
    [tokenHash],
  );
  return r.rows[0] ?? null;
}

export async function touchSession(db: Db, tokenHash: string, expiresAt: Date) {
  await db.query(`UPDATE sessions SET last_seen_at = now(), expires_at = $2 WHERE token_hash = $1`, [
    tokenHash,
    expiresAt.toISOString(),
  ]);
}

export async function loadRoles(db: Db, userId: number) {
  const r = await db.query<{ role: Role; org_unit_id: number; org_unit_name: string; path: string }>(
    `SELECT ur.role, ur.org_unit_id, o.name AS org_unit_name, o.path
       FROM user_roles ur JOIN org_units o ON o.id = ur.org_unit_id
      WHERE ur.user_id = $1 ORDER BY ur.role`,
    [userId],
  );
  return r.rows;
}

/** All org units at or below any of the given paths. */
export async function descendantOrgIds(db: Db, paths: string[]): Promise<number[]> {
  if (paths.length === 0) return [];
  const r = await db.query<{ id: number }>(
    `SELECT id FROM org_units WHERE path LIKE ANY($1::text[]) ORDER BY id`,
    [paths.map((p) => p + '%')],
  );
  return r.rows.map((x) => x.id);
}
