import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_TARIFF } from './demo-tariff';
import { BillingInputError } from './errors';
import { priceBill } from './price-bill';
import { settleResidentialCycle, splitIntoTiers } from './residential-tiers';
import type { BillInput, ResidentialFacts } from './types';

// domain.md §9 demo tiers: ≤ 2520 kWh/year (210/month) 0.5469, ≤ 4800 (400/month) 0.5969, above 0.8469;
// households of 5+: tier 1 310 kWh/month; low-income: 15 kWh/month free.
const annual = (over: Partial<ResidentialFacts> = {}): ResidentialFacts => ({
  cycle: 'annual',
  monthsOfServiceInCycle: 12,
  householdSize: 3,
  lowIncome: false,
  kwhBilledInCycle: 0,
  ...over,
});
const monthly = (over: Partial<ResidentialFacts> = {}): ResidentialFacts =>
  annual({ cycle: 'monthly', ...over });

function bill(kwh: number | string, residential: ResidentialFacts | null): BillInput {
  return {
    period: '2026-03',
    periodStart: '2026-03-01',
    periodEnd: '2026-03-31',
    tariffCategory: 'residential',
    voltageLevel: '220V',
    energy: { totalKwh: kwh },
    basicFeeMethod: 'none',
    pfStandard: 'none',
    residential,
  };
}

/** [code, kWh, fen] of the energy lines (surcharges left out). */
function energyLines(kwh: number | string, facts: ResidentialFacts): Array<[string, string, number]> {
  return priceBill(bill(kwh, facts), DEFAULT_DEMO_TARIFF)
    .lines.filter((l) => l.code !== 'surcharge')
    .map((l) => [l.code, l.quantity, l.amountFen]);
}

describe('splitIntoTiers', () => {
  it.each([
    // kWh, already billed, thresholds → tiers (all in the same unit)
    [300, 2400, [2520, 4800], [120, 180, 0]],
    [300, 4700, [2520, 4800], [0, 100, 200]],
    [3000, 2000, [2520, 4800], [520, 2280, 200]],
    [300, 5000, [2520, 4800], [0, 0, 300]],
    [0, 100, [2520, 4800], [0, 0, 0]],
    [2520, 0, [2520, 4800], [2520, 0, 0]], // exactly on the threshold stays in tier 1
  ] as const)('%d kWh after %d', (kwh, already, t, expected) => {
    expect(splitIntoTiers(kwh, already, [t[0], t[1]])).toEqual(expected);
  });
});

describe('annual cycle: each month against the kWh already billed in the cycle', () => {
  it('a month below tier 1 is one line: 200 × 0.5469 = 109.38', () => {
    expect(energyLines(200, annual())).toEqual([['energy_tier_1', '200.00', 10938]]);
  });

  it('a month crossing 2520 splits into two lines', () => {
    // 2400 already: 120 × 0.5469 = 65.628 → 65.63; 180 × 0.5969 = 107.442 → 107.44
    expect(energyLines(300, annual({ kwhBilledInCycle: 2400 }))).toEqual([
      ['energy_tier_1', '120.00', 6563],
      ['energy_tier_2', '180.00', 10744],
    ]);
  });

  it('a month crossing 4800 splits into tiers 2 and 3', () => {
    // 4700 already: 100 × 0.5969 = 59.69; 200 × 0.8469 = 169.38
    expect(energyLines(300, annual({ kwhBilledInCycle: '4700' }))).toEqual([
      ['energy_tier_2', '100.00', 5969],
      ['energy_tier_3', '200.00', 16938],
    ]);
  });

  it('a month crossing both thresholds has three lines', () => {
    // 2000 already, 3000 kWh: 520 × 0.5469 = 284.388 → 284.39; 2280 × 0.5969 = 1360.932 → 1360.93;
    // 200 × 0.8469 = 169.38
    expect(energyLines(3000, annual({ kwhBilledInCycle: 2000 }))).toEqual([
      ['energy_tier_1', '520.00', 28439],
      ['energy_tier_2', '2280.00', 136093],
      ['energy_tier_3', '200.00', 16938],
    ]);
  });

  it('6 months of service (partial month counted) scale the thresholds to 1260/2400', () => {
    // 1200 already, 100 kWh: 60 × 0.5469 = 32.814 → 32.81; 40 × 0.5969 = 23.876 → 23.88
    expect(energyLines(100, annual({ monthsOfServiceInCycle: 6, kwhBilledInCycle: 1200 }))).toEqual([
      ['energy_tier_1', '60.00', 3281],
      ['energy_tier_2', '40.00', 2388],
    ]);
  });

  it('bill total adds the surcharge line: 65.63 + 107.44 + 300 × 0.001 = 173.37', () => {
    const b = priceBill(bill(300, annual({ kwhBilledInCycle: 2400 })), DEFAULT_DEMO_TARIFF);
    expect(b.totalFen).toBe(17337);
    expect(b.energyKwh).toBe('300.00');
  });
});

