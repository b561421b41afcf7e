import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_TARIFF } from './demo-tariff';
import { BillingInputError } from './errors';
import { priceBill } from './price-bill';
import type { BillInput, BillTransformer } from './types';

// Two-part basic charge (domain.md §9, §7; 供电营业规则): demo prices 25.5 yuan/kVA/month and
// 40.8 yuan/kW/month. April has 30 days, March 31.
const T = (id: string, kva: number, over: Partial<BillTransformer> = {}): BillTransformer => ({
  id,
  capacityKva: kva,
  state: 'running',
  sealed: false,
  ...over,
});

function input(over: Partial<BillInput>): BillInput {
  return {
    period: '2026-04',
    periodStart: '2026-04-01',
    periodEnd: '2026-04-30',
    tariffCategory: 'large_industry',
    voltageLevel: '10kV',
    energy: { totalKwh: 0 },
    basicFeeMethod: 'capacity',
    pfStandard: 'none',
    transformers: [T('T1', 630)],
    ...over,
  };
}

function basic(over: Partial<BillInput>) {
  return priceBill(input(over), DEFAULT_DEMO_TARIFF).lines.filter((l) => l.code.startsWith('basic_'));
}
const fen = (over: Partial<BillInput>) => basic(over).map((l) => l.amountFen);

describe('by capacity: which equipment pays', () => {
  it.each<[string, BillTransformer[], number]>([
    ['one running 630 kVA: 630 × 25.5 = 16065.00', [T('T1', 630)], 1_606_500],
    ['630 + 315 running: 945 × 25.5 = 24097.50', [T('T1', 630), T('T2', 315)], 2_409_750],
    [
      'sealed cold standby pays none',
      [T('T1', 630), T('T2', 315, { state: 'cold_standby', sealed: true })],
      1_606_500,
    ],
    [
      'unsealed cold standby pays',
      [T('T1', 630), T('T2', 315, { state: 'cold_standby', sealed: false })],
      2_409_750,
    ],
    [
      'hot standby pays even sealed',
      [T('T1', 630), T('T2', 315, { state: 'hot_standby', sealed: true })],
      2_409_750,
    ],
    ['capacitors pay none', [T('T1', 630), T('C1', 300, { kind: 'capacitor' })], 1_606_500],
    [
      'HV motors pay: 630 + 200 = 830 × 25.5 = 21165.00',
      [T('T1', 630), T('M1', 200, { kind: 'hv_motor' })],
      2_116_500,
    ],
    [
      'an interlocked group pays its largest capacity: 630 (of 630/400) + 315 = 945',
      [T('T1', 630, { interlockGroup: 'A' }), T('T2', 400, { interlockGroup: 'A' }), T('T3', 315)],
      2_409_750,
    ],
  ])('%s', (_name, transformers, expected) => {
    expect(fen({ transformers })).toEqual([expected]);
  });

  it('the full-month line shows capacity, price and the reasons', () => {
    const [line] = basic({
      transformers: [T('T1', 630), T('T2', 315, { state: 'cold_standby', sealed: true })],
    });
    expect(line).toMatchObject({ code: 'basic_capacity', quantity: '630.00', unit: 'kVA', price: '25.50' });
    expect(line!.rule).toContain('冷备用已封存T2');
  });
});

describe('proration by days used × 1/30 (a partial day counts as a day)', () => {
  it('new connection on 20 March: 12 days (20th–31st) → 630 × 25.5 × 12/30 = 6426.00', () => {
    const lines = basic({
      period: '2026-03',
      periodStart: '2026-03-01',
      periodEnd: '2026-03-31',
      connectedOn: '2026-03-20',
    });
    expect(lines.map((l) => [l.amountFen, l.detail?.days])).toEqual([[642_600, 12]]);
  });

  it('termination on 10 April: 10 days → 630 × 25.5 × 10/30 = 5355.00', () => {
    expect(fen({ terminatedOn: '2026-04-10' })).toEqual([535_500]);
  });

  it('capacity increase on 16 April: 15 days at 630, 15 days at 1030', () => {
    // 630 × 25.5 × 15/30 = 8032.50; 1030 × 25.5 × 15/30 = 13132.50
    expect(fen({ transformers: [T('T1', 630), T('T2', 400, { inServiceFrom: '2026-04-16' })] })).toEqual([
      803_250, 1_313_250,
    ]);
  });

  it('temporary swap: the replacement pays from its first day', () => {
    // T1 630 until 10 April, swap T9 400 from 11 April: 630 × 25.5 × 10/30 = 5355.00; 400 × 25.5 × 20/30 = 6800.00
    expect(
      fen({
        transformers: [
          T('T1', 630, { inServiceTo: '2026-04-10' }),
          T('T9', 400, { inServiceFrom: '2026-04-11' }),
        ],
      }),
    ).toEqual([535_500, 680_000]);
  });

  it('connected on the first day bills a full month', () => {
    expect(fen({ connectedOn: '2026-04-01' })).toEqual([1_606_500]);
  });
});

