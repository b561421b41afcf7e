// The customer timeline (客户时间轴), newest first; every module appends to it via appendTimeline.
import type { TimelineEvent } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';

export async function timelineRows(
  db: Db,
  customerId: number,
  limit: number,
  offset: number,
): Promise<TimelineEvent[]> {
  const r = await db.query<{
    id: number;
    at: string;
    kind: string;
    title: string;
    detail: unknown;
    actor_name: string | null;
    ref_entity: string | null;
    ref_id: string | null;
  }>(
    `SELECT id, at, kind, title, detail, actor_name, ref_entity, ref_id FROM timeline_events
      WHERE customer_id = $1 ORDER BY at DESC, id DESC LIMIT $2 OFFSET $3`,
    [customerId, limit, offset],
  );
  return r.rows.map((x) => ({
    id: x.id,
    at: x.at,
    kind: x.kind,
    title: x.title,
    detail: x.detail ?? null,
    actorName: x.actor_name,
    refEntity: x.ref_entity,
    refId: x.ref_id,
  }));
}

export async function countTimeline(db: Db, customerId: number): Promise<number> {
  const r = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM timeline_events WHERE customer_id = $1`,
    [customerId],
  );
  return r.rows[0].n;
}
