import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_TARIFF } from './demo-tariff';
import { BillingInputError } from './errors';
import { priceBill } from './price-bill';
import type { BillInput, TariffVersion } from './types';

// Energy charge: single price, TOU (flat = total − critical − peak − valley), price split, surcharges.
// Demo prices: commercial 380V 0.6853 (10kV 0.6653), general industry 380V 0.6653 (10kV 0.6453),
// agriculture 0.4883, large industry 10kV 0.62; TOU ratios critical 1.8, peak 1.5, flat 1, valley 0.5;
// surcharges (examples) 0.019 + 0.004 + 0.0062 for commercial/industry, 0.001 residential, none agriculture.
function input(over: Partial<BillInput>): BillInput {
  return {
    period: '2026-04',
    periodStart: '2026-04-01',
    periodEnd: '2026-04-30',
    tariffCategory: 'commercial',
    voltageLevel: '380V',
    energy: { totalKwh: 1000 },
    basicFeeMethod: 'none',
    pfStandard: 'none',
    ...over,
  };
}
const rows = (b: ReturnType<typeof priceBill>) =>
  b.lines.map((l) => [l.code, l.tariffCategory ?? '', l.quantity, l.price, l.amountFen]);

describe('single-part energy charge', () => {
  it('commercial 380V 1000 kWh: 685.30 + surcharges 19.00 + 4.00 + 6.20 = 714.50', () => {
    const b = priceBill(input({}), DEFAULT_DEMO_TARIFF);
    expect(rows(b)).toEqual([
      ['energy', '', '1000.00', '0.6853', 68_530],
      ['surcharge', 'commercial', '1000.00', '0.019', 1900],
      ['surcharge', 'commercial', '1000.00', '0.004', 400],
      ['surcharge', 'commercial', '1000.00', '0.0062', 620],
    ]);
    expect(b.totalFen).toBe(71_450);
  });

  it('the voltage level picks the price: general industry 10kV 2000.5 × 0.6453 = 1290.92265 → 1290.92', () => {
    const b = priceBill(
      input({ tariffCategory: 'general_industry', voltageLevel: '10kV', energy: { totalKwh: '2000.5' } }),
      DEFAULT_DEMO_TARIFF,
    );
    expect(b.lines[0]).toMatchObject({ code: 'energy', price: '0.6453', amountFen: 129_092 });
  });

  it('agriculture: 500 × 0.4883 = 244.15 and no surcharge in the demo', () => {
    const b = priceBill(
      input({ tariffCategory: 'agriculture', energy: { totalKwh: 500 } }),
      DEFAULT_DEMO_TARIFF,
    );
    expect(rows(b)).toEqual([['energy', '', '500.00', '0.4883', 24_415]]);
    expect(b.totalFen).toBe(24_415);
  });

  it('TOU registers on a category without TOU prices bill at the single price', () => {
    const b = priceBill(
      input({ tariffCategory: 'agriculture', energy: { totalKwh: 500, peakKwh: 100, valleyKwh: 100 } }),
      DEFAULT_DEMO_TARIFF,
    );
    expect(b.lines.map((l) => l.code)).toEqual(['energy']);
  });
});

