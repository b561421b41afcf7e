// Monthly visit plans for managed customers (domain.md §3, [S004]). The interval is configuration:
// by default important and VIP customers are visited monthly, key and HV customers every two months,
// others every three months.
import type { ImportanceTier } from '../customers/classification';

export interface VisitFrequencyConfig {
  important: number;
  vip: number;
  key: number;
  hv: number;
  other: number;
}

export const DEFAULT_VISIT_FREQUENCY: VisitFrequencyConfig = {
  important: 1,
  vip: 1,
  key: 2,
  hv: 2,
  other: 3,
};

export function visitIntervalMonths(
  c: { importanceTier: ImportanceTier; vip: boolean; highVoltage: boolean },
  config: VisitFrequencyConfig = DEFAULT_VISIT_FREQUENCY,
): number {
  const candidates = [config.other];
  if (c.importanceTier === 'important') candidates.push(config.important);
  if (c.vip) candidates.push(config.vip);
  if (c.importanceTier === 'key') candidates.push(config.key);
  if (c.highVoltage) candidates.push(config.hv);
  return Math.max(1, Math.min(...candidates));
}

/** "2026-11" → months since year 0, for interval arithmetic. */
function monthIndex(period: string): number {
  const [y, m] = period.split('-').map(Number);
  return y * 12 + (m - 1);
}

/**
 * Whether a customer is due for a planned visit in `period` given the last period in which a visit
 * was planned (null when never).
 */
export function isVisitDue(
  period: string,
  lastPlannedPeriod: string | null,
  intervalMonths: number,
): boolean {
  if (!lastPlannedPeriod) return true;
  return monthIndex(period) - monthIndex(lastPlannedPeriod) >= intervalMonths;
}

/** A plan's visit is due by the last day of its month (business calendar date, Asia/Shanghai). */
export function visitDueDate(period: string): string {
  const [y, m] = period.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${period}-${String(last).padStart(2, '0')}`;
}

/** A planned visit is overdue once its due date has passed without a recorded visit. */
export function isVisitOverdue(dueDate: string, today: string, done: boolean): boolean {
  return !done && today > dueDate;
}

/** Today's date in the business time zone, as YYYY-MM-DD. */
export function businessDate(now: Date, timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function businessPeriod(now: Date, timeZone = 'Asia/Shanghai'): string {
  return businessDate(now, timeZone).slice(0, 7);
}
