import { describe, expect, it } from 'vitest';
import { ageingBucket, collectionRate } from './collection-rate';

describe('collectionRate (电费回收率)', () => {
  it.each([
    [10_000, 9_512, '95.12'],
    [3, 1, '33.33'],
    [3, 2, '66.67'], // 66.666… rounds half-up
    [800, 800, '100.00'],
    [1_000, 0, '0.00'],
    [0, 0, null],
  ])('billed %i fen, collected %i fen → %s %%', (billed, collected, rate) => {
    expect(collectionRate(billed, collected)).toBe(rate);
  });
});

describe('ageingBucket', () => {
  it.each([
    [0, 'not_due'],
    [1, 'd1_30'],
    [30, 'd1_30'],
    [31, 'd31_90'],
    [91, 'd91_180'],
    [365, 'd181_365'],
    [366, 'over_365'],
  ] as const)('%i days overdue → %s', (days, bucket) => {
    expect(ageingBucket(days)).toBe(bucket);
  });
});
