// Monthly visit plans (走访计划, domain.md §3): generated set-based for every managed customer that is
// due, listed for managers and supervisors, and closed by a recorded visit.
import type { VisitPlan, VisitPlanStatus } from '@gridcare/contracts';
import type { VisitFrequencyConfig } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import { offsetOf } from './sql-helpers';

const MONTH_INDEX = (col: string) => `(substr(${col}, 1, 4)::int * 12 + substr(${col}, 6, 2)::int - 1)`;

/**
 * One plan per managed active customer due in `period`: the SQL form of visitIntervalMonths() and
 * isVisitDue() (packages/domain account-managers/visit-plan.ts), judged against the last non-cancelled
 * plan before the period. HV here means the hv and large_industry classes (large industry is HV, §2).
 * Only plans within the longest interval matter (an older one leaves the customer due anyway), and they
 * are aggregated once, so the statement stays one hash join however many customers are managed.
 * UNIQUE (customer_id, period) with ON CONFLICT DO NOTHING makes a rerun create nothing.
 */
export async function insertDuePlans(
  db: Db,
  g: { period: string; dueDate: string; scopeOrgIds: number[] | null; config: VisitFrequencyConfig },
): Promise<number> {
  const [y, m] = g.period.split('-').map(Number);
  const index = y * 12 + (m - 1);
  const c = g.config;
  const longest = Math.max(1, c.other, c.important, c.vip, c.key, c.hv);
  const lookBack = index - longest;
  const since = `${Math.floor(lookBack / 12)}-${String((lookBack % 12) + 1).padStart(2, '0')}`;
  const r = await db.query(
    `WITH recent AS MATERIALIZED (
       SELECT vp.customer_id, max(vp.period) AS period FROM visit_plans vp
        WHERE vp.period >= $10 AND vp.period < $1 AND vp.status <> 'cancelled'
        GROUP BY vp.customer_id)
     INSERT INTO visit_plans(customer_id, org_unit_id, manager_id, period, due_date)
     SELECT c.id, c.org_unit_id, c.account_manager_id, $1, $2::date
       FROM customers c
       LEFT JOIN recent last ON last.customer_id = c.id
      WHERE c.account_manager_id IS NOT NULL AND c.status = 'active'
        AND ($3::bigint[] IS NULL OR c.org_unit_id = ANY($3::bigint[]))
        AND (last.period IS NULL OR $4::int - ${MONTH_INDEX('last.period')} >= GREATEST(1, LEAST(
              $5::int,
              CASE WHEN c.importance_tier = 'important' THEN $6::int END,
              CASE WHEN c.vip THEN $7::int END,
              CASE WHEN c.importance_tier = 'key' THEN $8::int END,
              CASE WHEN c.customer_class IN ('hv', 'large_industry') THEN $9::int END)))
     ON CONFLICT (customer_id, period) DO NOTHING`,
    [g.period, g.dueDate, g.scopeOrgIds, index, c.other, c.important, c.vip, c.key, c.hv, since],
  );
  return r.rowCount;
}

/** Open plans follow the customer to a new manager; with no manager they are cancelled. */
export async function reassignOpenPlans(db: Db, customerId: number, managerId: number | null, at: Date) {
  if (managerId === null) {
    await db.query(
      `UPDATE visit_plans SET status = 'cancelled', version = version + 1, updated_at = $2
        WHERE customer_id = $1 AND status = 'planned'`,
      [customerId, at.toISOString()],
    );
    return;
  }
  await db.query(
    `UPDATE visit_plans SET manager_id = $2, version = version + 1, updated_at = $3
      WHERE customer_id = $1 AND status = 'planned' AND manager_id <> $2`,
    [customerId, managerId, at.toISOString()],
  );
}

interface PlanRow {
  id: number;
  customer_id: number;
  customer_no: string;
  customer_name: string;
  org_unit_id: number;
  manager_id: number;
  manager_name: string;
  period: string;
  due_date: string;
  status: VisitPlanStatus;
  visit_id: number | null;
  overdue: boolean;
  version: number;
}

// Overdue: still planned after its due date in the business calendar ($2 is today in Asia/Shanghai).
const OVERDUE_SQL = `(vp.status = 'planned' AND vp.due_date < $2::date)`;