describe('time-of-use', () => {
  it('flat is total − peak − valley; each period at flat × ratio', () => {
    // peak price 0.6853 × 1.5 = 1.02795, valley 0.34265. 300 × 1.02795 = 308.385 → 308.39;
    // flat 1000 − 300 − 200 = 500 × 0.6853 = 342.65 (the flat register's 499 is not used); 200 × 0.34265 = 68.53
    const b = priceBill(
      input({ energy: { totalKwh: 1000, peakKwh: 300, flatKwh: 499, valleyKwh: 200 } }),
      DEFAULT_DEMO_TARIFF,
    );
    expect(rows(b).slice(0, 3)).toEqual([
      ['energy_peak', '', '300.00', '1.02795', 30_839],
      ['energy_flat', '', '500.00', '0.6853', 34_265],
      ['energy_valley', '', '200.00', '0.34265', 6853],
    ]);
    expect(b.lines[0]!.rule).toBe('分时高峰：平段电价0.6853×1.5');
  });

  it('summer critical peak: large industry 10kV', () => {
    // 500 × 1.116 = 558.00; 3000 × 0.93 = 2790.00; flat 4000 × 0.62 = 2480.00; 2500 × 0.31 = 775.00
    const b = priceBill(
      input({
        period: '2026-08',
        periodStart: '2026-08-01',
        periodEnd: '2026-08-31',
        tariffCategory: 'large_industry',
        voltageLevel: '10kV',
        energy: { totalKwh: 10_000, criticalPeakKwh: 500, peakKwh: 3000, valleyKwh: 2500 },
      }),
      DEFAULT_DEMO_TARIFF,
    );
    expect(rows(b).slice(0, 4)).toEqual([
      ['energy_critical_peak', '', '500.00', '1.116', 55_800],
      ['energy_peak', '', '3000.00', '0.93', 279_000],
      ['energy_flat', '', '4000.00', '0.62', 248_000],
      ['energy_valley', '', '2500.00', '0.31', 77_500],
    ]);
  });

  it('registers above the total are refused', () => {
    try {
      priceBill(input({ energy: { totalKwh: 100, peakKwh: 80, valleyKwh: 30 } }), DEFAULT_DEMO_TARIFF);
      expect.unreachable();
    } catch (e) {
      expect((e as BillingInputError).code).toBe('billing.tou_exceeds_total');
    }
  });

  it('absolute TOU prices are used as given', () => {
    const t: TariffVersion = structuredClone(DEFAULT_DEMO_TARIFF);
    t.categories.commercial.tou = {
      peak: { kind: 'price', value: '1.1' },
      flat: { kind: 'ratio', value: '1' },
      valley: { kind: 'price', value: '0.3' },
    };
    // 300 × 1.1 = 330.00; 500 × 0.6853 = 342.65; 200 × 0.3 = 60.00
    const b = priceBill(input({ energy: { totalKwh: 1000, peakKwh: 300, valleyKwh: 200 } }), t);
    expect(b.lines.slice(0, 3).map((l) => [l.price, l.amountFen])).toEqual([
      ['1.10', 33_000],
      ['0.6853', 34_265],
      ['0.30', 6000],
    ]);
  });

  it('a ratio-derived price keeps 6 decimals, rounded half up', () => {
    const t: TariffVersion = structuredClone(DEFAULT_DEMO_TARIFF);
    t.categories.commercial.energy = { default: '0.685333' };
    // 0.685333 × 1.5 = 1.0279995 → 1.028000
    const b = priceBill(input({ energy: { totalKwh: 1000, peakKwh: 300, valleyKwh: 200 } }), t);
    expect(b.lines[0]!.price).toBe('1.028');
  });

  it('critical-peak kWh without a critical-peak price are refused', () => {
    const t: TariffVersion = structuredClone(DEFAULT_DEMO_TARIFF);
    t.categories.commercial.tou!.critical_peak = null;
    expect(() =>
      priceBill(input({ energy: { totalKwh: 1000, criticalPeakKwh: 10, peakKwh: 300, valleyKwh: 200 } }), t),
    ).toThrow(BillingInputError);
  });
});

