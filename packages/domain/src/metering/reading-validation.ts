// Validation of a register reading against the previous one and the meter's history (domain.md §8):
// reading below the previous one (unless rollover or meter replacement), spike against history, zero
// consumption on an active account. The set-wise SQL intake (modules/metering) applies the same rules;
// the manual entry screen calls these functions for instant hints.
import { fromCents, mulCents, meanCents, toCents } from './fixed2';
import { isCumulativeRegister, type MeterRegister, type ReadingExceptionCode } from './registers';

export interface ReadingRules {
  /** Spike: consumption above this many times the average of the recent valid months … */
  spikeFactor: number;
  /** … and above this many kWh (small consumers double easily without anything being wrong). */
  spikeMinKwh: number;
  /** How many recent valid months make the average (the last 6). */
  spikeHistoryMonths: number;
  /** Fewer valid months than this: no spike judgement (new accounts). */
  spikeMinHistory: number;
  /**
   * A reading below the previous one is a rollover when the wrapped advance (10^digits − previous +
   * value) is at most this share of the register range; otherwise it is a backwards reading.
   */
  rolloverMaxShare: number;
}

/** Defaults: > 3 × the average of the last 6 valid months and > 100 kWh; ≥ 3 months of history; 10 %. */
export const DEFAULT_READING_RULES: ReadingRules = {
  spikeFactor: 3,
  spikeMinKwh: 100,
  spikeHistoryMonths: 6,
  spikeMinHistory: 3,
  rolloverMaxShare: 0.1,
};

export type Advance = { advance: string; rolledOver: boolean } | { backwards: true };

/**
 * The register's advance since the previous read. A register with `digits` integer digits wraps to zero
 * after 10^digits − 0.01; a lower reading is a rollover only if the wrapped advance is plausible.
 */
export function registerAdvance(
  previous: string,
  value: string,
  digits: number,
  rules: Pick<ReadingRules, 'rolloverMaxShare'> = DEFAULT_READING_RULES,
): Advance {
  const p = toCents(previous);
  const v = toCents(value);
  if (v >= p) return { advance: fromCents(v - p), rolledOver: false };
  const range = 10n ** BigInt(digits) * 100n;
  const wrapped = range - p + v;
  const limit = BigInt(Math.round(rules.rolloverMaxShare * 1000)) * range;
  if (wrapped * 1000n <= limit) return { advance: fromCents(wrapped), rolledOver: true };
  return { backwards: true };
}

/** kWh (or kvarh, kW) = advance × multiplier, rounded to 2 decimals. */
export function consumptionOf(advance: string, multiplier: string | number): string {
  return fromCents(mulCents(toCents(advance), toCents(multiplier)));
}

export interface MeterReplacementPart {
  oldPrevious: string;
  oldFinal: string;
  oldMultiplier: string | number;
  oldDigits: number;
  newInitial: string;
}

/**
 * 换表: the new meter's first period bills the old meter's (final − previous) × its multiplier plus the
 * new meter's (current − initial) × its own multiplier. Null when either part runs backwards.
 */
export function replacementConsumption(
  r: MeterReplacementPart,
  newCurrent: string,
  newMultiplier: string | number,
  newDigits: number,
): string | null {
  const oldAdv = registerAdvance(r.oldPrevious, r.oldFinal, r.oldDigits);
  const newAdv = registerAdvance(r.newInitial, newCurrent, newDigits);
  if ('backwards' in oldAdv || 'backwards' in newAdv) return null;
  const kwh =
    mulCents(toCents(oldAdv.advance), toCents(r.oldMultiplier)) +
    mulCents(toCents(newAdv.advance), toCents(newMultiplier));
  return fromCents(kwh);
}

export interface ReadingToValidate {
  register: MeterRegister;
  value: string;
  /** The last actual (or replacement initial) value; null for a meter's very first reading. */
  previousValue: string | null;
  multiplier: string | number;
  digits: number;
  /** Valid actual consumptions of earlier periods, newest first (for the spike rule). */
  history: string[];
  accountActive: boolean;
  /** Estimated kWh billed since the previous actual read, trued up by this one. */
  openEstimatedKwh?: string;
  /**
   * Months the advance covers (from the previous actual read: more than 1 after estimated or missed
   * periods). The spike rule judges the monthly average, not a multi-month advance.
   */
  monthsCovered?: number;
  /** Set when the meter replaced another one in this period (previousValue is then ignored). */
  replacement?: MeterReplacementPart;
}

export interface ValidatedReading {
  status: 'valid' | 'exception';
  codes: ReadingExceptionCode[];
  /** Net kWh to bill: gross − openEstimatedKwh (0 when backwards). */
  consumption: string;
  /** Gross kWh of the advance (before the true-up). */
  grossConsumption: string;
  truedUpKwh: string;
  rolledOver: boolean;
}

/** Whether a consumption is a spike against the history (see DEFAULT_READING_RULES). */
export function isSpike(
  consumption: string,
  history: string[],
  rules: ReadingRules = DEFAULT_READING_RULES,
): boolean {
  const recent = history.slice(0, rules.spikeHistoryMonths).map(toCents);
  if (recent.length < rules.spikeMinHistory) return false;
  const c = toCents(consumption);
  const avg = meanCents(recent);
  // c > factor × avg and c > minimum, both in hundredths (factor may have up to 2 decimals)
  const factor = BigInt(Math.round(rules.spikeFactor * 100));
  return c * 100n > factor * avg && c > BigInt(Math.round(rules.spikeMinKwh * 100));
}

/** gross ÷ months, rounded half away from zero (as SQL's round(numeric, 2)). */
function perMonth(gross: bigint, months: number): bigint {
  const m = BigInt(Math.max(1, Math.floor(months)));
  const q = gross / m;
  return (gross % m) * 2n >= m ? q + 1n : q;
}

export function validateReading(
  r: ReadingToValidate,
  rules: ReadingRules = DEFAULT_READING_RULES,
): ValidatedReading {
  const codes: ReadingExceptionCode[] = [];
  const open = toCents(r.openEstimatedKwh ?? '0');
  let gross = 0n;
  let rolledOver = false;
  if (!isCumulativeRegister(r.register)) {
    gross = mulCents(toCents(r.value), toCents(r.multiplier));
  } else if (r.replacement) {
    const kwh = replacementConsumption(r.replacement, r.value, r.multiplier, r.digits);
    if (kwh === null) codes.push('backwards');
    else gross = toCents(kwh);
  } else if (r.previousValue !== null) {
    const adv = registerAdvance(r.previousValue, r.value, r.digits, rules);
    if ('backwards' in adv) codes.push('backwards');
    else {
      rolledOver = adv.rolledOver;
      gross = mulCents(toCents(adv.advance), toCents(r.multiplier));
    }
  }
  const hasPrevious = r.previousValue !== null || r.replacement !== undefined;
  if (r.register === 'active_total' && hasPrevious && !codes.includes('backwards')) {
    if (gross === 0n && r.accountActive) codes.push('zero_consumption');
    else if (isSpike(fromCents(perMonth(gross, r.monthsCovered ?? 1)), r.history, rules)) codes.push('spike');
  }
  const trued = isCumulativeRegister(r.register) && !codes.includes('backwards') ? open : 0n;
  return {
    status: codes.length ? 'exception' : 'valid',
    codes,
    consumption: fromCents(gross - trued),
    grossConsumption: fromCents(gross),
    truedUpKwh: fromCents(trued),
    rolledOver,
  };
}