export interface PlanFilter {
  scopeOrgIds: number[];
  /** Account managers see only their own plans. */
  ownManagerId?: number;
  managerId?: number;
  period?: string;
  status?: VisitPlanStatus;
  overdue?: boolean;
  today: string;
  page: number;
  pageSize: number;
}

export async function listPlans(db: Db, f: PlanFilter): Promise<{ items: VisitPlan[]; total: number }> {
  const params: unknown[] = [f.scopeOrgIds, f.today];
  const where = ['c.org_unit_id = ANY($1::bigint[])', '$2::date IS NOT NULL'];
  const add = (sql: (p: string) => string, v: unknown) => {
    params.push(v);
    where.push(sql(`$${params.length}`));
  };
  if (f.ownManagerId !== undefined) add((p) => `vp.manager_id = ${p}::bigint`, f.ownManagerId);
  if (f.managerId !== undefined) add((p) => `vp.manager_id = ${p}::bigint`, f.managerId);
  if (f.period) add((p) => `vp.period = ${p}`, f.period);
  if (f.status) add((p) => `vp.status = ${p}`, f.status);
  if (f.overdue === true) where.push(`${OVERDUE_SQL}`);
  if (f.overdue === false) where.push(`NOT ${OVERDUE_SQL}`);
  const from = `FROM visit_plans vp JOIN customers c ON c.id = vp.customer_id WHERE ${where.join(' AND ')}`;
  const limitAt = params.length + 1;
  const rows = await db.query<PlanRow>(
    `SELECT vp.id, vp.customer_id, c.customer_no, c.name AS customer_name, vp.org_unit_id, vp.manager_id,
            u.display_name AS manager_name, vp.period, vp.due_date, vp.status, vp.visit_id, vp.version,
            ${OVERDUE_SQL} AS overdue
       FROM visit_plans vp JOIN customers c ON c.id = vp.customer_id JOIN users u ON u.id = vp.manager_id
      WHERE ${where.join(' AND ')}
      ORDER BY vp.due_date, vp.id
      LIMIT $${limitAt} OFFSET $${limitAt + 1}`,
    [...params, f.pageSize, offsetOf(f)],
  );
  const total = await db.query<{ n: number }>(`SELECT count(*) AS n ${from}`, params);
  return {
    items: rows.rows.map((r) => ({
      id: r.id,
      customerId: r.customer_id,
      customerNo: r.customer_no,
      customerName: r.customer_name,
      orgUnitId: r.org_unit_id,
      managerId: r.manager_id,
      managerName: r.manager_name,
      period: r.period,
      dueDate: r.due_date,
      status: r.status,
      visitId: r.visit_id,
      overdue: r.overdue,
      version: r.version,
    })),
    total: total.rows[0].n,
  };
}

export interface PlanRef {
  id: number;
  customerId: number;
  status: VisitPlanStatus;
}

export async function findPlan(db: Db, planId: number): Promise<PlanRef | null> {
  const r = await db.query<{ id: number; customer_id: number; status: VisitPlanStatus }>(
    `SELECT id, customer_id, status FROM visit_plans WHERE id = $1 FOR UPDATE`,
    [planId],
  );
  const row = r.rows[0];
  return row ? { id: row.id, customerId: row.customer_id, status: row.status } : null;
}

/** The customer's open plan for a period, if one exists. */
export async function findOpenPlan(db: Db, customerId: number, period: string): Promise<PlanRef | null> {
  const r = await db.query<{ id: number; customer_id: number; status: VisitPlanStatus }>(
    `SELECT id, customer_id, status FROM visit_plans
      WHERE customer_id = $1 AND period = $2 AND status = 'planned' FOR UPDATE`,
    [customerId, period],
  );
  const row = r.rows[0];
  return row ? { id: row.id, customerId: row.customer_id, status: row.status } : null;
}

export async function markPlanDone(db: Db, planId: number, visitId: number, at: Date): Promise<boolean> {
  const r = await db.query(
    `UPDATE visit_plans SET status = 'done', visit_id = $2, version = version + 1, updated_at = $3
      WHERE id = $1 AND status = 'planned'`,
    [planId, visitId, at.toISOString()],
  );
  return r.rowCount > 0;
}
