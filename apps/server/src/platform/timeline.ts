// Every capability adds its customer-facing events to one timeline shown on the customer 360 page.
import type { Db } from './db/db';

export interface TimelineEntry {
  customerId: number;
  orgUnitId: number;
  kind: string;
  title: string;
  detail?: unknown;
  actor?: { id: number; name: string } | null;
  refEntity?: string;
  refId?: number | string;
  at?: Date;
}

export async function appendTimeline(db: Db, e: TimelineEntry): Promise<void> {
  await db.query(
    `INSERT INTO timeline_events(customer_id, org_unit_id, at, kind, title, detail, actor_id, actor_name, ref_entity, ref_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [
      e.customerId,
      e.orgUnitId,
      (e.at ?? new Date()).toISOString(),
      e.kind,
      e.title,
      e.detail === undefined ? null : JSON.stringify(e.detail),
      e.actor?.id ?? null,
      e.actor?.name ?? null,
      e.refEntity ?? null,
      e.refId == null ? null : String(e.refId),
    ],
  );
}
