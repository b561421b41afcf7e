import type { RequestContext } from '../../platform/auth/context';
import { requirePermission } from '../../platform/auth/context';

interface AuditRow {
  id: number;
  at: string;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

/** The audit log, newest first, limited to entries of the caller's org units (or with no unit). */
export async function listAudit(
  ctx: RequestContext,
  q: { entity?: string; entityId?: string; action?: string; page: number; pageSize: number },
) {
  requirePermission(ctx.user, 'audit:read');
  const where = `WHERE (org_unit_id IS NULL OR org_unit_id = ANY($1::bigint[]))
      AND ($2::text IS NULL OR entity = $2) AND ($3::text IS NULL OR entity_id = $3) AND ($4::text IS NULL OR action = $4)`;
  const params = [ctx.user.scopeOrgIds, q.entity ?? null, q.entityId ?? null, q.action ?? null];
  const [rows, count] = await Promise.all([
    ctx.db.query<AuditRow>(
      `SELECT id, at, actor_name, action, entity, entity_id, before, after, request_id FROM audit_log ${where}
        ORDER BY at DESC, id DESC LIMIT $5 OFFSET $6`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    ),
    ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log ${where}`, params),
  ]);
  return {
    items: rows.rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorName: r.actor_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      requestId: r.request_id,
    })),
    total: count.rows[0].n,
    page: q.page,
    pageSize: q.pageSize,
  };
}
