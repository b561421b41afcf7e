// Account-manager assignments with history (客户经理制, domain.md §3). customers.account_manager_id is the
// denormalised current manager; manager_assignments keeps every period with its start and end.
import type { BulkAssignFilter, ManagerAssignment } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';

interface AssignmentRow {
  id: number;
  customer_id: number;
  manager_id: number;
  manager_name: string;
  assigned_at: string;
  ended_at: string | null;
  assigned_by: number | null;
  assigned_by_name: string | null;
  reason: string | null;
}

const ASSIGNMENT_SELECT = `
  SELECT ma.id, ma.customer_id, ma.manager_id, mu.display_name AS manager_name, ma.assigned_at, ma.ended_at,
         ma.assigned_by, bu.display_name AS assigned_by_name, ma.reason
    FROM manager_assignments ma
    JOIN users mu ON mu.id = ma.manager_id
    LEFT JOIN users bu ON bu.id = ma.assigned_by`;

function toAssignment(r: AssignmentRow): ManagerAssignment {
  return {
    id: r.id,
    customerId: r.customer_id,
    managerId: r.manager_id,
    managerName: r.manager_name,
    assignedAt: r.assigned_at,
    endedAt: r.ended_at,
    assignedById: r.assigned_by,
    assignedByName: r.assigned_by_name,
    reason: r.reason,
  };
}

export async function listAssignmentHistory(db: Db, customerId: number): Promise<ManagerAssignment[]> {
  const r = await db.query<AssignmentRow>(
    `${ASSIGNMENT_SELECT} WHERE ma.customer_id = $1 ORDER BY ma.assigned_at DESC, ma.id DESC`,
    [customerId],
  );
  return r.rows.map(toAssignment);
}

export async function findAssignment(db: Db, id: number): Promise<ManagerAssignment | null> {
  const r = await db.query<AssignmentRow>(`${ASSIGNMENT_SELECT} WHERE ma.id = $1`, [id]);
  return r.rows[0] ? toAssignment(r.rows[0]) : null;
}

/** Closes the customer's open assignment period, if any. */
export async function endCurrentAssignment(db: Db, customerId: number, at: Date): Promise<number> {
  const r = await db.query(
    `UPDATE manager_assignments SET ended_at = $2, updated_at = $2 WHERE customer_id = $1 AND ended_at IS NULL`,
    [customerId, at.toISOString()],
  );
  return r.rowCount;
}

export async function insertAssignment(
  db: Db,
  a: {
    customerId: number;
    orgUnitId: number;
    managerId: number;
    assignedBy: number;
    reason: string | null;
    at: Date;
  },
): Promise<number> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO manager_assignments(customer_id, org_unit_id, manager_id, assigned_at, assigned_by, reason)
     VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
    [a.customerId, a.orgUnitId, a.managerId, a.at.toISOString(), a.assignedBy, a.reason],
  );
  return r.rows[0].id;
}

/** Sets the current manager on the customer row; a manager change is a change of the archive record. */
export async function setCustomerManager(db: Db, customerId: number, managerId: number | null, at: Date) {
  const r = await db.query<{ version: number }>(
    `UPDATE customers SET account_manager_id = $2, version = version + 1, updated_at = $3 WHERE id = $1 RETURNING version`,
    [customerId, managerId, at.toISOString()],
  );
  return r.rows[0]?.version ?? null;
}

// --- Bulk ------------------------------------------------------------------------------------------

export interface BulkSelection {
  scopeOrgIds: number[];
  customerIds?: number[];
  filter?: BulkAssignFilter;
  managerId: number;
  /** Paths of the units the manager serves. */
  managerPaths: string[];
}

