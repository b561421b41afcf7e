import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_TARIFF } from './demo-tariff';
import type { TariffVersion } from './types';
import { validateTariffVersion } from './validate-tariff';

const clone = (): TariffVersion => structuredClone(DEFAULT_DEMO_TARIFF);
const codesAndPaths = (t: TariffVersion) => validateTariffVersion(t).map((i) => [i.code, i.path.join('.')]);

describe('validateTariffVersion', () => {
  it('the demo tariff is valid', () => {
    expect(validateTariffVersion(DEFAULT_DEMO_TARIFF)).toEqual([]);
  });

  it.each<[string, (t: TariffVersion) => void, [string, string]]>([
    [
      'tier thresholds must ascend',
      (t) => (t.residentialTiers.monthlyThresholdsKwh = [400, 210]),
      ['tariff.tier_thresholds', 'residentialTiers.monthlyThresholdsKwh'],
    ],
    [
      'large-household thresholds must ascend',
      (t) => (t.residentialTiers.largeHousehold!.monthlyThresholdsKwh = [310, 310]),
      ['tariff.tier_thresholds', 'residentialTiers.largeHousehold.monthlyThresholdsKwh'],
    ],
    [
      'tier prices must rise',
      (t) => (t.residentialTiers.prices = ['0.5469', '0.5469', '0.8469']),
      ['tariff.tier_prices', 'residentialTiers.prices'],
    ],
    [
      'a price has at most 6 decimals',
      (t) => (t.categories.commercial.energy.default = '0.6853001'),
      ['tariff.price_format', 'categories.commercial.energy.default'],
    ],
    [
      'an unknown voltage level',
      (t) => ((t.categories.commercial.energy as Record<string, string>)['66kV'] = '0.6'),
      ['tariff.voltage_level', 'categories.commercial.energy.66kV'],
    ],
    [
      'large industry needs basic prices',
      (t) => (t.categories.large_industry.basic = null),
      ['tariff.basic_missing', 'categories.large_industry.basic'],
    ],
    [
      'TOU ratios keep their order',
      (t) => (t.categories.commercial.tou!.valley = { kind: 'ratio', value: '1.2' }),
      ['tariff.tou_order', 'categories.commercial.tou'],
    ],
    [
      'a critical-peak season needs a critical-peak price',
      (t) => (t.categories.commercial.tou!.critical_peak = null),
      ['tariff.critical_peak_price', 'categories.commercial.tou.critical_peak'],
    ],
    [
      'overlapping intervals',
      (t) => (t.touSeasons[1]!.intervals[1]!.from = '07:00'),
      ['tariff.overlap', 'touSeasons.1.intervals.1'],
    ],
    [
      'a gap in the day',
      (t) => (t.touSeasons[1]!.intervals[1]!.from = '09:00'),
      ['tariff.gap', 'touSeasons.1.intervals'],
    ],
    [
      'the day must reach 24:00',
      (t) => t.touSeasons[1]!.intervals.pop(),
      ['tariff.gap', 'touSeasons.1.intervals'],
    ],
    [
      'an interval that ends before it starts',
      (t) => (t.touSeasons[0]!.intervals[0]!.to = '00:00'),
      ['tariff.interval', 'touSeasons.0.intervals.0'],
    ],
    [
      'a month in two seasons',
      (t) => t.touSeasons[1]!.months.push(7),
      ['tariff.month_twice', 'touSeasons.1.months.9'],
    ],
    [
      'every month in a season',
      (t) => (t.touSeasons[0]!.months = [7, 8]),
      ['tariff.months_missing', 'touSeasons'],
    ],
    [
      'duplicate surcharge codes',
      (t) => (t.surcharges[1]!.code = 'renewable'),
      ['tariff.surcharge_code', 'surcharges.1.code'],
    ],
    [
      'an effective date that does not exist',
      (t) => (t.effectiveFrom = '2026-02-29'),
      ['tariff.date', 'effectiveFrom'],
    ],
  ])('%s', (_name, mutate, expected) => {
    const t = clone();
    mutate(t);
    expect(codesAndPaths(t)).toContainEqual(expected);
  });

  it('messages come in Chinese and English', () => {
    const t = clone();
    t.residentialTiers.monthlyThresholdsKwh = [400, 210];
    const [issue] = validateTariffVersion(t);
    expect(issue!.message).toMatch(/阶梯/);
    expect(issue!.messageEn).toMatch(/Tier/);
  });
});
