// domain.md §8: backwards reads, rollover, replacement, spikes, zero consumption; consumption × multiplier.
import { describe, expect, it } from 'vitest';
import {
  consumptionOf,
  isSpike,
  registerAdvance,
  replacementConsumption,
  validateReading,
  type ReadingToValidate,
} from './reading-validation';

describe('registerAdvance', () => {
  it.each([
    // previous, value, digits, expected
    ['1000.00', '1234.56', 6, { advance: '234.56', rolledOver: false }],
    ['1000.00', '1000.00', 6, { advance: '0.00', rolledOver: false }],
    // 999 950.00 → wraps at 1 000 000 → 120.50: advance 50 + 120.50 = 170.50
    ['999950.00', '120.50', 6, { advance: '170.50', rolledOver: true }],
    // 4-digit register: 9 990 → 15 = 10 + 15 = 25
    ['9990.00', '15.00', 4, { advance: '25.00', rolledOver: true }],
    // wrapped advance 1 000 000 − 500 000 + 100 = 500 100 > 10 % of the range: backwards
    ['500000.00', '100.00', 6, { backwards: true }],
    ['1234.56', '1234.55', 6, { backwards: true }],
    // exactly 10 % of the 4-digit range (1 000) still counts as a rollover
    ['9500.00', '500.00', 4, { advance: '1000.00', rolledOver: true }],
    ['9500.00', '500.01', 4, { backwards: true }],
  ])('%s → %s on %d digits', (prev, value, digits, expected) => {
    expect(registerAdvance(prev, value, digits)).toEqual(expected);
  });
});

describe('consumptionOf', () => {
  it.each([
    ['234.56', '1', '234.56'],
    // 12.34 × 80 = 987.20
    ['12.34', '80', '987.20'],
    // 0.05 × 0.5 = 0.025 → half-up 0.03
    ['0.05', '0.5', '0.03'],
    // 1.11 × 2000.00 = 2220.00
    ['1.11', '2000.00', '2220.00'],
  ])('%s × %s = %s', (adv, mult, kwh) => {
    expect(consumptionOf(adv, mult)).toBe(kwh);
  });
});

describe('replacementConsumption', () => {
  it('old meter (final − previous) × old multiplier + new meter (current − initial) × new multiplier', () => {
    // old: 5 230 − 5 000 = 230 × 40 = 9 200; new: 35 − 0 = 35 × 60 = 2 100; total 11 300
    const r = {
      oldPrevious: '5000.00',
      oldFinal: '5230.00',
      oldMultiplier: '40',
      oldDigits: 6,
      newInitial: '0.00',
    };
    expect(replacementConsumption(r, '35.00', '60', 6)).toBe('11300.00');
  });
  it('is refused when the old final reading is below the previous one', () => {
    const r = {
      oldPrevious: '5000.00',
      oldFinal: '4000.00',
      oldMultiplier: '1',
      oldDigits: 6,
      newInitial: '0.00',
    };
    expect(replacementConsumption(r, '35.00', '1', 6)).toBeNull();
  });
});

describe('isSpike (> 3 × the average of the last 6 valid months and > 100 kWh)', () => {
  const six = ['100', '110', '90', '100', '100', '100']; // average 100.00
  it.each([
    ['300.01', six, true],
    ['300.00', six, false], // not above 3 × 100
    ['99.00', ['20', '20', '20'], false], // 4.95 × but under 100 kWh
    ['101.00', ['20', '20', '20'], true],
    ['500.00', ['100', '100'], false], // two months of history: no judgement
    // only the last 6 count: 1 000 in the 7th month does not raise the average
    ['301.00', [...six, '1000'], true],
  ])('%s against %j → %s', (kwh, history, expected) => {
    expect(isSpike(kwh, history)).toBe(expected);
  });
});

describe('validateReading', () => {
  const base: ReadingToValidate = {
    register: 'active_total',
    value: '1200.00',
    previousValue: '1000.00',
    multiplier: '1',
    digits: 6,
    history: ['200', '210', '190'],
    accountActive: true,
  };
  it('a normal read is valid: consumption = (value − previous) × multiplier', () => {
    expect(validateReading({ ...base, multiplier: '30', history: ['6000', '6100', '5900'] })).toMatchObject({
      status: 'valid',
      codes: [],
      consumption: '6000.00',
    });
  });
  it('a read below the previous one is an exception with no consumption', () => {
    expect(validateReading({ ...base, value: '900.00' })).toMatchObject({
      status: 'exception',
      codes: ['backwards'],
      consumption: '0.00',
    });
  });
  it('zero consumption on an active account is an exception, on a suspended one it is valid', () => {
    expect(validateReading({ ...base, value: '1000.00' }).codes).toEqual(['zero_consumption']);
    expect(validateReading({ ...base, value: '1000.00', accountActive: false }).status).toBe('valid');
  });
  it('a spike is an exception', () => {
    // 1 000 kWh against an average of 200 (5 ×, > 100 kWh)
    expect(validateReading({ ...base, value: '2000.00' }).codes).toEqual(['spike']);
  });
  it('after an estimated month the spike rule judges the monthly average of the advance', () => {
    // 1 000 kWh over two months = 500 a month: 2.5 × the average of 200, no spike; over one month it is
    expect(validateReading({ ...base, value: '2000.00', monthsCovered: 2 }).codes).toEqual([]);
    expect(validateReading({ ...base, value: '2300.00', monthsCovered: 2 }).codes).toEqual(['spike']);
  });
  it('the first actual read after estimates trues them up', () => {
    // advance 200 kWh, 150 + 120 estimated before → net −70 kWh
    expect(validateReading({ ...base, openEstimatedKwh: '270.00' })).toMatchObject({
      status: 'valid',
      grossConsumption: '200.00',
      truedUpKwh: '270.00',
      consumption: '-70.00',
    });
  });
  it('a rollover is valid and flagged as such', () => {
    expect(validateReading({ ...base, previousValue: '999900.00', value: '100.00' })).toMatchObject({
      status: 'valid',
      consumption: '200.00',
      rolledOver: true,
    });
  });
  it('max demand bills value × multiplier and never runs backwards', () => {
    expect(
      validateReading({
        ...base,
        register: 'max_demand',
        value: '5.25',
        previousValue: '8.00',
        multiplier: '200',
      }),
    ).toMatchObject({ status: 'valid', consumption: '1050.00' });
  });
  it('a replacement bills both meters and ignores the old previous value', () => {
    const replacement = {
      oldPrevious: '800.00',
      oldFinal: '900.00',
      oldMultiplier: '1',
      oldDigits: 6,
      newInitial: '0.00',
    };
    // 100 on the old meter + 50 on the new one
    expect(validateReading({ ...base, value: '50.00', previousValue: null, replacement })).toMatchObject({
      status: 'valid',
      consumption: '150.00',
    });
  });
});
