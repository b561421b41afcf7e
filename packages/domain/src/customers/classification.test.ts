import { describe, expect, it } from 'vitest';
import { impliedCustomerClass, meterMultiplier, requiresAccountManager } from './classification';

describe('customer class from supply', () => {
  it.each([
    [{ residential: true, voltage: '220V', transformerKva: 0 }, 'residential'],
    [{ residential: false, voltage: '380V', transformerKva: 0 }, 'lv_non_residential'],
    [{ residential: false, voltage: '10kV', transformerKva: 250 }, 'hv'],
    // [S003/5]: large industry is HV with transformer capacity ≥ 315 kVA — the boundary is inclusive.
    [{ residential: false, voltage: '10kV', transformerKva: 315 }, 'large_industry'],
    [{ residential: false, voltage: '10kV', transformerKva: 314.9 }, 'hv'],
    [{ residential: false, voltage: '35kV', transformerKva: 5000 }, 'large_industry'],
  ] as const)('%o → %s', (input, expected) => {
    expect(impliedCustomerClass(input)).toBe(expected);
  });
});

describe('account manager requirement (domain.md §3)', () => {
  it.each([
    [{ importanceTier: 'important', vip: false, customerClass: 'lv_non_residential' }, true],
    [{ importanceTier: 'key', vip: false, customerClass: 'lv_non_residential' }, true],
    [{ importanceTier: 'grassroots', vip: true, customerClass: 'residential' }, true],
    [{ importanceTier: 'grassroots', vip: false, customerClass: 'hv' }, true],
    [{ importanceTier: 'grassroots', vip: false, customerClass: 'large_industry' }, true],
    [{ importanceTier: 'grassroots', vip: false, customerClass: 'lv_non_residential' }, false],
    [{ importanceTier: 'residential', vip: false, customerClass: 'residential' }, false],
  ] as const)('%o → %s', (c, expected) => {
    expect(requiresAccountManager(c)).toBe(expected);
  });
});

describe('meter multiplier', () => {
  it('is CT ratio × PT ratio', () => {
    // 50/5 A current transformer (10) × 10000/100 V voltage transformer (100) = 1000.
    expect(meterMultiplier(10, 100)).toBe(1000);
    expect(meterMultiplier(1, 1)).toBe(1);
  });
});
