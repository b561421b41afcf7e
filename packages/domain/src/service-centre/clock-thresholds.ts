// The instants at which an SLA clock reaches its warning shares (50 %, 80 %) and its limit (100 %), so the
// sweep job only has to compare stored instants with now (architecture.md: due_at/warned_at on the row).
import {
  DEFAULT_WARNING_THRESHOLDS,
  deadlineAt,
  limitMinutes,
  type PauseInterval,
  type TimeLimit,
  type WarningLevel,
} from './deadlines';
import type { WorkingCalendar } from './working-calendar';

/**
 * When `share` of the limit is consumed, given the pauses so far; null while paused. The share of a
 * limit is measured in the limit's own clock (a half of 5 working days is 2.5 days of working-day time;
 * a half of "same day" is half of the working time left until the end of that working day).
 */
export function instantAtShare(
  start: Date,
  limit: TimeLimit,
  share: number,
  cal: WorkingCalendar,
  pauses: readonly PauseInterval[],
): Date | null {
  if (share === 1) return deadlineAt(start, limit, cal, pauses);
  if (limit.unit === 'end_of_working_day') {
    // "Same day" counts working-hours time; its share is that many minutes of working hours.
    const minutes = limitMinutes(start, limit, cal) * share;
    return deadlineAt(start, { amount: minutes / 60, unit: 'working_hours' }, cal, pauses);
  }
  return deadlineAt(start, { amount: limit.amount * share, unit: limit.unit }, cal, pauses);
}

export interface ClockInstants {
  warn50At: Date | null;
  warn80At: Date | null;
  dueAt: Date | null;
}

export function clockInstants(
  start: Date,
  limit: TimeLimit,
  cal: WorkingCalendar,
  pauses: readonly PauseInterval[],
  thresholds: readonly number[] = DEFAULT_WARNING_THRESHOLDS,
): ClockInstants {
  const [w50, w80, due] = thresholds;
  return {
    warn50At: instantAtShare(start, limit, w50, cal, pauses),
    warn80At: instantAtShare(start, limit, w80, cal, pauses),
    dueAt: instantAtShare(start, limit, due, cal, pauses),
  };
}

/** The next instant the sweep must look at, given the level already acted on; null when none is left. */
export function nextCheckAt(instants: ClockInstants, levelDone: WarningLevel): Date | null {
  if (levelDone < 50) return instants.warn50At;
  if (levelDone < 80) return instants.warn80At;
  if (levelDone < 100) return instants.dueAt;
  return null;
}
