// Exact money arithmetic for the tariff engine (domain.md §9: "never binary floats").
//
// Choice: scaled integers. Quantities are held in hundredths (centi-kWh, centi-kVA), prices in
// millionths of a yuan (micro-yuan), amounts in fen. An amount is quantity × price / 10^6 fen, rounded
// once, half away from zero ("half-up" as accountants mean it, also for credits). The product is done in
// Number only while it is provably exact (a safe integer, < 2^53); larger products fall back to BigInt.
// This is exact like decimal.js but allocation-free on the hot path: a bill run prices a million bills,
// and the bench (bench/src/tariff-engine.bench.ts) measures the cost against plain float arithmetic.
import { BillingInputError } from './errors';
import type { Quantity } from './types';

export const QTY_SCALE = 100; // quantities: 2 decimals
export const PRICE_SCALE = 1_000_000; // prices: 6 decimals

const DECIMAL_RE = /^(-?)(\d+)(?:\.(\d+))?$/;
const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/**
 * Reads a decimal string with at most `decimals` decimals as an integer scaled by 10^decimals.
 * Returns null when the text is not such a decimal (extra trailing zeros are fine).
 */
export function parseScaledDecimal(text: string, decimals: number): number | null {
  const m = DECIMAL_RE.exec(text.trim());
  if (!m) return null;
  const intPart = m[2]!;
  let frac = m[3] ?? '';
  if (frac.length > decimals) {
    if (!/^0*$/.test(frac.slice(decimals))) return null;
    frac = frac.slice(0, decimals);
  }
  const scaled = Number(intPart + frac.padEnd(decimals, '0'));
  if (!Number.isSafeInteger(scaled)) return null;
  return m[1] === '-' ? -scaled : scaled;
}

/** A quantity (number or decimal string, ≥ 0, at most 2 decimals) in hundredths. */
export function quantityToCenti(value: Quantity, path: string): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0) {
      if (Number.isInteger(value) && value <= 90_000_000_000_000) return value * 100;
      const n = Math.round(value * 100);
      // The number must be the double nearest to a 2-decimal value: dividing back gives it exactly.
      if (Number.isSafeInteger(n) && n / 100 === value) return n;
    }
  } else if (typeof value === 'string') {
    const n = parseScaledDecimal(value, 2);
    if (n !== null && n >= 0) return n;
  }
  throw new BillingInputError('billing.quantity_invalid', path, `${path}: 数量应为不小于0且最多两位小数的数`);
}

/** An optional quantity: null/undefined → 0. */
export function optionalCenti(value: Quantity | null | undefined, path: string): number {
  return value === null || value === undefined ? 0 : quantityToCenti(value, path);
}

/** round(n / d), half away from zero; n a safe integer, d a positive integer. */
export function divRound(n: number, d: number): number {
  const r = n % d;
  const q = (n - r) / d;
  if (2 * Math.abs(r) >= d) return n < 0 ? q - 1 : q + 1;
  return q;
}

function bigDivRound(n: bigint, d: bigint): number {
  let q = n / d;
  const r = n % d;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= d) q += n < 0n ? -1n : 1n;
  return Number(q);
}

/** round(a × b / d), half away from zero, exact: a, b integers, d a positive integer. */
export function mulDivRound(a: number, b: number, d: number): number {
  const p = a * b;
  if (Number.isSafeInteger(p)) return divRound(p, d);
  return bigDivRound(BigInt(a) * BigInt(b), BigInt(d));
}

/** round(a × b × c / d), half away from zero, exact. */
export function mulMulDivRound(a: number, b: number, c: number, d: number): number {
  const p = a * b;
  if (Number.isSafeInteger(p)) {
    const q = p * c;
    if (Number.isSafeInteger(q)) return divRound(q, d);
  }
  return bigDivRound(BigInt(a) * BigInt(b) * BigInt(c), BigInt(d));
}

/** Amount in fen of a quantity in hundredths at a price in micro-yuan: q/100 × p/10^6 yuan × 100. */
export function amountFen(qtyCenti: number, priceMicro: number): number {
  return mulDivRound(qtyCenti, priceMicro, PRICE_SCALE);
}

/** An integer scaled by 10^decimals as a decimal string with exactly `decimals` decimals. */
export function formatScaled(n: number, decimals: number): string {
  if (decimals === 0) return String(n);
  const neg = n < 0;
  const abs = neg ? -n : n;
  const scale = POW10[decimals]!;
  const intPart = Math.floor(abs / scale);
  const frac = String(abs - intPart * scale).padStart(decimals, '0');
  return `${neg ? '-' : ''}${intPart}.${frac}`;
}

/** A quantity in hundredths: '1234.50'. */
export function formatCenti(n: number): string {
  return formatScaled(n, 2);
}

/** A price in micro-yuan without needless zeros but with at least 2 decimals: '0.5469', '25.50'. */
export function formatPrice(micro: number): string {
  let s = formatScaled(micro, 6);
  let end = s.length;
  const minEnd = s.indexOf('.') + 3;
  while (end > minEnd && s.charCodeAt(end - 1) === 48) end--;
  s = s.slice(0, end);
  return s;
}

/** Fen as yuan with 2 decimals: 1234 → '12.34'. */
export function formatFen(fen: number): string {
  return formatScaled(fen, 2);
}
