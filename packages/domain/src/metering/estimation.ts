// Estimated reads (估抄, domain.md §8): when a meter cannot be read because of the customer, the period
// is billed from the previous consumption and trued up at the next actual read.
import { fromCents, meanCents, toCents } from './fixed2';
import { periodMonthsBetween } from './registers';

export type EstimationBasis = 'recent_average' | 'same_month_last_year' | 'none';

/** How far back "recent" valid months may lie, and how many of them make the average. */
export const ESTIMATION_LOOKBACK_MONTHS = 6;
export const ESTIMATION_AVERAGE_MONTHS = 3;

export interface ConsumptionPoint {
  period: string;
  kwh: string;
  /** Only actual ('valid') reads count for the recent average; estimates never feed estimates. */
  actual: boolean;
}

/**
 * Estimate for `period`: the average of the last 3 actual consumptions within the 6 months before it;
 * if there are none, the same month last year (actual or estimated); otherwise 0 (the true-up at the
 * next actual read bills the whole advance).
 */
export function estimateConsumption(
  period: string,
  history: ConsumptionPoint[],
): { kwh: string; basis: EstimationBasis } {
  const recent = history
    .filter((h) => h.actual && periodMonthsBetween(h.period, period) >= 1)
    .filter((h) => periodMonthsBetween(h.period, period) <= ESTIMATION_LOOKBACK_MONTHS)
    .sort((a, b) => (a.period < b.period ? 1 : -1))
    .slice(0, ESTIMATION_AVERAGE_MONTHS);
  if (recent.length > 0)
    return { kwh: fromCents(meanCents(recent.map((h) => toCents(h.kwh)))), basis: 'recent_average' };
  const lastYear = history.find((h) => periodMonthsBetween(h.period, period) === 12);
  if (lastYear) return { kwh: fromCents(toCents(lastYear.kwh)), basis: 'same_month_last_year' };
  return { kwh: '0.00', basis: 'none' };
}

/**
 * True-up at the next actual read: the actual consumption of the estimated period(s) and this one
 * (the register's advance × multiplier since the last actual read) minus what was billed as estimated.
 * Negative when the estimates were too high (a credit on the bill).
 */
export function trueUpConsumption(actualKwhSinceLastActual: string, estimatedKwh: string[]): string {
  const est = estimatedKwh.reduce((s, k) => s + toCents(k), 0n);
  return fromCents(toCents(actualKwhSinceLastActual) - est);
}
