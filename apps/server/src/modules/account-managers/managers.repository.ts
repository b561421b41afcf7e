// Manager cards (客户经理名片) and the list of account managers a caller may see.
import type { ManagerCard, ManagerListItem } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';
import { containsPattern, offsetOf } from './sql-helpers';

interface ManagerRow {
  id: number;
  username: string;
  display_name: string;
  phone: string | null;
  photo_url: string | null;
  phone_24h: string | null;
  service_scope: string | null;
  title: string | null;
  version: number | null;
  units: { id: number; name: string }[];
  customers: number;
  overdue_visits: number;
}

// Managers visible to a caller: users holding account_manager on a unit inside the caller's scope.
// $1 scope ids; $2 optional org unit whose customers the manager must be eligible for.
const VISIBLE_MANAGERS = `
  WITH m AS (
    SELECT ur.user_id, json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.id) AS units
      FROM user_roles ur JOIN org_units o ON o.id = ur.org_unit_id
     WHERE ur.role = 'account_manager' AND ur.org_unit_id = ANY($1::bigint[])
       AND ($2::bigint IS NULL OR (SELECT t.path FROM org_units t WHERE t.id = $2::bigint) LIKE o.path || '%')
     GROUP BY ur.user_id
  )`;

const CARD_COLUMNS = `u.id, u.username, u.display_name, u.phone, p.photo_url, p.phone_24h, p.service_scope,
  p.title, p.version, m.units`;

function toCard(r: ManagerRow): ManagerCard {
  return {
    userId: r.id,
    username: r.username,
    name: r.display_name,
    photoUrl: r.photo_url,
    phone24h: r.phone_24h ?? r.phone,
    serviceScope: r.service_scope,
    title: r.title,
    orgUnits: r.units,
    version: r.version,
  };
}

export async function listManagers(
  db: Db,
  q: {
    scopeOrgIds: number[];
    orgUnitId?: number;
    text?: string;
    today: string;
    page: number;
    pageSize: number;
  },
): Promise<{ items: ManagerListItem[]; total: number }> {
  const text = q.text ? containsPattern(q.text) : null;
  const where = `u.active AND ($3::text IS NULL OR u.display_name ILIKE $3 OR u.username ILIKE $3)`;
  const base = [q.scopeOrgIds, q.orgUnitId ?? null, text];
  const rows = await db.query<ManagerRow>(
    `${VISIBLE_MANAGERS}
     SELECT ${CARD_COLUMNS},
       (SELECT count(*) FROM customers c
         WHERE c.account_manager_id = u.id AND c.org_unit_id = ANY($1::bigint[])) AS customers,
       (SELECT count(*) FROM visit_plans vp
         WHERE vp.manager_id = u.id AND vp.status = 'planned' AND vp.due_date < $4::date
           AND vp.org_unit_id = ANY($1::bigint[])) AS overdue_visits
       FROM m JOIN users u ON u.id = m.user_id LEFT JOIN manager_profiles p ON p.user_id = u.id
      WHERE ${where}
      ORDER BY u.display_name, u.id
      LIMIT $5 OFFSET $6`,
    [...base, q.today, q.pageSize, offsetOf(q)],
  );
  const total = await db.query<{ n: number }>(
    `${VISIBLE_MANAGERS} SELECT count(*) AS n FROM m JOIN users u ON u.id = m.user_id WHERE ${where}`,
    base,
  );
  return {
    items: rows.rows.map((r) => ({ ...toCard(r), customers: r.customers, overdueVisits: r.overdue_visits })),
    total: total.rows[0].n,
  };
}

/** The card of a manager visible in the caller's scope, or null. */
export async function findManagerCard(
  db: Db,
  userId: number,
  scopeOrgIds: number[],
): Promise<ManagerCard | null> {
  const r = await db.query<ManagerRow>(
    `${VISIBLE_MANAGERS}
     SELECT ${CARD_COLUMNS}
       FROM m JOIN users u ON u.id = m.user_id LEFT JOIN manager_profiles p ON p.user_id = u.id
      WHERE u.id = $3 AND u.active`,
    [scopeOrgIds, null, userId],
  );
  return r.rows[0] ? toCard(r.rows[0]) : null;
}

export interface ProfileValues {
  photoUrl: string | null;
  phone24h: string;
  serviceScope: string;
  title: string | null;
}

export async function findProfile(
  db: Db,
  userId: number,
): Promise<(ProfileValues & { version: number }) | null> {
  const r = await db.query<{
    photo_url: string | null;
    phone_24h: string;
    service_scope: string;
    title: string | null;
    version: number;
  }>(
    `SELECT photo_url, phone_24h, service_scope, title, version FROM manager_profiles WHERE user_id = $1 FOR UPDATE`,
    [userId],
  );
  const row = r.rows[0];
  if (!row) return null;
  return {
    photoUrl: row.photo_url,
    phone24h: row.phone_24h,
    serviceScope: row.service_scope,
    title: row.title,
    version: row.version,
  };
}

/** Creates the card; false when someone else created it first. */
export async function insertProfile(db: Db, userId: number, v: ProfileValues): Promise<boolean> {
  const r = await db.query(
    `INSERT INTO manager_profiles(user_id, photo_url, phone_24h, service_scope, title)
     VALUES ($1,$2,$3,$4,$5) ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
    [userId, v.photoUrl, v.phone24h, v.serviceScope, v.title],
  );
  return r.rowCount > 0;
}

/** Updates the card at the version it was read; false on a stale version. */
export async function updateProfile(
  db: Db,
  userId: number,
  version: number,
  v: ProfileValues,
): Promise<boolean> {
  const r = await db.query(
    `UPDATE manager_profiles
        SET photo_url = $3, phone_24h = $4, service_scope = $5, title = $6, version = version + 1, updated_at = now()
      WHERE user_id = $1 AND version = $2`,
    [userId, version, v.photoUrl, v.phone24h, v.serviceScope, v.title],
  );
  return r.rowCount > 0;
}