describe('suspension and capacity reduction (domain.md §7)', () => {
  const two = [T('T1', 630), T('T2', 315)];

  it('suspension from the sealing date: 10 days at 945, 20 days at 630', () => {
    // 945 × 25.5 × 10/30 = 8032.50; 630 × 25.5 × 20/30 = 10710.00
    expect(
      fen({
        transformers: two,
        capacityChanges: [
          { kind: 'suspension', transformerIds: ['T2'], sealedOn: '2026-04-11', restoredOn: '2026-05-11' },
        ],
      }),
    ).toEqual([803_250, 1_071_000]);
  });

  it('a suspension shorter than 15 days still pays the basic charge', () => {
    const lines = basic({
      transformers: two,
      capacityChanges: [
        { kind: 'suspension', transformerIds: ['T2'], sealedOn: '2026-04-11', restoredOn: '2026-04-21' },
      ],
    });
    expect(lines.map((l) => l.amountFen)).toEqual([2_409_750]);
    expect(lines[0]!.rule).toContain('不足15天');
  });

  it('a suspension of exactly 15 days reduces it', () => {
    // sealed 11th, restored 26th: 15 days suspended; 945 × 25.5 × 10/30 + 630 × 25.5 × 15/30 + 945 × 25.5 × 5/30
    // = 8032.50 + 8032.50 + 4016.25
    expect(
      fen({
        transformers: two,
        capacityChanges: [
          { kind: 'suspension', transformerIds: ['T2'], sealedOn: '2026-04-11', restoredOn: '2026-04-26' },
        ],
      }),
    ).toEqual([803_250, 803_250, 401_625]);
  });

  it('a reduction within 2 years of connection still pays 50 % on the reduced part', () => {
    // from 11 April: 630 + 315 / 2 = 787.5 kVA; 945 × 25.5 × 10/30 = 8032.50; 787.5 × 25.5 × 20/30 = 13387.50
    const lines = basic({
      transformers: two,
      capacityChanges: [{ kind: 'reduction', transformerIds: ['T2'], sealedOn: '2026-04-11', halfPay: true }],
    });
    expect(lines.map((l) => [l.quantity, l.amountFen])).toEqual([
      ['945.00', 803_250],
      ['787.50', 1_338_750],
    ]);
  });

  it('a half-paying odd capacity keeps three decimals of kVA exact', () => {
    // 315.55 / 2 = 157.775 kVA for the whole month: 157.775 × 25.5 = 4023.2625 → 4023.26
    const lines = basic({
      transformers: [T('T2', 315.55)],
      capacityChanges: [{ kind: 'reduction', transformerIds: ['T2'], sealedOn: '2026-03-01', halfPay: true }],
    });
    expect(lines.map((l) => [l.quantity, l.amountFen])).toEqual([['157.775', 402_326]]);
  });

  it('a suspension covering the whole month leaves the rest at a full month', () => {
    expect(
      fen({
        transformers: two,
        capacityChanges: [{ kind: 'suspension', transformerIds: ['T2'], sealedOn: '2026-03-15' }],
      }),
    ).toEqual([1_606_500]);
  });

  it('a restoration in the month resumes the charge on that day', () => {
    // restored on 21 April: 20 days at 630 (12600.00 × 20/30 = 10710.00), 10 days at 945 (8032.50)
    expect(
      fen({
        transformers: two,
        capacityChanges: [
          { kind: 'suspension', transformerIds: ['T2'], sealedOn: '2026-02-01', restoredOn: '2026-04-21' },
        ],
      }),
    ).toEqual([1_071_000, 803_250]);
  });
});

