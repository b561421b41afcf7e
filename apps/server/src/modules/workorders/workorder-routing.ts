// Where an order goes (domain.md §4): the routing rules decide the receiving department or the crew of the
// service point's supply office. Used at intake, on dispatch and when a reopened order is escalated.
import { matchRoutingRule, type AreaClass, type DepartmentKind, type WorkOrderType } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import { orgTree, routingRules, type OrgTree } from './workorder-config-cache';
import type * as repo from './workorders.repository';

function unitForTarget(
  org: OrgTree,
  orgUnitId: number,
  target: { department?: DepartmentKind; toServicePointOffice?: boolean },
): number | null {
  if (target.toServicePointOffice) {
    // Fault repair goes to the crew of the service point's supply office; without one, to production.
    return org.nearestSupplyOffice(orgUnitId) ?? org.nearestDepartment(orgUnitId, 'production');
  }
  return target.department ? org.nearestDepartment(orgUnitId, target.department) : null;
}

/** The receiving unit by the routing rules (domain.md §4), and the rule that decided it. */
export async function routeOrder(
  db: Db,
  o: Pick<repo.OrderRow, 'type' | 'sub_category' | 'org_unit_id' | 'area_class' | 'customer_tier'>,
): Promise<{ unitId: number | null; ruleId: number | null }> {
  // One after the other: `db` may be a transaction's single connection.
  const org = await orgTree(db);
  const rules = await routingRules(db);
  const rule = matchRoutingRule(
    {
      type: o.type as WorkOrderType,
      subCategory: o.sub_category,
      orgPath: org.get(o.org_unit_id)?.path ?? '/',
      areaClass: o.area_class as AreaClass | null,
      tier: o.customer_tier,
    },
    rules,
  );
  if (!rule) return { unitId: null, ruleId: null };
  const dbRule = rules.find((r) => r.id === rule.id)!;
  return { unitId: unitForTarget(org, o.org_unit_id, rule.target), ruleId: dbRule.dbId };
}
