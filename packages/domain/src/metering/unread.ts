// 6 consecutive months without an actual read → the customer is notified that supply will be
// terminated (domain.md §8; 供电营业规则).
import { periodMonthsBetween } from './registers';

export const TERMINATION_NOTICE_UNREAD_MONTHS = 6;

/**
 * Consecutive months without an actual read up to and including `currentPeriod` (the last closed
 * period). `lastActualPeriod` null: never read since `firstPeriod` (the account's first billable period).
 */
export function consecutiveUnreadMonths(
  lastActualPeriod: string | null,
  currentPeriod: string,
  firstPeriod: string,
): number {
  const from = lastActualPeriod ?? firstPeriod;
  const months = periodMonthsBetween(from, currentPeriod) + (lastActualPeriod === null ? 1 : 0);
  return Math.max(0, months);
}

export function needsTerminationNotice(
  unreadMonths: number,
  threshold = TERMINATION_NOTICE_UNREAD_MONTHS,
): boolean {
  return unreadMonths >= threshold;
}
