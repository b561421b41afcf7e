// domain.md §8: estimated reads and the true-up; 6 months unread → termination notice.
import { describe, expect, it } from 'vitest';
import { estimateConsumption, trueUpConsumption } from './estimation';
import { consecutiveUnreadMonths, needsTerminationNotice } from './unread';
import { addPeriodMonths, periodMonthsBetween } from './registers';

describe('estimateConsumption', () => {
  it('averages the last 3 actual months', () => {
    const h = [
      { period: '2026-05', kwh: '100.00', actual: true },
      { period: '2026-04', kwh: '200.00', actual: true },
      { period: '2026-03', kwh: '301.00', actual: true },
      { period: '2026-02', kwh: '999.00', actual: true },
    ];
    // (100 + 200 + 301) / 3 = 200.333… → 200.33
    expect(estimateConsumption('2026-06', h)).toEqual({ kwh: '200.33', basis: 'recent_average' });
  });
  it('skips estimated months and rounds half-up', () => {
    const h = [
      { period: '2026-05', kwh: '500.00', actual: false },
      { period: '2026-04', kwh: '100.00', actual: true },
      { period: '2026-03', kwh: '100.01', actual: true },
    ];
    // (100 + 100.01) / 2 = 100.005 → 100.01
    expect(estimateConsumption('2026-06', h)).toEqual({ kwh: '100.01', basis: 'recent_average' });
  });
  it('falls back to the same month last year when no actual read lies in the last 6 months', () => {
    const h = [
      { period: '2025-12', kwh: '80.00', actual: true }, // 7 months back
      { period: '2025-07', kwh: '420.00', actual: true },
    ];
    expect(estimateConsumption('2026-07', h)).toEqual({ kwh: '420.00', basis: 'same_month_last_year' });
  });
  it('is 0 without any history', () => {
    expect(estimateConsumption('2026-07', [])).toEqual({ kwh: '0.00', basis: 'none' });
  });
});

describe('trueUpConsumption', () => {
  it('bills the actual consumption minus what was estimated', () => {
    expect(trueUpConsumption('650.00', ['200.00', '210.50'])).toBe('239.50');
    expect(trueUpConsumption('300.00', ['200.00', '210.50'])).toBe('-110.50');
  });
});

describe('unread months', () => {
  it.each([
    ['2026-01', '2026-07', '2020-01', 6, true],
    ['2026-02', '2026-07', '2020-01', 5, false],
    [null, '2026-06', '2026-01', 6, true], // never read since January: Jan…Jun
    [null, '2026-05', '2026-01', 5, false],
    ['2026-07', '2026-07', '2020-01', 0, false],
  ])('last actual %s, now %s → %d months (notice %s)', (last, now, first, months, notice) => {
    const n = consecutiveUnreadMonths(last, now, first);
    expect(n).toBe(months);
    expect(needsTerminationNotice(n)).toBe(notice);
  });
  it('period arithmetic crosses years', () => {
    expect(addPeriodMonths('2025-11', 3)).toBe('2026-02');
    expect(addPeriodMonths('2026-01', -1)).toBe('2025-12');
    expect(periodMonthsBetween('2025-11', '2026-02')).toBe(3);
  });
});
