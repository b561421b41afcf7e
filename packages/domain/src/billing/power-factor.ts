// Power-factor adjustment (功率因数调整电费办法, 1983; domain.md §9).
// cosφ = kWh / √(kWh² + kvarh²) rounded to 2 decimals; the adjustment is (basic + energy charge) × a
// percentage read from the table of the account's standard (0.90, 0.85 or 0.80).
import type { PfStandard } from './types';

/**
 * cosφ in hundredths (0–100), rounded half-up, from active and reactive energy in hundredths of
 * kWh/kvarh; null when both are zero (nothing to judge). Exact: the float estimate is accepted only
 * when it is clearly away from a rounding boundary, otherwise the boundary is decided in BigInt:
 * cosφ ≥ (2c − 1)/200  ⇔  (200·P)² ≥ (2c − 1)²·(P² + Q²).
 */
export function powerFactorHundredths(activeCenti: number, reactiveCenti: number): number | null {
  const p = activeCenti;
  const q = reactiveCenti;
  if (p === 0 && q === 0) return null;
  if (q === 0) return 100;
  if (p === 0) return 0;
  const x = (100 * p) / Math.hypot(p, q);
  const c = Math.round(x);
  const frac = x - Math.floor(x);
  if (Math.abs(frac - 0.5) > 1e-9) return c;
  // Near xx.5: decide exactly whether cosφ·100 ≥ floor(x) + 0.5.
  const lo = Math.floor(x);
  const P = BigInt(p);
  const Q = BigInt(q);
  const k = BigInt(2 * lo + 1);
  return 40000n * P * P >= k * k * (P * P + Q * Q) ? lo + 1 : lo;
}

/**
 * The adjustment in hundredths of a percent (−75 = −0.75 %, 150 = +1.5 %) for cosφ in hundredths,
 * exactly as the 1983 tables list it (domain.md §9). Positive = penalty (增收), negative = reward (减收).
 */
export function powerFactorAdjustmentRate(standard: Exclude<PfStandard, 'none'>, cos: number): number {
  // At the standard itself nothing is adjusted (also keeps −0 out of the tables below).
  if (cos === Math.round(Number(standard) * 100)) return 0;
  switch (standard) {
    case '0.90':
      if (cos >= 95) return -75;
      if (cos >= 90) return -15 * (cos - 90); // 0.94 −0.60 … 0.91 −0.15, 0.90 0
      if (cos >= 70) return 50 * (90 - cos); // +0.5 % per 0.01 below 0.90 (0.70 = +10 %)
      if (cos >= 65) return 1000 + 100 * (70 - cos); // +1 % per 0.01 (0.65 = +15 %)
      return 1500 + 200 * (65 - cos); // +2 % per 0.01 below 0.65
    case '0.85':
      if (cos >= 94) return -110;
      if (cos >= 91) return -65 - 15 * (cos - 91); // 0.93 −0.95, 0.92 −0.80, 0.91 −0.65
      if (cos >= 85) return -10 * (cos - 85); // 0.86–0.90: −0.1 % per 0.01 (0.90 = −0.5 %)
      if (cos >= 65) return 50 * (85 - cos); // 0.65 = +10 %
      if (cos >= 60) return 1000 + 100 * (65 - cos); // 0.60 = +15 %
      return 1500 + 200 * (60 - cos);
    case '0.80':
      if (cos >= 92) return -130;
      if (cos >= 91) return -115;
      if (cos >= 80) return -10 * (cos - 80); // 0.81–0.90: −0.1 % per 0.01 (0.90 = −1.0 %)
      if (cos >= 60) return 50 * (80 - cos); // 0.60 = +10 %
      if (cos >= 55) return 1000 + 100 * (60 - cos); // 0.55 = +15 %
      return 1500 + 200 * (55 - cos);
  }
}

/** '+1.5%' / '-0.75%' / '0%' from hundredths of a percent. */
export function formatRatePercent(rate: number): string {
  if (rate === 0) return '0%';
  const abs = Math.abs(rate);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  const text = frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
  return `${rate < 0 ? '-' : '+'}${text}%`;
}

/** The percentage as a fraction in a decimal string: 150 → '0.015', −75 → '-0.0075'. */
export function formatRateFraction(rate: number): string {
  if (rate === 0) return '0';
  const abs = Math.abs(rate);
  const s = (abs / 10000).toFixed(4).replace(/\.?0+$/, '');
  return `${rate < 0 ? '-' : ''}${s}`;
}

/** "功率因数0.85标准：实际0.82，增收1.5%" */
export function powerFactorRuleText(standard: string, cos: number, rate: number): string {
  const actual = (cos / 100).toFixed(2);
  if (rate === 0) return `功率因数${standard}标准：实际${actual}，不调整`;
  const pct = formatRatePercent(rate).replace(/^[+-]/, '');
  return `功率因数${standard}标准：实际${actual}，${rate > 0 ? '增收' : '减收'}${pct}`;
}