describe('several price categories on one meter (定比定量)', () => {
  it('fixed ratio 20 % at commercial, the rest at general industry', () => {
    // 200 × 0.6853 = 137.06; 800 × 0.6653 = 532.24
    const b = priceBill(
      input({
        tariffCategory: 'general_industry',
        priceSplit: { method: 'fixed_ratio', parts: [{ tariffCategory: 'commercial', value: 0.2 }] },
      }),
      DEFAULT_DEMO_TARIFF,
    );
    expect(rows(b).slice(0, 2)).toEqual([
      ['energy', '', '800.00', '0.6653', 53_224],
      ['energy_split', 'commercial', '200.00', '0.6853', 13_706],
    ]);
    expect(b.lines[1]!.rule).toBe('定比20%按商业电价计收');
    expect(b.energyKwh).toBe('1000.00');
  });

  it('a ratio share is rounded to 0.01 kWh: 1000.01 × 0.3333 = 333.303333 → 333.30', () => {
    const b = priceBill(
      input({
        energy: { totalKwh: '1000.01' },
        tariffCategory: 'general_industry',
        priceSplit: { method: 'fixed_ratio', parts: [{ tariffCategory: 'commercial', value: 0.3333 }] },
      }),
      DEFAULT_DEMO_TARIFF,
    );
    expect(b.lines.slice(0, 2).map((l) => l.quantity)).toEqual(['666.71', '333.30']);
  });

  it('fixed quantity on a residential meter: commercial part at its price, the rest by the tiers', () => {
    // 100 × 0.6853 = 68.53; 200 × 0.5469 = 109.38; surcharges: residential 200 × 0.001 = 0.20,
    // commercial 100 × (0.019, 0.004, 0.0062) = 1.90, 0.40, 0.62
    const b = priceBill(
      input({
        tariffCategory: 'residential',
        voltageLevel: '220V',
        energy: { totalKwh: 300 },
        residential: {
          cycle: 'monthly',
          monthsOfServiceInCycle: 12,
          householdSize: 3,
          lowIncome: false,
          kwhBilledInCycle: 0,
        },
        priceSplit: { method: 'fixed_quantity', parts: [{ tariffCategory: 'commercial', value: 100 }] },
      }),
      DEFAULT_DEMO_TARIFF,
    );
    expect(rows(b)).toEqual([
      ['energy_tier_1', '', '200.00', '0.5469', 10_938],
      ['energy_split', 'commercial', '100.00', '0.6853', 6853],
      ['surcharge', 'residential', '200.00', '0.001', 20],
      ['surcharge', 'commercial', '100.00', '0.019', 190],
      ['surcharge', 'commercial', '100.00', '0.004', 40],
      ['surcharge', 'commercial', '100.00', '0.0062', 62],
    ]);
    expect(b.totalFen).toBe(10_938 + 6853 + 20 + 190 + 40 + 62);
  });

  it('a fixed quantity above the consumption takes what there is', () => {
    const b = priceBill(
      input({
        energy: { totalKwh: 50 },
        tariffCategory: 'general_industry',
        priceSplit: { method: 'fixed_quantity', parts: [{ tariffCategory: 'commercial', value: 100 }] },
      }),
      DEFAULT_DEMO_TARIFF,
    );
    expect(b.lines.slice(0, 2).map((l) => [l.code, l.quantity])).toEqual([
      ['energy', '0.00'],
      ['energy_split', '50.00'],
    ]);
  });

  it('ratios adding up to more than 100 % are refused', () => {
    expect(() =>
      priceBill(
        input({
          priceSplit: {
            method: 'fixed_ratio',
            parts: [
              { tariffCategory: 'commercial', value: 0.6 },
              { tariffCategory: 'agriculture', value: 0.5 },
            ],
          },
        }),
        DEFAULT_DEMO_TARIFF,
      ),
    ).toThrow(/100%/);
  });

  it('with TOU, each period keeps its share and flat takes the rest', () => {
    // 10 % (100 kWh) at general industry 0.6653 = 66.53; own 900: peak 300 × 0.9 = 270, valley 180, flat 450
    const b = priceBill(
      input({
        energy: { totalKwh: 1000, peakKwh: 300, valleyKwh: 200 },
        priceSplit: { method: 'fixed_ratio', parts: [{ tariffCategory: 'general_industry', value: 0.1 }] },
      }),
      DEFAULT_DEMO_TARIFF,
    );
    expect(b.lines.slice(0, 4).map((l) => [l.code, l.quantity])).toEqual([
      ['energy_peak', '270.00'],
      ['energy_flat', '450.00'],
      ['energy_valley', '180.00'],
      ['energy_split', '100.00'],
    ]);
    expect(b.lines[3]!.amountFen).toBe(6653);
  });
});
