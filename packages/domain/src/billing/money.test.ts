import { describe, expect, it } from 'vitest';
import { BillingInputError } from './errors';
import {
  amountFen,
  divRound,
  formatCenti,
  formatPrice,
  mulDivRound,
  parseScaledDecimal,
  quantityToCenti,
} from './money';

describe('parseScaledDecimal', () => {
  it.each([
    ['0.5469', 6, 546_900],
    ['25.5', 6, 25_500_000],
    ['1', 6, 1_000_000],
    ['0.1234560', 6, 123_456], // a trailing zero beyond the scale is fine
    ['-0.0075', 4, -75],
    [' 12.30 ', 2, 1230],
  ])('%s at %d decimals → %d', (text, decimals, expected) => {
    expect(parseScaledDecimal(text, decimals)).toBe(expected);
  });

  it.each([['0.1234567'], ['abc'], ['1e3'], ['.5'], ['1.'], ['']])('rejects %s', (text) => {
    expect(parseScaledDecimal(text, 6)).toBeNull();
  });
});

describe('quantityToCenti reads kWh exactly', () => {
  it.each([
    [12.5, 1250],
    [0.29, 29], // 0.29 * 100 = 28.999999999999996 in floats: still read as 29
    [1234567.89, 123456789],
    ['1234567.89', 123456789],
    ['0', 0],
    [300, 30000],
  ])('%s → %d hundredths', (value, expected) => {
    expect(quantityToCenti(value, 'q')).toBe(expected);
  });

  it.each([[-1], [0.001], [Number.NaN], [Infinity], ['1.234'], ['-2'], [0.1 + 0.2]])(
    'rejects %s with a coded error',
    (value) => {
      expect(() => quantityToCenti(value, 'energy.totalKwh')).toThrow(BillingInputError);
    },
  );
});

describe('rounding half away from zero', () => {
  it.each([
    [5, 10, 1], // 0.5 → 1
    [4, 10, 0],
    [15, 10, 2], // 1.5 → 2
    [-5, 10, -1], // −0.5 → −1 (credits round like charges)
    [-4, 10, 0],
    [-15, 10, -2],
  ])('divRound(%d, %d) = %d', (n, d, expected) => {
    expect(divRound(n, d)).toBe(expected);
  });

  it('amountFen: 120 kWh × 0.5469 = 65.628 yuan → 6563 fen', () => {
    expect(amountFen(12_000, 546_900)).toBe(6563);
  });

  it('amountFen: 0.01 kWh × 0.5 = 0.005 yuan → 1 fen (half up)', () => {
    expect(amountFen(1, 500_000)).toBe(1);
  });

  it('amountFen: 0.01 kWh × 0.4999 = 0.004999 yuan → 0 fen', () => {
    expect(amountFen(1, 499_900)).toBe(0);
  });

  it('products above 2^53 are exact (BigInt): 98765432.19 kWh × 0.987654 yuan', () => {
    // 9876543219 × 987654 = 9 754 607 416 418 226 (> 2^53) → / 10^6 = 9 754 607 416.418226 → 9754607416 fen
    expect(amountFen(9_876_543_219, 987_654)).toBe(9_754_607_416);
    expect(mulDivRound(9_876_543_219, -987_654, 1_000_000)).toBe(-9_754_607_416);
  });
});

describe('formatting', () => {
  it.each([
    [123450, '1234.50'],
    [5, '0.05'],
    [-820, '-8.20'],
    [0, '0.00'],
  ])('formatCenti(%d) = %s', (n, s) => expect(formatCenti(n)).toBe(s));

  it.each([
    [546_900, '0.5469'],
    [25_500_000, '25.50'],
    [1_000_000, '1.00'],
    [1_116_000, '1.116'],
    [-546_900, '-0.5469'],
  ])('formatPrice(%d) = %s', (n, s) => expect(formatPrice(n)).toBe(s));
});
