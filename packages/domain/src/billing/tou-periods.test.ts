import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_TARIFF } from './demo-tariff';
import { touPeriodAt, touSeasonFor } from './tou-periods';

// Demo TOU day: valley 00–08 and 23–24, flat 08–10, 12–17, 22–23, peak 10–12 and 17–22;
// summer (Jul–Sep): critical peak 20–22 inside the evening peak.
describe('touPeriodAt with the demo seasons', () => {
  it.each([
    [1, 0, 'valley'],
    [1, 7 * 60 + 59, 'valley'],
    [1, 8 * 60, 'flat'], // intervals start inclusive
    [1, 10 * 60, 'peak'],
    [1, 12 * 60, 'flat'], // and end exclusive
    [1, 20 * 60 + 30, 'peak'],
    [8, 20 * 60 + 30, 'critical_peak'],
    [8, 19 * 60 + 45, 'peak'],
    [9, 22 * 60, 'flat'],
    [10, 21 * 60, 'peak'], // October is not summer
    [12, 23 * 60 + 45, 'valley'],
  ] as const)('month %i, minute %i → %s', (month, minute, period) => {
    expect(touPeriodAt(DEFAULT_DEMO_TARIFF, month, minute)).toBe(period);
  });

  it('summer is July to September', () => {
    expect([6, 7, 9, 10].map((m) => touSeasonFor(DEFAULT_DEMO_TARIFF, m)?.code)).toEqual([
      'other',
      'summer',
      'summer',
      'other',
    ]);
  });

  it('no season → null', () => {
    expect(touPeriodAt({ ...DEFAULT_DEMO_TARIFF, touSeasons: [] }, 1, 0)).toBeNull();
  });
});
