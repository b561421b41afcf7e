// Append-only audit log of every change and every unmasked view of personal data.
import type { Db } from '../db/db';

export interface AuditEntry {
  actor: { id: number; name: string } | null;
  action: string;
  entity: string;
  entityId?: number | string | null;
  orgUnitId?: number | null;
  before?: unknown;
  after?: unknown;
  requestId?: string;
}

export async function writeAudit(db: Db, e: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_log(actor_id, actor_name, action, entity, entity_id, org_unit_id, before, after, request_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [
      e.actor?.id ?? null,
      e.actor?.name ?? null,
      e.action,
      e.entity,
      e.entityId == null ? null : String(e.entityId),
      e.orgUnitId ?? null,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
      e.requestId ?? null,
    ],
  );
}
