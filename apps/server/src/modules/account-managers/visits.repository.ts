// Recorded visits (走访记录, domain.md §3): date, contacts met, findings, needs and follow-ups.
import type { Visit } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';
import { offsetOf } from './sql-helpers';

interface VisitRow {
  id: number;
  customer_id: number;
  plan_id: number | null;
  manager_id: number;
  manager_name: string;
  visited_at: string;
  contacts_met: string;
  findings: string;
  needs: string | null;
  follow_ups: string | null;
  created_at: string;
}

const VISIT_SELECT = `
  SELECT v.id, v.customer_id, v.plan_id, v.manager_id, u.display_name AS manager_name, v.visited_at,
         v.contacts_met, v.findings, v.needs, v.follow_ups, v.created_at
    FROM visits v JOIN users u ON u.id = v.manager_id`;

function toVisit(r: VisitRow): Visit {
  return {
    id: r.id,
    customerId: r.customer_id,
    planId: r.plan_id,
    managerId: r.manager_id,
    managerName: r.manager_name,
    visitedAt: r.visited_at,
    contactsMet: r.contacts_met,
    findings: r.findings,
    needs: r.needs,
    followUps: r.follow_ups,
    createdAt: r.created_at,
  };
}

export async function insertVisit(
  db: Db,
  v: {
    customerId: number;
    orgUnitId: number;
    managerId: number;
    planId: number | null;
    visitedAt: Date;
    contactsMet: string;
    findings: string;
    needs: string | null;
    followUps: string | null;
  },
): Promise<number> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO visits(customer_id, org_unit_id, manager_id, plan_id, visited_at, contacts_met, findings, needs, follow_ups)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
    [
      v.customerId,
      v.orgUnitId,
      v.managerId,
      v.planId,
      v.visitedAt.toISOString(),
      v.contactsMet,
      v.findings,
      v.needs,
      v.followUps,
    ],
  );
  return r.rows[0].id;
}

export async function findVisit(db: Db, id: number): Promise<Visit | null> {
  const r = await db.query<VisitRow>(`${VISIT_SELECT} WHERE v.id = $1`, [id]);
  return r.rows[0] ? toVisit(r.rows[0]) : null;
}

export async function listVisits(
  db: Db,
  customerId: number,
  q: { page: number; pageSize: number },
): Promise<{ items: Visit[]; total: number }> {
  const rows = await db.query<VisitRow>(
    `${VISIT_SELECT} WHERE v.customer_id = $1 ORDER BY v.visited_at DESC, v.id DESC LIMIT $2 OFFSET $3`,
    [customerId, q.pageSize, offsetOf(q)],
  );
  const total = await db.query<{ n: number }>(`SELECT count(*) AS n FROM visits WHERE customer_id = $1`, [
    customerId,
  ]);
  return { items: rows.rows.map(toVisit), total: total.rows[0].n };
}
