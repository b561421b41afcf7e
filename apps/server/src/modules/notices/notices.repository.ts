// Internal notices' SQL (内部信息, domain.md §4 "Internal information flow").
import type { Notice, NoticeKind, NoticeStatus } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';

interface NoticeRow {
  id: number;
  kind: NoticeKind;
  title: string;
  body: string;
  valid_from: string;
  valid_to: string | null;
  audience_roles: string[];
  audience_units: { id: number; name: string }[];
  publisher_org_unit_id: number;
  publisher_org_unit_name: string;
  created_by: number;
  created_by_name: string;
  status: NoticeStatus;
  published_at: string | null;
  published_by_name: string | null;
  withdrawn_at: string | null;
  withdraw_reason: string | null;
  is_current: boolean;
  version: number;
  created_at: string;
  updated_at: string;
}

// $1 is always "now", so every statement can say whether a notice is current.
const SELECT = `
  SELECT n.id, n.kind, n.title, n.body, n.valid_from, n.valid_to, n.audience_roles,
         coalesce((SELECT json_agg(json_build_object('id', a.id, 'name', a.name) ORDER BY a.id)
                     FROM org_units a WHERE a.id = ANY(n.audience_org_unit_ids)), '[]'::json) AS audience_units,
         n.publisher_org_unit_id, pu.name AS publisher_org_unit_name, n.created_by,
         cu.display_name AS created_by_name, n.status, n.published_at, pb.display_name AS published_by_name,
         n.withdrawn_at, n.withdraw_reason,
         (n.status = 'published' AND n.valid_from <= $1 AND (n.valid_to IS NULL OR n.valid_to > $1)) AS is_current,
         n.version, n.created_at, n.updated_at
    FROM internal_notices n
    JOIN org_units pu ON pu.id = n.publisher_org_unit_id
    JOIN users cu ON cu.id = n.created_by
    LEFT JOIN users pb ON pb.id = n.published_by`;