describe('by demand', () => {
  const twoTx = [T('T1', 630), T('T2', 315)]; // 945 kVA → 40 % = 378 kW

  it('contract demand: 500 kW × 40.8 = 20400.00; 520 kW actual is within 105 %', () => {
    expect(
      fen({
        basicFeeMethod: 'contract_demand',
        transformers: twoTx,
        contractDemandKw: 500,
        maxDemandKw: 520,
      }),
    ).toEqual([2_040_000]);
  });

  it('contract demand below 40 % of capacity is raised to it: 378 × 40.8 = 15422.40', () => {
    const [line] = basic({
      basicFeeMethod: 'contract_demand',
      transformers: twoTx,
      contractDemandKw: 300,
      maxDemandKw: 200,
    });
    expect([line!.quantity, line!.amountFen]).toEqual(['378.00', 1_542_240]);
  });

  it('actual demand above 105 % pays the excess at double price', () => {
    // 500 × 40.8 = 20400.00; limit 525 kW; excess 75 × 81.6 = 6120.00
    const lines = basic({
      basicFeeMethod: 'contract_demand',
      transformers: twoTx,
      contractDemandKw: 500,
      maxDemandKw: 600,
    });
    expect(lines.map((l) => [l.code, l.quantity, l.price, l.amountFen])).toEqual([
      ['basic_demand', '500.00', '40.80', 2_040_000],
      ['basic_demand_excess', '75.0000', '81.60', 612_000],
    ]);
  });

  it('excess with a contract that is not a whole number: 333.33 × 1.05 = 349.9965', () => {
    // floor: 40 % of 630 = 252 → contract 333.33 applies; 333.33 × 40.8 = 13599.864 → 13599.86
    // excess 350 − 349.9965 = 0.0035 kW × 81.6 = 0.2856 → 0.29
    expect(
      fen({
        basicFeeMethod: 'contract_demand',
        transformers: [T('T1', 630)],
        contractDemandKw: '333.33',
        maxDemandKw: 350,
      }),
    ).toEqual([1_359_986, 29]);
  });

  it('actual demand: 430.5 kW × 40.8 = 17564.40', () => {
    expect(fen({ basicFeeMethod: 'actual_demand', transformers: twoTx, maxDemandKw: '430.5' })).toEqual([
      1_756_440,
    ]);
  });

  it('a demand-billed suspension suspends the whole account: 20 days → 500 × 40.8 × 20/30 = 13600.00', () => {
    const lines = basic({
      basicFeeMethod: 'contract_demand',
      transformers: twoTx,
      contractDemandKw: 500,
      maxDemandKw: 450,
      capacityChanges: [{ kind: 'suspension', transformerIds: [], sealedOn: '2026-04-21' }],
    });
    expect(lines.map((l) => [l.amountFen, l.detail?.fraction])).toEqual([[1_360_000, '20/30']]);
  });

  it('a demand-billed suspension shorter than 15 days pays in full', () => {
    expect(
      fen({
        basicFeeMethod: 'contract_demand',
        transformers: twoTx,
        contractDemandKw: 500,
        maxDemandKw: 450,
        capacityChanges: [
          { kind: 'suspension', transformerIds: [], sealedOn: '2026-04-11', restoredOn: '2026-04-20' },
        ],
      }),
    ).toEqual([2_040_000]);
  });
});

describe('when there is no basic charge', () => {
  it('a settlement that must not carry it has no basic line', () => {
    expect(basic({ includeBasicCharge: false })).toEqual([]);
  });

  it('method none has no basic line', () => {
    expect(basic({ basicFeeMethod: 'none' })).toEqual([]);
  });

  it('a category without basic prices is refused, naming the price', () => {
    try {
      priceBill(input({ tariffCategory: 'commercial' }), DEFAULT_DEMO_TARIFF);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BillingInputError);
      expect((e as BillingInputError).code).toBe('billing.price_missing');
      expect((e as BillingInputError).path).toBe('categories.commercial.basic.perKvaMonth');
    }
  });

  it('an impossible date is refused', () => {
    expect(() => priceBill(input({ connectedOn: '2026-02-30' }), DEFAULT_DEMO_TARIFF)).toThrow(/YYYY-MM-DD/);
  });
});