describe('monthly cycle', () => {
  it('450 kWh: 210 / 190 / 50, the last rounds half up (42.345 → 42.35)', () => {
    // 210 × 0.5469 = 114.849 → 114.85; 190 × 0.5969 = 113.411 → 113.41; 50 × 0.8469 = 42.345 → 42.35
    expect(energyLines(450, monthly())).toEqual([
      ['energy_tier_1', '210.00', 11485],
      ['energy_tier_2', '190.00', 11341],
      ['energy_tier_3', '50.00', 4235],
    ]);
  });

  it('ignores kWh billed earlier in the year', () => {
    expect(energyLines(100, monthly({ kwhBilledInCycle: 9999 }))).toEqual([
      ['energy_tier_1', '100.00', 5469],
    ]);
  });

  it('a household of 5 gets tier 1 up to 310 kWh', () => {
    // 310 × 0.5469 = 169.539 → 169.54; 90 × 0.5969 = 53.721 → 53.72; 50 × 0.8469 → 42.35
    expect(energyLines(450, monthly({ householdSize: 5 }))).toEqual([
      ['energy_tier_1', '310.00', 16954],
      ['energy_tier_2', '90.00', 5372],
      ['energy_tier_3', '50.00', 4235],
    ]);
  });

  it('a household of 4 keeps the normal 210', () => {
    expect(energyLines(310, monthly({ householdSize: 4 }))[0]).toEqual(['energy_tier_1', '210.00', 11485]);
  });

  it('a two-month bill doubles the monthly thresholds (420/800)', () => {
    // 420 × 0.5469 = 229.698 → 229.70; 80 × 0.5969 = 47.752 → 47.75
    expect(energyLines(500, monthly({ monthsInBill: 2 }))).toEqual([
      ['energy_tier_1', '420.00', 22970],
      ['energy_tier_2', '80.00', 4775],
    ]);
  });

  it('a month without consumption still shows the tier-1 line at zero', () => {
    expect(energyLines(0, monthly())).toEqual([['energy_tier_1', '0.00', 0]]);
  });
});

describe('low-income households: 15 kWh a month free', () => {
  it('credits 15 kWh at the tier-1 price: −15 × 0.5469 = −8.2035 → −8.20', () => {
    const lines = energyLines(300, monthly({ lowIncome: true }));
    expect(lines.at(-1)).toEqual(['low_income_free', '15.00', -820]);
  });

  it('never credits more than was used: 10 kWh → 5.47 − 5.47 = 0', () => {
    expect(energyLines(10, monthly({ lowIncome: true }))).toEqual([
      ['energy_tier_1', '10.00', 547],
      ['low_income_free', '10.00', -547],
    ]);
  });
});

describe('inputs', () => {
  it('a residential bill without household facts is refused with a code', () => {
    expect(() => priceBill(bill(100, null), DEFAULT_DEMO_TARIFF)).toThrow(BillingInputError);
  });

  it('months of service outside 1–12 are refused', () => {
    expect(() => priceBill(bill(100, annual({ monthsOfServiceInCycle: 13 })), DEFAULT_DEMO_TARIFF)).toThrow(
      /1–12/,
    );
  });
});

describe('change of account holder settles the tiers for the months used', () => {
  it('7 months, 2000 kWh billed all in tier 1 under the yearly 2520: 26.50 more', () => {
    // Billed: 2000 × 0.5469 = 1093.80. Thresholds for 7 months: 1470 / 2800.
    // Settled: 1470 × 0.5469 = 803.943 → 803.94; 530 × 0.5969 = 316.357 → 316.36; 1120.30.
    // 1120.30 − 1093.80 = 26.50 to charge.
    const s = settleResidentialCycle(DEFAULT_DEMO_TARIFF, {
      householdSize: 3,
      monthsUsed: 7,
      kwhUsed: 2000,
      billedFen: 109_380,
    });
    expect(s.tierKwh).toEqual(['1470.00', '530.00', '0.00']);
    expect(s.settledFen).toBe(112_030);
    expect(s.adjustmentFen).toBe(2650);
    expect(s.adjustmentLine).toMatchObject({ code: 'tier_settlement', amountFen: 2650, quantity: '26.50' });
    expect(s.adjustmentLine?.rule).toContain('补收26.50元');
  });

  it('refunds when more was billed than the months used owe', () => {
    const s = settleResidentialCycle(DEFAULT_DEMO_TARIFF, {
      householdSize: 3,
      monthsUsed: 7,
      kwhUsed: '2000',
      billedFen: 120_000,
    });
    expect(s.adjustmentFen).toBe(-7970); // 1120.30 − 1200.00
    expect(s.adjustmentLine?.rule).toContain('退还79.70元');
  });

  it('nothing to settle → no line', () => {
    const s = settleResidentialCycle(DEFAULT_DEMO_TARIFF, {
      householdSize: 3,
      monthsUsed: 12,
      kwhUsed: 200,
      billedFen: 10_938,
    });
    expect(s.adjustmentFen).toBe(0);
    expect(s.adjustmentLine).toBeNull();
  });
});