/** How many of the given ids are customers inside the scope. */
export async function countCustomersInScope(db: Db, ids: number[], scopeOrgIds: number[]): Promise<number> {
  const r = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM customers WHERE id = ANY($1::bigint[]) AND org_unit_id = ANY($2::bigint[])`,
    [ids, scopeOrgIds],
  );
  return r.rows[0].n;
}

/**
 * Selects the customers a bulk assignment touches into a transaction-local table `am_bulk_target`,
 * locking them, and flags which ones the manager is eligible for. Must run inside a transaction.
 */
export async function selectBulkTargets(
  db: Db,
  s: BulkSelection,
): Promise<{ eligible: number; ineligible: number }> {
  await db.query(
    `CREATE TEMP TABLE am_bulk_target (customer_id bigint PRIMARY KEY, org_unit_id bigint NOT NULL, eligible boolean NOT NULL)
       ON COMMIT DROP`,
  );
  const f = s.filter;
  const params: unknown[] = [s.scopeOrgIds, s.managerId, s.managerPaths.map((p) => p + '%')];
  const where: string[] = [
    'c.org_unit_id = ANY($1::bigint[])',
    'c.account_manager_id IS DISTINCT FROM $2::bigint',
  ];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (s.customerIds) add((p) => `c.id = ANY(${p}::bigint[])`, s.customerIds);
  if (f?.orgUnitId !== undefined) {
    add((p) => `o.path LIKE (SELECT t.path FROM org_units t WHERE t.id = ${p}::bigint) || '%'`, f.orgUnitId);
  }
  if (f?.customerClass) add((p) => `c.customer_class = ${p}`, f.customerClass);
  if (f?.importanceTier) add((p) => `c.importance_tier = ${p}`, f.importanceTier);
  if (f?.industryCode) add((p) => `c.industry_code = ${p}`, f.industryCode);
  if (f?.vip !== undefined) add((p) => `c.vip = ${p}::boolean`, f.vip);
  if (f?.onlyUnassigned) where.push('c.account_manager_id IS NULL');
  await db.query(
    `INSERT INTO am_bulk_target(customer_id, org_unit_id, eligible)
     SELECT c.id, c.org_unit_id, o.path LIKE ANY($3::text[])
       FROM customers c JOIN org_units o ON o.id = c.org_unit_id
      WHERE ${where.join(' AND ')}
      FOR UPDATE OF c`,
    params,
  );
  const counts = await db.query<{ eligible: number; ineligible: number }>(
    `SELECT count(*) FILTER (WHERE eligible) AS eligible, count(*) FILTER (WHERE NOT eligible) AS ineligible
       FROM am_bulk_target`,
  );
  return counts.rows[0];
}

/** Moves every eligible selected customer to the manager, keeping history and the timeline, set-based. */
export async function applyBulkAssignment(
  db: Db,
  a: {
    managerId: number;
    actor: { id: number; name: string };
    reason: string;
    at: Date;
    title: string;
    detail: unknown;
  },
): Promise<void> {
  const at = a.at.toISOString();
  await db.query(
    `UPDATE manager_assignments ma SET ended_at = $1, updated_at = $1
       FROM am_bulk_target t
      WHERE t.eligible AND ma.customer_id = t.customer_id AND ma.ended_at IS NULL`,
    [at],
  );
  await db.query(
    `INSERT INTO manager_assignments(customer_id, org_unit_id, manager_id, assigned_at, assigned_by, reason)
     SELECT t.customer_id, t.org_unit_id, $1, $2, $3, $4 FROM am_bulk_target t WHERE t.eligible`,
    [a.managerId, at, a.actor.id, a.reason],
  );
  await db.query(
    `UPDATE customers c SET account_manager_id = $1, version = c.version + 1, updated_at = $2
       FROM am_bulk_target t WHERE t.eligible AND c.id = t.customer_id`,
    [a.managerId, at],
  );
  // Open visit plans follow the customer to the new manager.
  await db.query(
    `UPDATE visit_plans vp SET manager_id = $1, version = vp.version + 1, updated_at = $2
       FROM am_bulk_target t WHERE t.eligible AND vp.customer_id = t.customer_id AND vp.status = 'planned'`,
    [a.managerId, at],
  );
  await db.query(
    `INSERT INTO timeline_events(customer_id, org_unit_id, at, kind, title, detail, actor_id, actor_name, ref_entity, ref_id)
     SELECT t.customer_id, t.org_unit_id, $1, 'manager_assigned', $2, $3::jsonb, $4, $5, 'user', $6
       FROM am_bulk_target t WHERE t.eligible`,
    [at, a.title, JSON.stringify(a.detail), a.actor.id, a.actor.name, String(a.managerId)],
  );
}

/** Up to `limit` ids of the selected eligible customers, for the audit summary. */
export async function sampleBulkTargets(db: Db, limit: number): Promise<number[]> {
  const r = await db.query<{ customer_id: number }>(
    `SELECT customer_id FROM am_bulk_target WHERE eligible ORDER BY customer_id LIMIT $1`,
    [limit],
  );
  return r.rows.map((x) => x.customer_id);
}
