// The supervisor's to-do list: customers that must have an account manager and have none.
import type { UnassignedCustomer } from '@gridcare/contracts';
import { CUSTOMER_CLASSES, IMPORTANCE_TIERS, requiresAccountManager } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import { offsetOf } from './sql-helpers';

// The SQL form of requiresAccountManager(), derived from the rule itself so the two cannot drift.
// Values come from the domain's enum constants, never from input, so inlining them is safe; literal
// values also let the planner match the partial index customers_unassigned_idx (migration 0010).
const quote = (v: readonly string[]) => v.map((x) => `'${x}'`).join(',');
const TIERS = IMPORTANCE_TIERS.filter((t) =>
  requiresAccountManager({ importanceTier: t, vip: false, customerClass: 'residential' }),
);
const CLASSES = CUSTOMER_CLASSES.filter((c) =>
  requiresAccountManager({ importanceTier: 'residential', vip: false, customerClass: c }),
);
const VIP = requiresAccountManager({
  importanceTier: 'residential',
  vip: true,
  customerClass: 'residential',
});
const REQUIRES_MANAGER_SQL = `(c.importance_tier IN (${quote(TIERS)}) OR c.customer_class IN (${quote(CLASSES)})${
  VIP ? ' OR c.vip' : ''
})`;

interface UnassignedRow {
  id: number;
  customer_no: string;
  name: string;
  org_unit_id: number;
  org_unit_name: string;
  customer_class: UnassignedCustomer['customerClass'];
  importance_tier: UnassignedCustomer['importanceTier'];
  vip: boolean;
  industry_code: string | null;
}

export async function listUnassigned(
  db: Db,
  q: { scopeOrgIds: number[]; orgUnitId?: number; page: number; pageSize: number },
): Promise<{ items: UnassignedCustomer[]; total: number }> {
  const where = `c.org_unit_id = ANY($1::bigint[]) AND c.account_manager_id IS NULL AND c.status = 'active'
     AND ${REQUIRES_MANAGER_SQL}
     AND ($2::bigint IS NULL OR o.path LIKE (SELECT t.path FROM org_units t WHERE t.id = $2::bigint) || '%')`;
  const params = [q.scopeOrgIds, q.orgUnitId ?? null];
  const rows = await db.query<UnassignedRow>(
    `SELECT c.id, c.customer_no, c.name, c.org_unit_id, o.name AS org_unit_name, c.customer_class,
            c.importance_tier, c.vip, c.industry_code
       FROM customers c JOIN org_units o ON o.id = c.org_unit_id
      WHERE ${where}
      ORDER BY c.id
      LIMIT $3 OFFSET $4`,
    [...params, q.pageSize, offsetOf(q)],
  );
  const total = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM customers c JOIN org_units o ON o.id = c.org_unit_id WHERE ${where}`,
    params,
  );
  return {
    items: rows.rows.map((r) => ({
      id: r.id,
      customerNo: r.customer_no,
      name: r.name,
      orgUnitId: r.org_unit_id,
      orgUnitName: r.org_unit_name,
      customerClass: r.customer_class,
      importanceTier: r.importance_tier,
      vip: r.vip,
      industryCode: r.industry_code,
    })),
    total: total.rows[0].n,
  };
}
