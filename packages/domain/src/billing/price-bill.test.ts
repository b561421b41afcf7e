import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_TARIFF } from './demo-tariff';
import { BillingInputError } from './errors';
import { priceBill } from './price-bill';
import type { BillInput } from './types';

// A whole two-part bill priced by hand (domain.md §9): energy, basic charge, power-factor adjustment
// on (basic + energy), surcharges; every line rounded to the fen, total = sum of the lines.
function largeIndustry(over: Partial<BillInput> = {}): BillInput {
  return {
    period: '2026-04',
    periodStart: '2026-04-01',
    periodEnd: '2026-04-30',
    tariffCategory: 'large_industry',
    voltageLevel: '10kV',
    energy: { totalKwh: 100_000 },
    reactiveKvarh: 75_000,
    basicFeeMethod: 'capacity',
    pfStandard: '0.90',
    transformers: [{ id: 'T1', capacityKva: 630, state: 'running', sealed: false }],
    ...over,
  };
}

describe('a large-industry bill', () => {
  it('prices every component and adds them up', () => {
    // energy 100000 × 0.62 = 62000.00; basic 630 × 25.5 = 16065.00;
    // cosφ = 100000 / √(100000² + 75000²) = 100000 / 125000 = 0.80 → standard 0.90: +0.5 % × 10 = +5 %;
    // adjustment (62000.00 + 16065.00) × 5 % = 3903.25;
    // surcharges 100000 × 0.019 = 1900.00, × 0.004 = 400.00, × 0.0062 = 620.00;
    // total 62000 + 16065 + 3903.25 + 1900 + 400 + 620 = 84888.25
    const b = priceBill(largeIndustry(), DEFAULT_DEMO_TARIFF);
    expect(b.lines.map((l) => [l.code, l.amountFen])).toEqual([
      ['energy', 6_200_000],
      ['basic_capacity', 1_606_500],
      ['power_factor', 390_325],
      ['surcharge', 190_000],
      ['surcharge', 40_000],
      ['surcharge', 62_000],
    ]);
    expect(b.totalFen).toBe(8_488_825);
    expect(b.powerFactor).toBe('0.80');
    expect(b.tariffVersionId).toBe(1);
    const pf = b.lines[2]!;
    expect([pf.quantity, pf.unit, pf.price, pf.rule]).toEqual([
      '78065.00',
      'yuan',
      '0.05',
      '功率因数0.90标准：实际0.80，增收5%',
    ]);
  });

  it('a reward is a negative line: standard 0.85 at cosφ 1.00 → −1.1 %', () => {
    // general industry 10kV: 10000 × 0.6453 = 6453.00; × −1.1 % = −70.983 → −70.98
    const b = priceBill(
      largeIndustry({
        tariffCategory: 'general_industry',
        basicFeeMethod: 'none',
        pfStandard: '0.85',
        energy: { totalKwh: 10_000 },
        reactiveKvarh: 0,
      }),
      DEFAULT_DEMO_TARIFF,
    );
    expect(b.lines.find((l) => l.code === 'power_factor')).toMatchObject({
      amountFen: -7098,
      rule: '功率因数0.85标准：实际1.00，减收1.1%',
    });
  });

  it('no energy and no reactive energy: no power-factor line', () => {
    const b = priceBill(largeIndustry({ energy: { totalKwh: 0 }, reactiveKvarh: 0 }), DEFAULT_DEMO_TARIFF);
    expect(b.lines.map((l) => l.code)).toEqual(['energy', 'basic_capacity']);
    expect(b.powerFactor).toBeNull();
    expect(b.totalFen).toBe(1_606_500);
  });

  it('every line carries a label key and a rule text', () => {
    const b = priceBill(largeIndustry(), DEFAULT_DEMO_TARIFF);
    for (const l of b.lines) {
      expect(l.labelKey).toBe(`billing.line.${l.code}`);
      expect(l.rule.length).toBeGreaterThan(0);
    }
  });

  it('the total is the sum of the rounded lines, not the rounded sum', () => {
    // Tiny TOU lines, each rounded on its own:
    // commercial 380V peak 0.01 × 1.02795 = 0.0102795 → 1 fen; flat 0.01 × 0.6853 → 1 fen; valley 0.01 × 0.34265 → 0
    const b = priceBill(
      {
        period: '2026-04',
        periodStart: '2026-04-01',
        periodEnd: '2026-04-30',
        tariffCategory: 'commercial',
        voltageLevel: '380V',
        energy: { totalKwh: '0.03', peakKwh: '0.01', valleyKwh: '0.01' },
        basicFeeMethod: 'none',
        pfStandard: 'none',
      },
      DEFAULT_DEMO_TARIFF,
    );
    const sum = b.lines.reduce((n, l) => n + l.amountFen, 0);
    expect(b.totalFen).toBe(sum);
    expect(b.lines.slice(0, 3).map((l) => l.amountFen)).toEqual([1, 1, 0]);
  });

  it('a bad quantity is refused with its path', () => {
    try {
      priceBill(largeIndustry({ reactiveKvarh: '12.345' }), DEFAULT_DEMO_TARIFF);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BillingInputError);
      expect((e as BillingInputError).path).toBe('reactiveKvarh');
    }
  });

  it('the result is plain JSON (storable as bills.lines)', () => {
    const b = priceBill(largeIndustry(), DEFAULT_DEMO_TARIFF);
    expect(JSON.parse(JSON.stringify(b))).toEqual(b);
  });
});
