import { describe, expect, it } from 'vitest';
import { priceBill, DEFAULT_DEMO_TARIFF, type BillInput } from '@gridcare/domain';
import type { BillLine } from '@gridcare/contracts';
import { explainLine } from './bills.service';

const line = (over: Partial<BillLine>): BillLine => ({
  code: 'energy',
  labelKey: 'billing.line.energy',
  quantity: '320.00',
  unit: 'kWh',
  price: '0.5469',
  amountFen: 17501,
  rule: '',
  ...over,
});

describe('the formula an agent reads beside each bill line', () => {
  it.each([
    [line({}), '320.00 kWh × 0.5469 元/kWh = 175.01 元'],
    [
      line({ code: 'basic_capacity', quantity: '1000.00', unit: 'kVA', price: '25.5', amountFen: 2_550_000 }),
      '1000.00 kVA × 25.5 元/kVA·月 = 25500.00 元',
    ],
    // Connected on the 23rd of a 30-day month: 8 days × 1/30 of 25,500 yuan = 6,800 yuan.
    [
      line({
        code: 'basic_capacity',
        quantity: '1000.00',
        unit: 'kVA',
        price: '25.5',
        amountFen: 680_000,
        detail: { days: 8, fraction: '8/30' },
      }),
      '1000.00 kVA × 25.5 元/kVA·月 × 8/30 = 6800.00 元',
    ],
    [
      line({
        code: 'power_factor',
        quantity: '146986.00',
        unit: 'yuan',
        price: '-0.0075',
        amountFen: -110_240,
      }),
      '（基本电费＋电度电费）146986.00 元 × -0.75% = -1102.40 元',
    ],
  ])('%#: %s', (l, text) => {
    expect(explainLine(l)).toBe(text);
  });

  it('adds up for every line the engine prices in a month of connection', () => {
    // A large-industry account connected on 2026-10-24: the basic charge covers 8 of 31 days at 8/30.
    const input: BillInput = {
      period: '2026-10',
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      tariffCategory: 'large_industry',
      voltageLevel: '10kV',
      energy: { totalKwh: '20000' },
      reactiveKvarh: '8000',
      basicFeeMethod: 'capacity',
      pfStandard: '0.90',
      transformers: [{ id: 'T1', capacityKva: '1000', state: 'running', sealed: false }],
      connectedOn: '2026-10-24',
    };
    const priced = priceBill(input, DEFAULT_DEMO_TARIFF);
    const basic = priced.lines.find((l) => l.code === 'basic_capacity')!;
    expect(explainLine(basic as BillLine)).toBe('1000.00 kVA × 25.50 元/kVA·月 × 8/30 = 6800.00 元');
  });
});
