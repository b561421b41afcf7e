// 电费违约金 late fee on unpaid electricity charges (供电营业规则 Art. 98; domain.md §10).
//
// Rule: from the day after the due date up to and including the payment day, per day on the unpaid
// principal: residential 0.1 %; other customers 0.2 % for current-year arrears and 0.3 % for arrears
// from earlier years (跨年度欠费); a late fee under 1 yuan is charged as 1 yuan.
//
// Our reading of "current year" / "earlier years": a bill's arrears belong to the year of its due date.
// Days up to 31 December of that year accrue at 0.2 %; from 1 January of the next year on, the same
// arrears are "from an earlier year" and accrue at 0.3 %. Residential arrears accrue 0.1 % on every day.
//
// Accrual is settled in steps: each payment that touches a bill assesses the late fee from the day after
// the last settled day (`accruedThrough`, or the due date) up to the payment day, on the principal then
// unpaid, so days already charged are never charged again. The 1-yuan minimum applies to a bill's first
// assessment (the bill's late fee as a whole), not to every later top-up. Rounding: one half-up rounding
// to the fen per assessment.

import { addDays, dayNumber } from './dates';

export interface LateFeeRates {
  /** Per-day rates in per-mille (千分之): residential, current-year and earlier-year arrears. */
  residentialPermille: number;
  currentYearPermille: number;
  earlierYearPermille: number;
  minimumFen: number;
}

export const DEFAULT_LATE_FEE_RATES: LateFeeRates = {
  residentialPermille: 1,
  currentYearPermille: 2,
  earlierYearPermille: 3,
  minimumFen: 100,
};

export interface LateFeeInput {
  principalFen: number;
  /** The bill's due date (YYYY-MM-DD); no late fee up to and including it. */
  dueDate: string;
  /** The payment day / the day the fee is computed for (YYYY-MM-DD), inclusive. */
  asOf: string;
  residential: boolean;
  /** Last day whose late fee was already assessed (a previous partial payment); null for none. */
  accruedThrough?: string | null;
  rates?: LateFeeRates;
}

export interface LateFee {
  fen: number;
  /** Days charged in this assessment (current-year + earlier-year). */
  days: number;
  currentYearDays: number;
  earlierYearDays: number;
  /** Whether the 1-yuan minimum raised the fee. */
  minimumApplied: boolean;
  /** Short explanation for the bill line / receipt. */
  rule: string;
}

const NONE: LateFee = {
  fen: 0,
  days: 0,
  currentYearDays: 0,
  earlierYearDays: 0,
  minimumApplied: false,
  rule: '',
};

/** Half-up integer division of a non-negative numerator. */
function divHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}

export function lateFee(input: LateFeeInput): LateFee {
  const rates = input.rates ?? DEFAULT_LATE_FEE_RATES;
  if (input.principalFen <= 0) return NONE;
  const settled = input.accruedThrough && input.accruedThrough > input.dueDate ? input.accruedThrough : null;
  const first = dayNumber(addDays(settled ?? input.dueDate, 1));
  const last = dayNumber(input.asOf);
  if (last < first) return NONE;
  const days = last - first + 1;
  let currentYearDays = days;
  let earlierYearDays = 0;
  let permilleDays: number;
  if (input.residential) {
    permilleDays = days * rates.residentialPermille;
  } else {
    const nextYearStart = dayNumber(`${Number(input.dueDate.slice(0, 4)) + 1}-01-01`);
    earlierYearDays = Math.max(0, last - Math.max(first, nextYearStart) + 1);
    currentYearDays = days - earlierYearDays;
    permilleDays = currentYearDays * rates.currentYearPermille + earlierYearDays * rates.earlierYearPermille;
  }
  let fen = divHalfUp(BigInt(input.principalFen) * BigInt(permilleDays), 1000n);
  const minimumApplied = !settled && fen < rates.minimumFen;
  if (minimumApplied) fen = rates.minimumFen;
  const yuan = (input.principalFen / 100).toFixed(2);
  const rule = input.residential
    ? `居民欠费${yuan}元×${rates.residentialPermille}‰×${days}天`
    : [
        currentYearDays ? `当年欠费${yuan}元×${rates.currentYearPermille}‰×${currentYearDays}天` : '',
        earlierYearDays ? `跨年度欠费${yuan}元×${rates.earlierYearPermille}‰×${earlierYearDays}天` : '',
      ]
        .filter(Boolean)
        .join('；');
  return {
    fen,
    days,
    currentYearDays,
    earlierYearDays,
    minimumApplied,
    rule: minimumApplied ? `${rule}；不足1元按1元计收` : rule,
  };
}
