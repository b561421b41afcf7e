import { describe, expect, it } from 'vitest';
import {
  formatRateFraction,
  formatRatePercent,
  powerFactorAdjustmentRate,
  powerFactorHundredths,
  powerFactorRuleText,
} from './power-factor';

// 功率因数调整电费办法 (1983); domain.md §9. Rates in hundredths of a percent (−75 = −0.75 %).
// Every row kind and every boundary of the three tables, computed by hand from domain.md.
describe('standard 0.90 (HV industrial > 160 kVA)', () => {
  it.each([
    [100, -75], // 0.95–1.00 −0.75 %
    [96, -75],
    [95, -75], // lower edge of the top band
    [94, -60],
    [93, -45],
    [92, -30],
    [91, -15],
    [90, 0],
    [89, 50], // +0.5 % per 0.01 below 0.90
    [85, 250], // 5 × 0.5 = 2.5 %
    [71, 950],
    [70, 1000], // 0.70 = +10 %
    [69, 1100], // then +1 % per 0.01
    [66, 1400],
    [65, 1500], // 0.65 = +15 %
    [64, 1700], // below 0.65: +2 % per 0.01 (0.64 = +17 %)
    [60, 2500], // 15 + 5 × 2 = 25 %
    [0, 14500], // 15 + 65 × 2 = 145 %
  ])('cosφ %i/100 → %d', (cos, rate) => {
    expect(powerFactorAdjustmentRate('0.90', cos)).toBe(rate);
  });
});

describe('standard 0.85 (other industry and non-industry ≥ 100 kVA)', () => {
  it.each([
    [100, -110], // 0.94–1.00 −1.10 %
    [94, -110],
    [93, -95],
    [92, -80],
    [91, -65],
    [90, -50], // 0.86–0.90: −0.1 % per 0.01 above 0.85
    [88, -30],
    [86, -10],
    [85, 0],
    [84, 50], // +0.5 % per 0.01 below 0.85
    [75, 500],
    [65, 1000], // 0.65 = +10 %
    [64, 1100], // +1 % per 0.01
    [60, 1500], // 0.60 = +15 %
    [59, 1700], // below 0.60: +2 % per 0.01
    [50, 3500], // 15 + 10 × 2
  ])('cosφ %i/100 → %d', (cos, rate) => {
    expect(powerFactorAdjustmentRate('0.85', cos)).toBe(rate);
  });
});

describe('standard 0.80 (agriculture)', () => {
  it.each([
    [100, -130], // 0.92–1.00 −1.30 %
    [92, -130],
    [91, -115],
    [90, -100], // 0.81–0.90: −0.1 % per 0.01 (0.90 = −1.0 %)
    [85, -50],
    [81, -10],
    [80, 0],
    [79, 50], // +0.5 % per 0.01
    [70, 500],
    [60, 1000], // 0.60 = +10 %
    [59, 1100], // +1 % per 0.01
    [55, 1500], // 0.55 = +15 %
    [54, 1700], // below 0.55: +2 % per 0.01
    [40, 4500], // 15 + 15 × 2
  ])('cosφ %i/100 → %d', (cos, rate) => {
    expect(powerFactorAdjustmentRate('0.80', cos)).toBe(rate);
  });
});

describe('cosφ = kWh / √(kWh² + kvarh²), rounded to 2 decimals', () => {
  it.each([
    // kWh, kvarh (hundredths) → cosφ in hundredths
    [10_000_00, 0, 100],
    [0, 500, 0],
    [300_00, 400_00, 60], // 3-4-5: exactly 0.60
    [100_000_00, 70_000_00, 82], // 100000 / 122065.56 = 0.8192 → 0.82
    [100_00, 48_43, 90], // 100 / 111.11 = 0.90000 → 0.90 (just above 0.8999)
    [100_00, 100_00, 71], // 1/√2 = 0.7071 → 0.71
  ])('%d / %d → %d', (p, q, cos) => {
    expect(powerFactorHundredths(p, q)).toBe(cos);
  });

  it('no energy at all → nothing to judge', () => {
    expect(powerFactorHundredths(0, 0)).toBeNull();
  });

  it('a value a hair below 0.845 rounds down (decided exactly, not by floats)', () => {
    // 7251421.59 kWh, 4589131.27 kvarh: cosφ = 0.844999999999999999819… (60-digit arithmetic) → 0.84
    expect(powerFactorHundredths(725_142_159, 458_913_127)).toBe(84);
  });

  it('a value just above 0.845 rounds up', () => {
    // 7251421.59 kWh, 4589131.26 kvarh: cosφ = 0.8450000005266 → 0.85
    expect(powerFactorHundredths(725_142_159, 458_913_126)).toBe(85);
  });
});

describe('texts', () => {
  it.each([
    [150, '+1.5%', '0.015'],
    [-75, '-0.75%', '-0.0075'],
    [-110, '-1.1%', '-0.011'],
    [0, '0%', '0'],
    [1000, '+10%', '0.1'],
    [-15, '-0.15%', '-0.0015'],
  ])('%d → %s / %s', (rate, pct, fraction) => {
    expect(formatRatePercent(rate)).toBe(pct);
    expect(formatRateFraction(rate)).toBe(fraction);
  });

  it('rule text names the standard, the actual value and the percentage', () => {
    expect(powerFactorRuleText('0.85', 82, 150)).toBe('功率因数0.85标准：实际0.82，增收1.5%');
    expect(powerFactorRuleText('0.90', 96, -75)).toBe('功率因数0.90标准：实际0.96，减收0.75%');
    expect(powerFactorRuleText('0.80', 80, 0)).toBe('功率因数0.80标准：实际0.80，不调整');
  });
});
