// The account manager's own workspace: the customers he manages and how his visits stand.
import type { MyCustomer } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';
import { containsPattern, offsetOf } from './sql-helpers';

interface MyCustomerRow {
  id: number;
  customer_no: string;
  name: string;
  org_unit_id: number;
  customer_class: MyCustomer['customerClass'];
  importance_tier: MyCustomer['importanceTier'];
  vip: boolean;
  next_visit_due: string | null;
  overdue: boolean;
  last_visit_at: string | null;
}

export async function listMyCustomers(
  db: Db,
  q: {
    managerId: number;
    scopeOrgIds: number[];
    text?: string;
    today: string;
    page: number;
    pageSize: number;
  },
): Promise<{ items: MyCustomer[]; total: number }> {
  const where = `c.account_manager_id = $1 AND c.org_unit_id = ANY($2::bigint[])
     AND ($3::text IS NULL OR c.search_text LIKE $3)`;
  const params = [q.managerId, q.scopeOrgIds, q.text ? containsPattern(q.text.toLowerCase()) : null];
  // Overdue customers first, then by the next visit due: the order a manager works through them.
  const rows = await db.query<MyCustomerRow>(
    `SELECT c.id, c.customer_no, c.name, c.org_unit_id, c.customer_class, c.importance_tier, c.vip,
            (SELECT min(vp.due_date) FROM visit_plans vp
              WHERE vp.customer_id = c.id AND vp.status = 'planned') AS next_visit_due,
            EXISTS (SELECT 1 FROM visit_plans vp
              WHERE vp.customer_id = c.id AND vp.status = 'planned' AND vp.due_date < $4::date) AS overdue,
            (SELECT max(v.visited_at) FROM visits v WHERE v.customer_id = c.id) AS last_visit_at
       FROM customers c
      WHERE ${where}
      ORDER BY overdue DESC, next_visit_due NULLS LAST, c.id
      LIMIT $5 OFFSET $6`,
    [...params, q.today, q.pageSize, offsetOf(q)],
  );
  const total = await db.query<{ n: number }>(`SELECT count(*) AS n FROM customers c WHERE ${where}`, params);
  return {
    items: rows.rows.map((r) => ({
      id: r.id,
      customerNo: r.customer_no,
      name: r.name,
      orgUnitId: r.org_unit_id,
      customerClass: r.customer_class,
      importanceTier: r.importance_tier,
      vip: r.vip,
      nextVisitDue: r.next_visit_due,
      overdue: r.overdue,
      lastVisitAt: r.last_visit_at,
    })),
    total: total.rows[0].n,
  };
}

export interface VisitCounts {
  customers: number;
  plannedThisMonth: number;
  doneThisMonth: number;
  overdue: number;
}

export async function myVisitCounts(
  db: Db,
  q: { managerId: number; scopeOrgIds: number[]; period: string; today: string },
): Promise<VisitCounts> {
  const r = await db.query<{ customers: number; planned: number; done: number; overdue: number }>(
    `SELECT (SELECT count(*) FROM customers c
              WHERE c.account_manager_id = $1 AND c.org_unit_id = ANY($2::bigint[])) AS customers,
            count(*) FILTER (WHERE vp.period = $3 AND vp.status <> 'cancelled') AS planned,
            count(*) FILTER (WHERE vp.period = $3 AND vp.status = 'done') AS done,
            count(*) FILTER (WHERE vp.status = 'planned' AND vp.due_date < $4::date) AS overdue
       FROM visit_plans vp
      WHERE vp.manager_id = $1 AND vp.org_unit_id = ANY($2::bigint[])`,
    [q.managerId, q.scopeOrgIds, q.period, q.today],
  );
  const row = r.rows[0];
  return {
    customers: row.customers,
    plannedThisMonth: row.planned,
    doneThisMonth: row.done,
    overdue: row.overdue,
  };
}
