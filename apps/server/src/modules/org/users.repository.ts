import type { User } from '@gridcare/contracts';
import type { Role } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  phone: string | null;
  email: string | null;
  locale: string;
  active: boolean;
  locked_until: string | null;
  last_login_at: string | null;
  version: number;
  roles: { role: Role; orgUnitId: number; orgUnitName: string }[] | null;
}

const SELECT_USER = `
  SELECT u.id, u.username, u.display_name, u.phone, u.email, u.locale, u.active, u.locked_until,
         u.last_login_at, u.version,
         (SELECT json_agg(json_build_object('role', ur.role, 'orgUnitId', ur.org_unit_id, 'orgUnitName', o.name)
                          ORDER BY ur.role, ur.org_unit_id)
            FROM user_roles ur JOIN org_units o ON o.id = ur.org_unit_id WHERE ur.user_id = u.id) AS roles
    FROM users u`;

function toUser(r: UserRow, now: Date): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    phone: r.phone,
    email: r.email,
    locale: r.locale,
    active: r.active,
    locked: r.locked_until != null && new Date(r.locked_until) > now,
    lastLoginAt: r.last_login_at,
    roles: r.roles ?? [],
    version: r.version,
  };
}

/** Users holding at least one role inside the scope. */
export async function listUsers(
  db: Db,
  scope: number[],
  q: string | undefined,
  page: number,
  pageSize: number,
  now: Date,
): Promise<{ items: User[]; total: number }> {
  const where = `WHERE EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND ur.org_unit_id = ANY($1::bigint[]))
                   AND ($2::text IS NULL OR u.username ILIKE '%' || $2 || '%' OR u.display_name ILIKE '%' || $2 || '%')`;
  const [rows, count] = await Promise.all([
    db.query<UserRow>(`${SELECT_USER} ${where} ORDER BY u.id LIMIT $3 OFFSET $4`, [
      scope,
      q ?? null,
      pageSize,
      (page - 1) * pageSize,
    ]),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users u ${where}`, [scope, q ?? null]),
  ]);
  return { items: rows.rows.map((r) => toUser(r, now)), total: count.rows[0].n };
}

export async function findUser(db: Db, id: number, now: Date): Promise<User | null> {
  const r = await db.query<UserRow>(`${SELECT_USER} WHERE u.id = $1`, [id]);
  return r.rows[0] ? toUser(r.rows[0], now) : null;
}

export async function insertUser(
  db: Db,
  u: {
    username: string;
    displayName: string;
    passwordHash: string;
    phone?: string | null;
    email?: string | null;
    locale: string;
  },
): Promise<number> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO users(username, display_name, password_hash, phone, email, locale)
     VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
    [u.username, u.displayName, u.passwordHash, u.phone ?? null, u.email ?? null, u.locale],
  );
  return r.rows[0].id;
}

export async function replaceRoles(db: Db, userId: number, roles: { role: Role; orgUnitId: number }[]) {
  await db.query(`DELETE FROM user_roles WHERE user_id = $1`, [userId]);
  await db.query(
    `INSERT INTO user_roles(user_id, role, org_unit_id)
     SELECT $1, r, o FROM unnest($2::text[], $3::bigint[]) AS t(r, o) ON CONFLICT DO NOTHING`,
    [userId, roles.map((r) => r.role), roles.map((r) => r.orgUnitId)],
  );
}

export async function updateUser(
  db: Db,
  id: number,
  version: number,
  patch: {
    displayName?: string;
    passwordHash?: string;
    phone?: string | null;
    email?: string | null;
    locale?: string;
    active?: boolean;
  },
): Promise<boolean> {
  const r = await db.query(
    `UPDATE users SET
        display_name = coalesce($3, display_name),
        password_hash = coalesce($4, password_hash),
        phone = CASE WHEN $5::boolean THEN $6 ELSE phone END,
        email = CASE WHEN $7::boolean THEN $8 ELSE email END,
        locale = coalesce($9, locale),
        active = coalesce($10, active),
        version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2`,
    [
      id,
      version,
      patch.displayName ?? null,
      patch.passwordHash ?? null,
      patch.phone !== undefined,
      patch.phone ?? null,
      patch.email !== undefined,
      patch.email ?? null,
      patch.locale ?? null,
      patch.active ?? null,
    ],
  );
  return r.rowCount === 1;
}

export async function unlockUser(db: Db, id: number) {
  await db.query(
    `UPDATE users SET failed_logins = 0, locked_until = NULL, version = version + 1, updated_at = now() WHERE id = $1`,
    [id],
  );
}

export async function revokeSessions(db: Db, userId: number) {
  await db.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
}
