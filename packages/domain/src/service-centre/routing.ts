// Routing of work orders to the responsible department or unit (domain.md §4; S001): by type,
// sub-category, the service point's org unit and area class, and customer tier. Rules are configuration;
// the defaults below follow domain.md:
// - complaints about supply quality → production, capacity/expansion → planning, billing → marketing;
// - fault repair → the repair crew of the supply office serving the service point;
// - meter-test applications → metering;
// - everything else (consultation and query not answered on the spot, reports/tip-offs such as theft,
//   other complaints, suggestions, praise, other applications, urges) → marketing, which runs the
//   business halls, inspections and customer service in a State Grid supply company.
import type { AreaClass, DepartmentKind } from '../org/roles';
import type { WorkOrderType } from './work-order-model';

export interface RoutingRule {
  id: string;
  priority: number;
  type?: WorkOrderType;
  subCategory?: string;
  orgPathPrefix?: string;
  areaClass?: AreaClass;
  tier?: string;
  target: { department?: DepartmentKind; toServicePointOffice?: boolean };
}

export interface RoutingInput {
  type: WorkOrderType;
  subCategory?: string | null;
  orgPath?: string | null;
  areaClass?: AreaClass | null;
  tier?: string | null;
}

// 供电质量, 容量/业扩, 电费电价, 服务态度, 其他
export const COMPLAINT_SUBCATEGORIES = [
  'supply_quality',
  'capacity',
  'billing',
  'service_attitude',
  'other',
] as const;
export type ComplaintSubCategory = (typeof COMPLAINT_SUBCATEGORIES)[number];

function matches(rule: RoutingRule, input: RoutingInput): boolean {
  return (
    (rule.type === undefined || rule.type === input.type) &&
    (rule.subCategory === undefined || rule.subCategory === input.subCategory) &&
    (rule.orgPathPrefix === undefined || (input.orgPath ?? '').startsWith(rule.orgPathPrefix)) &&
    (rule.areaClass === undefined || rule.areaClass === input.areaClass) &&
    (rule.tier === undefined || rule.tier === input.tier)
  );
}

function specificity(rule: RoutingRule): number {
  return [rule.type, rule.subCategory, rule.orgPathPrefix, rule.areaClass, rule.tier].filter(
    (f) => f !== undefined,
  ).length;
}

/** The most specific matching rule (most conditions), then the highest priority, then the smallest id. */
export function matchRoutingRule(input: RoutingInput, rules: readonly RoutingRule[]): RoutingRule | null {
  let best: RoutingRule | null = null;
  for (const rule of rules) {
    if (!matches(rule, input)) continue;
    if (!best) {
      best = rule;
      continue;
    }
    const bySpecificity = specificity(rule) - specificity(best);
    const byPriority = rule.priority - best.priority;
    if (
      bySpecificity > 0 ||
      (bySpecificity === 0 && (byPriority > 0 || (byPriority === 0 && rule.id < best.id)))
    )
      best = rule;
  }
  return best;
}

export const DEFAULT_ROUTING_RULES: readonly RoutingRule[] = [
  {
    id: 'complaint-supply-quality',
    priority: 100,
    type: 'complaint',
    subCategory: 'supply_quality',
    target: { department: 'production' },
  },
  {
    id: 'complaint-capacity',
    priority: 100,
    type: 'complaint',
    subCategory: 'capacity',
    target: { department: 'planning' },
  },
  {
    id: 'complaint-billing',
    priority: 100,
    type: 'complaint',
    subCategory: 'billing',
    target: { department: 'marketing' },
  },
  { id: 'fault-repair', priority: 100, type: 'fault_repair', target: { toServicePointOffice: true } },
  {
    id: 'application-meter-test',
    priority: 100,
    type: 'application',
    subCategory: 'meter_test',
    target: { department: 'metering' },
  },
  { id: 'default', priority: 0, target: { department: 'marketing' } },
];

/**
 * Who leads when the customer is unsatisfied after a department's handling of a complaint (S001): planning
 * for supply-capacity problems, production for supply-quality problems, marketing for billing; anything
 * else goes back to the service centre, which coordinates.
 */
export function escalationDepartment(subCategory: string | null | undefined): DepartmentKind {
  switch (subCategory) {
    case 'capacity':
      return 'planning';
    case 'supply_quality':
      return 'production';
    case 'billing':
      return 'marketing';
    default:
      return 'service_centre';
  }
}