function toNotice(r: NoticeRow): Notice {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    audienceRoles: r.audience_roles,
    audienceOrgUnits: r.audience_units.map((u) => ({ id: Number(u.id), name: u.name })),
    publisherOrgUnitId: r.publisher_org_unit_id,
    publisherOrgUnitName: r.publisher_org_unit_name,
    createdById: r.created_by,
    createdByName: r.created_by_name,
    status: r.status,
    publishedAt: r.published_at,
    publishedByName: r.published_by_name,
    withdrawnAt: r.withdrawn_at,
    withdrawReason: r.withdraw_reason,
    current: r.is_current,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/**
 * The notice is addressed to the user through one of his role assignments: the role is in the
 * audience (or the audience names no roles), and the role's unit lies above, at or below one of the
 * audience units (or the audience names no units) — an outage notice for a branch reaches the
 * company-wide agents who answer that branch's customers as well as the branch's own staff.
 */
const ADDRESSED_TO = (userParam: string) => `EXISTS (
  SELECT 1 FROM user_roles ur JOIN org_units u ON u.id = ur.org_unit_id
   WHERE ur.user_id = ${userParam}
     AND (n.audience_roles = '{}' OR ur.role = ANY(n.audience_roles))
     AND (n.audience_org_unit_ids = '{}' OR EXISTS (
           SELECT 1 FROM org_units a
            WHERE a.id = ANY(n.audience_org_unit_ids)
              AND (u.path LIKE a.path || '%' OR a.path LIKE u.path || '%'))))`;

const CURRENT = `n.status = 'published' AND n.valid_from <= $1 AND (n.valid_to IS NULL OR n.valid_to > $1)`;

export interface NoticeFilter {
  kind?: NoticeKind;
  status?: NoticeStatus;
  /** Lower-cased, LIKE-escaped fragment of title or body. */
  text?: string;
}

function filterSql(f: NoticeFilter, params: unknown[]): string {
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const parts: string[] = [];
  if (f.kind) parts.push(`n.kind = ${add(f.kind)}`);
  if (f.status) parts.push(`n.status = ${add(f.status)}`);
  // The same expression as internal_notices_text_idx, so the trigram index answers it.
  if (f.text) parts.push(`lower(n.title || ' ' || n.body) LIKE ${add('%' + f.text + '%')}`);
  return parts.length ? ' AND ' + parts.join(' AND ') : '';
}

async function page(
  db: Db,
  where: string,
  params: unknown[],
  order: string,
  p: { limit: number; offset: number },
): Promise<{ items: Notice[]; total: number }> {
  const rows = await db.query<NoticeRow>(
    `${SELECT} WHERE ${where} ORDER BY ${order} LIMIT ${p.limit} OFFSET ${p.offset}`,
    params,
  );
  // $1 (now) is typed here for the filters that do not otherwise use it.
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM internal_notices n WHERE ${where} AND $1::timestamptz IS NOT NULL`,
    params,
  );
  return { items: rows.rows.map(toNotice), total: total.rows[0].n };
}

/** Published notices valid at `now` and addressed to the user, newest first. */
export async function listCurrentForUser(
  db: Db,
  q: { now: Date; userId: number; filter: NoticeFilter; limit: number; offset: number },
): Promise<{ items: Notice[]; total: number }> {
  const params: unknown[] = [q.now.toISOString(), q.userId];
  const where = `${CURRENT} AND ${ADDRESSED_TO('$2')}${filterSql(q.filter, params)}`;
  return page(db, where, params, 'n.valid_from DESC, n.id DESC', q);
}

/** Every notice published by a unit in scope, in any state, newest first. */
export async function listForPublisher(
  db: Db,
  q: { now: Date; scopeOrgIds: number[]; filter: NoticeFilter; limit: number; offset: number },
): Promise<{ items: Notice[]; total: number }> {
  const params: unknown[] = [q.now.toISOString(), q.scopeOrgIds];
  const where = `n.publisher_org_unit_id = ANY($2::bigint[])${filterSql(q.filter, params)}`;
  return page(db, where, params, 'n.created_at DESC, n.id DESC', q);
}

/** One notice if the user may read it: addressed to him and current, or published by a unit in his scope. */
export async function findVisible(
  db: Db,
  q: { id: number; now: Date; userId: number; publisherScope: number[] },
): Promise<Notice | null> {
  const r = await db.query<NoticeRow>(
    `${SELECT} WHERE n.id = $2 AND ((${CURRENT} AND ${ADDRESSED_TO('$3')}) OR n.publisher_org_unit_id = ANY($4::bigint[]))`,
    [q.now.toISOString(), q.id, q.userId, q.publisherScope],
  );
  return r.rows[0] ? toNotice(r.rows[0]) : null;
}

/** A notice for a change, locked, if it was published by a unit in scope. */
export async function findForUpdate(
  db: Db,
  id: number,
  scopeOrgIds: number[],
  now: Date,
): Promise<Notice | null> {
  const r = await db.query<NoticeRow>(
    `${SELECT} WHERE n.id = $2 AND n.publisher_org_unit_id = ANY($3::bigint[]) FOR UPDATE OF n`,
    [now.toISOString(), id, scopeOrgIds],
  );
  return r.rows[0] ? toNotice(r.rows[0]) : null;
}

/** Ids among `ids` that are not org units. */
export async function missingOrgUnits(db: Db, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const r = await db.query<{ id: number }>(
    `SELECT x AS id FROM unnest($1::bigint[]) AS x WHERE NOT EXISTS (SELECT 1 FROM org_units o WHERE o.id = x)`,
    [ids],
  );
  return r.rows.map((x) => Number(x.id));
}

export interface NoticeValues {
  kind: NoticeKind;
  title: string;
  body: string;
  validFrom: string;
  validTo: string | null;
  audienceRoles: string[];
  audienceOrgUnitIds: number[];
  publisherOrgUnitId: number;
}

export async function insertNotice(db: Db, v: NoticeValues, createdBy: number): Promise<number> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO internal_notices(kind, title, body, valid_from, valid_to, audience_roles, audience_org_unit_ids,
                                  publisher_org_unit_id, created_by)
     VALUES ($1,$2,$3,$4,$5,$6::text[],$7::bigint[],$8,$9) RETURNING id`,
    [
      v.kind,
      v.title,
      v.body,
      v.validFrom,
      v.validTo,
      v.audienceRoles,
      v.audienceOrgUnitIds,
      v.publisherOrgUnitId,
      createdBy,
    ],
  );
  return r.rows[0].id;
}

/** Updates at the version read; false on a stale version. */
export async function updateNotice(db: Db, id: number, version: number, v: NoticeValues): Promise<boolean> {
  const r = await db.query(
    `UPDATE internal_notices
        SET kind = $3, title = $4, body = $5, valid_from = $6, valid_to = $7, audience_roles = $8::text[],
            audience_org_unit_ids = $9::bigint[], publisher_org_unit_id = $10, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2`,
    [
      id,
      version,
      v.kind,
      v.title,
      v.body,
      v.validFrom,
      v.validTo,
      v.audienceRoles,
      v.audienceOrgUnitIds,
      v.publisherOrgUnitId,
    ],
  );
  return r.rowCount > 0;
}

/** Moves a notice from one status to the next at the version read; false on a stale version or status. */
export async function setStatus(
  db: Db,
  q: {
    id: number;
    version: number;
    from: NoticeStatus;
    to: 'published' | 'withdrawn';
    userId: number;
    at: Date;
    reason?: string | null;
  },
): Promise<boolean> {
  const stamp =
    q.to === 'published'
      ? 'published_at = $5, published_by = $6'
      : 'withdrawn_at = $5, withdrawn_by = $6, withdraw_reason = $7';
  const params: unknown[] = [q.id, q.version, q.from, q.to, q.at.toISOString(), q.userId];
  if (q.to === 'withdrawn') params.push(q.reason ?? null);
  const r = await db.query(
    `UPDATE internal_notices SET status = $4, ${stamp}, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 AND status = $3`,
    params,
  );
  return r.rowCount > 0;
}
