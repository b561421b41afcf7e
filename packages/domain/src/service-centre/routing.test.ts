import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING_RULES, escalationDepartment, matchRoutingRule } from './routing';
import type { RoutingRule } from './routing';

// domain.md §4 routing defaults (S001).
describe('matchRoutingRule with the defaults', () => {
  it.each([
    [
      { type: 'complaint', subCategory: 'supply_quality' },
      'complaint-supply-quality',
      { department: 'production' },
    ],
    [{ type: 'complaint', subCategory: 'capacity' }, 'complaint-capacity', { department: 'planning' }],
    [{ type: 'complaint', subCategory: 'billing' }, 'complaint-billing', { department: 'marketing' }],
    [{ type: 'complaint', subCategory: 'service_attitude' }, 'default', { department: 'marketing' }],
    [{ type: 'complaint' }, 'default', { department: 'marketing' }],
    [{ type: 'fault_repair', areaClass: 'rural' }, 'fault-repair', { toServicePointOffice: true }],
    [
      { type: 'application', subCategory: 'meter_test' },
      'application-meter-test',
      { department: 'metering' },
    ],
    [{ type: 'application', subCategory: 'tariff_change' }, 'default', { department: 'marketing' }],
    [{ type: 'consultation' }, 'default', { department: 'marketing' }],
    [{ type: 'report', subCategory: 'theft' }, 'default', { department: 'marketing' }],
  ] as const)('%o → %s', (input, id, target) => {
    const rule = matchRoutingRule(input, DEFAULT_ROUTING_RULES);
    expect(rule?.id).toBe(id);
    expect(rule?.target).toEqual(target);
  });
});

describe('matchRoutingRule precedence', () => {
  const rules: RoutingRule[] = [
    { id: 'b-any-complaint', priority: 10, type: 'complaint', target: { department: 'marketing' } },
    { id: 'a-any-complaint', priority: 10, type: 'complaint', target: { department: 'finance' } },
    { id: 'urgent-complaint', priority: 50, type: 'complaint', target: { department: 'service_centre' } },
    {
      id: 'east-billing',
      priority: 1,
      type: 'complaint',
      subCategory: 'billing',
      orgPathPrefix: '/1/2/',
      target: { department: 'finance' },
    },
    { id: 'vip', priority: 1, type: 'complaint', tier: 'vip', target: { department: 'planning' } },
    {
      id: 'remote',
      priority: 1,
      type: 'fault_repair',
      areaClass: 'remote',
      target: { department: 'dispatch' },
    },
  ];

  it('more matched fields beat a higher priority', () => {
    expect(
      matchRoutingRule({ type: 'complaint', subCategory: 'billing', orgPath: '/1/2/7/' }, rules)?.id,
    ).toBe('east-billing');
    expect(matchRoutingRule({ type: 'complaint', tier: 'vip' }, rules)?.id).toBe('vip');
  });

  it('at equal specificity the higher priority wins', () => {
    expect(matchRoutingRule({ type: 'complaint' }, rules)?.id).toBe('urgent-complaint');
  });

  it('at equal specificity and priority the smaller id wins', () => {
    const tie = rules.filter((r) => r.id !== 'urgent-complaint');
    expect(matchRoutingRule({ type: 'complaint' }, tie)?.id).toBe('a-any-complaint');
  });

  it('the org path prefix must match', () => {
    expect(matchRoutingRule({ type: 'complaint', subCategory: 'billing', orgPath: '/1/3/' }, rules)?.id).toBe(
      'urgent-complaint',
    );
    expect(matchRoutingRule({ type: 'complaint', subCategory: 'billing', orgPath: null }, rules)?.id).toBe(
      'urgent-complaint',
    );
  });

  it('area class must match', () => {
    expect(matchRoutingRule({ type: 'fault_repair', areaClass: 'remote' }, rules)?.id).toBe('remote');
    expect(matchRoutingRule({ type: 'fault_repair', areaClass: 'urban' }, rules)).toBeNull();
  });

  it('no rule → null', () => {
    expect(matchRoutingRule({ type: 'praise' }, [])).toBeNull();
  });
});

describe('escalationDepartment when the customer is unsatisfied (S001)', () => {
  it.each([
    ['capacity', 'planning'],
    ['supply_quality', 'production'],
    ['billing', 'marketing'],
    ['service_attitude', 'service_centre'],
    ['other', 'service_centre'],
    [null, 'service_centre'],
    [undefined, 'service_centre'],
  ] as const)('%s → %s', (sub, dept) => {
    expect(escalationDepartment(sub)).toBe(dept);
  });
});
