// Return visits (回访) after reply or close (domain.md §4; S001, S002): 100% for fault repair,
// new connections and complaints; unreachable customers are retried on different days, up to 3 attempts;
// an unsatisfied customer reopens the order and escalates it.
import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import type { WorkOrderType } from './work-order-model';

// 满意, 基本满意, 不满意, 联系不上
export const RETURN_VISIT_OUTCOMES = [
  'satisfied',
  'basically_satisfied',
  'unsatisfied',
  'unreachable',
] as const;
export type ReturnVisitOutcome = (typeof RETURN_VISIT_OUTCOMES)[number];

// 'application' stands for the new-connection (业扩报装) applications of S002's 100% rule.
export const RETURN_VISIT_REQUIRED_TYPES: readonly WorkOrderType[] = [
  'fault_repair',
  'complaint',
  'application',
];

export const DEFAULT_RETURN_VISIT_MAX_ATTEMPTS = 3;

export function returnVisitRequired(
  type: WorkOrderType,
  requiredTypes: readonly WorkOrderType[] = RETURN_VISIT_REQUIRED_TYPES,
): boolean {
  return requiredTypes.includes(type);
}

export type ReturnVisitDecision =
  | { kind: 'close' }
  | { kind: 'retry'; notBeforeLocalDate: string }
  | { kind: 'give_up_close' }
  | { kind: 'reopen_escalate' };

/**
 * What to do after a visit attempt made at `now`. `previousAttemptLocalDates` are the local dates
 * (YYYY-MM-DD in `timeZone`) of the earlier attempts of this order, not counting this one.
 * Satisfied and basically satisfied close the order; unsatisfied reopens and escalates it; unreachable is
 * retried on a later local day (the day after the latest attempt) until `maxAttempts` attempts were
 * made, then the order is closed with the visit recorded as failed (give_up_close).
 */
export function decideAfterVisit(
  outcome: ReturnVisitOutcome,
  previousAttemptLocalDates: readonly string[],
  now: Date,
  timeZone: string,
  maxAttempts: number = DEFAULT_RETURN_VISIT_MAX_ATTEMPTS,
): ReturnVisitDecision {
  if (outcome === 'satisfied' || outcome === 'basically_satisfied') return { kind: 'close' };
  if (outcome === 'unsatisfied') return { kind: 'reopen_escalate' };
  const today = format(new TZDate(now.getTime(), timeZone), 'yyyy-MM-dd');
  // Attempts on the same local day count as one: the rule asks for different days.
  const days = new Set([...previousAttemptLocalDates, today]);
  if (days.size >= maxAttempts) return { kind: 'give_up_close' };
  const latest = [...days].sort().at(-1) as string;
  const [y, m, d] = latest.split('-').map(Number);
  const next = addDays(new TZDate(y, m - 1, d, timeZone), 1);
  return { kind: 'retry', notBeforeLocalDate: format(next, 'yyyy-MM-dd') };
}

/**
 * Score of one visit for the satisfaction KPI (domain.md §13, §15): satisfied 100, basically satisfied 80,
 * unsatisfied 0; unreachable is not a response and gives null (left out of the average).
 */
export function satisfactionScore(outcome: ReturnVisitOutcome): number | null {
  switch (outcome) {
    case 'satisfied':
      return 100;
    case 'basically_satisfied':
      return 80;
    case 'unsatisfied':
      return 0;
    case 'unreachable':
      return null;
  }
}
