import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_LIMIT_RULES, limitsFor } from './time-limits';
import type { TimeLimitRule } from './time-limits';

const sameDay = { amount: 1, unit: 'end_of_working_day' };
const wd = (amount: number) => ({ amount, unit: 'working_days' });

// domain.md §4 time-limit table.
describe('limitsFor with the defaults', () => {
  it('a complaint: same-day dispatch, first contact in 1 working day, reply in 5, return visit in 2', () => {
    expect(limitsFor({ type: 'complaint' }, DEFAULT_TIME_LIMIT_RULES)).toEqual({
      dispatch: sameDay,
      first_contact: wd(1),
      reply: wd(5),
      return_visit: wd(2),
    });
  });

  it.each([
    ['consultation', wd(1)],
    ['query', wd(1)],
    ['report', wd(5)],
    ['suggestion', wd(5)],
    ['praise', wd(5)],
    ['application', wd(5)],
    ['urge', wd(5)],
    ['fault_repair', wd(5)],
  ] as const)('a %s is replied within %o', (type, reply) => {
    const limits = limitsFor({ type }, DEFAULT_TIME_LIMIT_RULES);
    expect(limits.reply).toEqual(reply);
    expect(limits.dispatch).toEqual(sameDay);
    expect(limits.first_contact).toBeUndefined();
  });

  it.each([
    ['fault_repair', true],
    ['complaint', true],
    ['application', true],
    ['consultation', false],
    ['query', false],
    ['report', false],
    ['suggestion', false],
    ['praise', false],
    ['urge', false],
  ] as const)(
    'a %s needs a return visit: %s (the rule exists exactly for the visit types)',
    (type, needed) => {
      expect(limitsFor({ type }, DEFAULT_TIME_LIMIT_RULES).return_visit !== undefined).toBe(needed);
    },
  );

  it.each([
    ['urban', 45, 4],
    ['rural', 90, 5],
    ['remote', 120, 5],
    [null, 45, 4],
    [undefined, 45, 4],
  ] as const)(
    'fault repair in a %s area: arrival %i min, restoration %i h',
    (areaClass, arrival, restoration) => {
      const limits = limitsFor({ type: 'fault_repair', areaClass }, DEFAULT_TIME_LIMIT_RULES);
      expect(limits.arrival).toEqual({ amount: arrival, unit: 'calendar_minutes' });
      expect(limits.restoration).toEqual({ amount: restoration, unit: 'calendar_hours' });
    },
  );

  it('only fault repairs have arrival and restoration limits', () => {
    const limits = limitsFor({ type: 'complaint', areaClass: 'rural' }, DEFAULT_TIME_LIMIT_RULES);
    expect(limits.arrival).toBeUndefined();
    expect(limits.restoration).toBeUndefined();
  });

  it('a meter-test application has its result within 7 calendar days; other applications do not', () => {
    expect(
      limitsFor({ type: 'application', subCategory: 'meter_test' }, DEFAULT_TIME_LIMIT_RULES).meter_test,
    ).toEqual({ amount: 7, unit: 'calendar_days' });
    expect(limitsFor({ type: 'application', subCategory: 'tariff_change' }).meter_test).toBeUndefined();
  });
});

describe('limitsFor with configured rules', () => {
  const rules: TimeLimitRule[] = [
    ...DEFAULT_TIME_LIMIT_RULES,
    { kind: 'reply', type: 'complaint', areaClass: 'remote', limit: wd(7) } as TimeLimitRule,
    { kind: 'reply', type: 'complaint', limit: wd(3) } as TimeLimitRule,
  ];

  it('the most specific rule wins', () => {
    expect(limitsFor({ type: 'complaint', areaClass: 'remote' }, rules).reply).toEqual(wd(7));
  });

  it('among equally specific rules the first listed wins', () => {
    expect(limitsFor({ type: 'complaint', areaClass: 'urban' }, rules).reply).toEqual(wd(5));
  });

  it('without rules there are no limits', () => {
    expect(limitsFor({ type: 'complaint' }, [])).toEqual({});
  });
});
