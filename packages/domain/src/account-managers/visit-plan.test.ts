import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VISIT_FREQUENCY,
  businessDate,
  businessPeriod,
  isVisitDue,
  isVisitOverdue,
  visitDueDate,
  visitIntervalMonths,
} from './visit-plan';

// domain.md §3 [S004]: important and VIP monthly, key and HV every two months, others quarterly.
describe('visitIntervalMonths', () => {
  it.each([
    ['important', false, false, 1],
    ['important', false, true, 1],
    ['key', false, false, 2],
    ['key', true, false, 1],
    ['key', false, true, 2],
    ['grassroots', false, false, 3],
    ['grassroots', false, true, 2],
    ['grassroots', true, false, 1],
    ['residential', false, false, 3],
    ['residential', true, false, 1],
  ] as const)('tier %s, VIP %s, HV %s → every %i month(s)', (importanceTier, vip, highVoltage, months) => {
    expect(visitIntervalMonths({ importanceTier, vip, highVoltage })).toBe(months);
  });

  it('takes the most frequent interval that applies under a configured schedule', () => {
    const config = { ...DEFAULT_VISIT_FREQUENCY, key: 4, hv: 3, other: 6 };
    expect(visitIntervalMonths({ importanceTier: 'key', vip: false, highVoltage: true }, config)).toBe(3);
    expect(
      visitIntervalMonths({ importanceTier: 'grassroots', vip: false, highVoltage: false }, config),
    ).toBe(6);
  });

  it('never plans more often than monthly even if configured at 0', () => {
    const config = { ...DEFAULT_VISIT_FREQUENCY, important: 0 };
    expect(visitIntervalMonths({ importanceTier: 'important', vip: false, highVoltage: false }, config)).toBe(
      1,
    );
  });
});

describe('isVisitDue', () => {
  it.each([
    ['2026-11', null, 2, true, 'never planned'],
    ['2026-11', '2026-10', 1, true, 'monthly, planned last month'],
    ['2026-11', '2026-10', 2, false, 'every two months, planned last month'],
    ['2026-12', '2026-10', 2, true, 'every two months, planned two months ago'],
    ['2027-01', '2026-11', 2, true, 'interval crosses the year end'],
    ['2027-01', '2026-12', 3, false, 'quarterly, planned last month across the year end'],
    ['2027-02', '2026-11', 3, true, 'quarterly, three months later'],
  ] as const)('%s after %s at %i months → %s (%s)', (period, last, interval, due, _why) => {
    expect(isVisitDue(period, last, interval)).toBe(due);
  });
});

describe('visitDueDate', () => {
  it.each([
    ['2026-11', '2026-11-30'],
    ['2026-12', '2026-12-31'],
    ['2027-02', '2027-02-28'],
    ['2028-02', '2028-02-29'],
    ['2026-04', '2026-04-30'],
  ])('a plan for %s is due by %s, the last day of its month', (period, due) => {
    expect(visitDueDate(period)).toBe(due);
  });
});

describe('isVisitOverdue', () => {
  it.each([
    ['2026-11-30', '2026-11-30', false, false, 'due today is not yet overdue'],
    ['2026-11-30', '2026-12-01', false, true, 'the day after the due date'],
    ['2026-11-30', '2026-12-01', true, false, 'a done visit is never overdue'],
    ['2026-11-30', '2026-11-15', false, false, 'before the due date'],
  ] as const)('due %s, today %s, done %s → %s (%s)', (due, today, done, overdue, _why) => {
    expect(isVisitOverdue(due, today, done)).toBe(overdue);
  });
});

describe('business date and period in Asia/Shanghai (UTC+8)', () => {
  it.each([
    ['2026-11-30T15:59:59Z', '2026-11-30', '2026-11'],
    ['2026-11-30T16:00:00Z', '2026-12-01', '2026-12'],
    ['2026-12-31T16:30:00Z', '2027-01-01', '2027-01'],
    ['2027-01-01T00:00:00Z', '2027-01-01', '2027-01'],
  ])('at %s the business date is %s and the period %s', (instant, date, period) => {
    expect(businessDate(new Date(instant))).toBe(date);
    expect(businessPeriod(new Date(instant))).toBe(period);
  });

  it('uses another zone when asked', () => {
    expect(businessDate(new Date('2026-11-30T16:00:00Z'), 'UTC')).toBe('2026-11-30');
  });
});
