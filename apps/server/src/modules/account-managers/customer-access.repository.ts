// The few facts about a customer and a would-be manager that every account-manager use case checks
// first. Reads the archive's customers table only; writes to it go through the assignment repository.
import type { Db } from '../../platform/db/db';

export interface ManagedCustomerRef {
  id: number;
  orgUnitId: number;
  orgUnitPath: string;
  customerNo: string;
  name: string;
  accountManagerId: number | null;
  version: number;
}

/** The customer if it lies inside the caller's org scope; null otherwise (callers answer 404). */
export async function findCustomerInScope(
  db: Db,
  customerId: number,
  scopeOrgIds: number[],
): Promise<ManagedCustomerRef | null> {
  const r = await db.query<{
    id: number;
    org_unit_id: number;
    path: string;
    customer_no: string;
    name: string;
    account_manager_id: number | null;
    version: number;
  }>(
    `SELECT c.id, c.org_unit_id, o.path, c.customer_no, c.name, c.account_manager_id, c.version
       FROM customers c JOIN org_units o ON o.id = c.org_unit_id
      WHERE c.id = $1 AND c.org_unit_id = ANY($2::bigint[])`,
    [customerId, scopeOrgIds],
  );
  const row = r.rows[0];
  if (!row) return null;
  return {
    id: row.id,
    orgUnitId: row.org_unit_id,
    orgUnitPath: row.path,
    customerNo: row.customer_no,
    name: row.name,
    accountManagerId: row.account_manager_id,
    version: row.version,
  };
}

/** Paths of the units on which the user holds account_manager (empty: not an active account manager). */
export async function managerUnitPaths(db: Db, managerId: number): Promise<string[]> {
  const r = await db.query<{ path: string }>(
    `SELECT o.path FROM user_roles ur
       JOIN org_units o ON o.id = ur.org_unit_id
       JOIN users u ON u.id = ur.user_id
      WHERE ur.user_id = $1 AND ur.role = 'account_manager' AND u.active`,
    [managerId],
  );
  return r.rows.map((x) => x.path);
}

/**
 * A manager serves the customers of the units he holds account_manager on and every unit below
 * (domain.md §3). Paths end in '/', so a prefix is an ancestor-or-self.
 */
export function coversUnit(managerPaths: string[], orgUnitPath: string): boolean {
  return managerPaths.some((p) => orgUnitPath.startsWith(p));
}

export async function userName(db: Db, userId: number): Promise<string | null> {
  const r = await db.query<{ display_name: string }>(`SELECT display_name FROM users WHERE id = $1`, [
    userId,
  ]);
  return r.rows[0]?.display_name ?? null;
}
