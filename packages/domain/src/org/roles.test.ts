import { describe, expect, it } from 'vitest';
import { canContain, permissionsOf } from './roles';

describe('role permissions', () => {
  it('gives agents read access without unmasked personal data', () => {
    const p = permissionsOf(['cs_agent']);
    expect(p.has('customer:read')).toBe(true);
    expect(p.has('pii:view')).toBe(false);
    expect(p.has('customer:write')).toBe(false);
  });

  it('lets account managers see personal data and work their customers but not assign managers', () => {
    const p = permissionsOf(['account_manager']);
    expect(p.has('pii:view')).toBe(true);
    expect(p.has('manager:work')).toBe(true);
    expect(p.has('manager:assign')).toBe(false);
  });

  it('unions the permissions of several roles', () => {
    const p = permissionsOf(['cs_agent', 'auditor']);
    expect(p.has('audit:read')).toBe(true);
    expect(p.has('customer:read')).toBe(true);
  });

  it('gives the auditor no write permission', () => {
    const p = permissionsOf(['auditor']);
    expect([...p].filter((x) => x.endsWith(':write') || x.endsWith(':admin'))).toEqual([]);
  });
});

describe('organisation hierarchy', () => {
  it.each([
    ['company', 'branch', true],
    ['branch', 'supply_office', true],
    ['branch', 'business_hall', true],
    ['supply_office', 'branch', false],
    ['business_hall', 'department', false],
    ['company', 'company', false],
  ] as const)('%s may contain %s: %s', (parent, child, ok) => {
    expect(canContain(parent, child)).toBe(ok);
  });
});
