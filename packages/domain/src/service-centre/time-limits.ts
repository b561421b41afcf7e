// Default time limits of the service centre (domain.md §4 table; S001, S002, S003/5 and the service
// commitments). They are configuration: admins override them per type, sub-category and area class, and
// `limitsFor` picks the most specific rule for each kind of limit.
//
// Choices where domain.md leaves room (business decisions, also in docs/service-centre.md):
// - dispatch (service centre → responsible unit) is "same day" for every type.
// - reply: complaint 5 working days; consultation and query 1 working day; every other type 5 working days.
// - fault-repair restoration in remote areas: 5 h like rural (S001 names urban and rural only).
// - fault-repair limits for an order whose area class is unknown use the urban (strictest) figures, so a
//   missing address class warns early rather than late.
// - meter test: 7 calendar days for applications of sub-category 'meter_test'.
import type { AreaClass } from '../org/roles';
import type { TimeLimit } from './deadlines';
import type { WorkOrderType } from './work-order-model';

export const TIME_LIMIT_KINDS = [
  'dispatch',
  'first_contact',
  'reply',
  'arrival',
  'restoration',
  'return_visit',
  'meter_test',
] as const;
export type TimeLimitKind = (typeof TIME_LIMIT_KINDS)[number];

export interface TimeLimitRule {
  kind: TimeLimitKind;
  type?: WorkOrderType;
  subCategory?: string;
  areaClass?: AreaClass;
  limit: TimeLimit;
}

export const METER_TEST_SUBCATEGORY = 'meter_test';

const sameDay: TimeLimit = { amount: 1, unit: 'end_of_working_day' };
const workingDays = (amount: number): TimeLimit => ({ amount, unit: 'working_days' });
const minutes = (amount: number): TimeLimit => ({ amount, unit: 'calendar_minutes' });
const hours = (amount: number): TimeLimit => ({ amount, unit: 'calendar_hours' });

export const DEFAULT_TIME_LIMIT_RULES: readonly TimeLimitRule[] = [
  { kind: 'dispatch', limit: sameDay }, // S001: to the responsible unit before the end of the working day
  { kind: 'first_contact', type: 'complaint', limit: workingDays(1) }, // commitment
  { kind: 'reply', type: 'complaint', limit: workingDays(5) }, // commitment
  { kind: 'reply', type: 'consultation', limit: workingDays(1) },
  { kind: 'reply', type: 'query', limit: workingDays(1) },
  { kind: 'reply', limit: workingDays(5) }, // other types: our default
  { kind: 'arrival', type: 'fault_repair', limit: minutes(45) }, // area class unknown: urban figure
  { kind: 'arrival', type: 'fault_repair', areaClass: 'urban', limit: minutes(45) }, // S001
  { kind: 'arrival', type: 'fault_repair', areaClass: 'rural', limit: minutes(90) }, // S001
  { kind: 'arrival', type: 'fault_repair', areaClass: 'remote', limit: minutes(120) }, // commitment
  { kind: 'restoration', type: 'fault_repair', limit: hours(4) },
  { kind: 'restoration', type: 'fault_repair', areaClass: 'urban', limit: hours(4) }, // S001
  { kind: 'restoration', type: 'fault_repair', areaClass: 'rural', limit: hours(5) }, // S001
  { kind: 'restoration', type: 'fault_repair', areaClass: 'remote', limit: hours(5) }, // as rural
  // S001, S002: a return visit within 2 working days of the reply, 100 % for fault repair, new
  // connections (applications) and complaints. A type needs a visit exactly when a return_visit rule
  // applies to it, so admins make visits required for another type by adding a row to the table.
  { kind: 'return_visit', type: 'fault_repair', limit: workingDays(2) },
  { kind: 'return_visit', type: 'complaint', limit: workingDays(2) },
  { kind: 'return_visit', type: 'application', limit: workingDays(2) },
  {
    kind: 'meter_test',
    type: 'application',
    subCategory: METER_TEST_SUBCATEGORY,
    limit: { amount: 7, unit: 'calendar_days' },
  }, // S003/5
];

function specificity(rule: TimeLimitRule): number {
  return (rule.type ? 1 : 0) + (rule.subCategory ? 1 : 0) + (rule.areaClass ? 1 : 0);
}

function applies(
  rule: TimeLimitRule,
  order: { type: WorkOrderType; subCategory?: string | null; areaClass?: AreaClass | null },
): boolean {
  return (
    (!rule.type || rule.type === order.type) &&
    (!rule.subCategory || rule.subCategory === order.subCategory) &&
    (!rule.areaClass || rule.areaClass === order.areaClass)
  );
}

/**
 * The limits that apply to an order, one per kind: the matching rule with the most conditions wins; among
 * equally specific rules the first in `rules` wins. Kinds without a matching rule are absent.
 */
export function limitsFor(
  order: { type: WorkOrderType; subCategory?: string | null; areaClass?: AreaClass | null },
  rules: readonly TimeLimitRule[] = DEFAULT_TIME_LIMIT_RULES,
): Partial<Record<TimeLimitKind, TimeLimit>> {
  const best = new Map<TimeLimitKind, TimeLimitRule>();
  for (const rule of rules) {
    if (!applies(rule, order)) continue;
    const current = best.get(rule.kind);
    if (!current || specificity(rule) > specificity(current)) best.set(rule.kind, rule);
  }
  const out: Partial<Record<TimeLimitKind, TimeLimit>> = {};
  for (const kind of TIME_LIMIT_KINDS) {
    const rule = best.get(kind);
    if (rule) out[kind] = { ...rule.limit };
  }
  return out;
}
