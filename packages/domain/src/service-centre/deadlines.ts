// SLA clocks of work orders (domain.md §4): a limit is measured in calendar minutes/hours/days, working
// days or working hours, or is "same day" (before the end of the working day). Paused time never counts.
//
// Conventions (business decisions, also in docs/service-centre.md):
// - calendar_minutes / calendar_hours / calendar_days measure wall-clock time (a calendar day is 24 h).
// - working_days measure the time that falls on working days, whole local days 00:00–24:00: one working
//   day from Friday 10:00 ends Monday 10:00; from Saturday 10:00 it ends Tuesday 00:00.
// - working_hours measure the time inside the working-hours windows of working days.
// - end_of_working_day ("same day", 当日): the end of working hours of the start day when that is a working
//   day and the start is before its end, else the end of working hours of the next working day. An amount
//   n > 1 moves the end n − 1 further working days. It is measured like working_hours, so a pause inside
//   working hours pushes the deadline past the end of the day by the paused working time.
// - Paused intervals ({from, to}) are excluded from every measure; `to: null` means still paused, and then
//   the deadline is unknown (null) because the clock has stopped.
import {
  MAX_SEARCH_DAYS,
  addLocalDays,
  endOfWorkingHours,
  isWorkingDay,
  localDateOf,
  nextWorkingDay,
  startOfLocalDate,
  workingWindowsOf,
} from './working-calendar';
import type { WorkingCalendar } from './working-calendar';

export const TIME_LIMIT_UNITS = [
  'calendar_minutes',
  'calendar_hours',
  'calendar_days',
  'working_days',
  'working_hours',
  'end_of_working_day',
] as const;
export type TimeLimitUnit = (typeof TIME_LIMIT_UNITS)[number];

export interface TimeLimit {
  amount: number;
  unit: TimeLimitUnit;
}

export interface PauseInterval {
  from: Date;
  to: Date | null; // null: still paused
}

const MINUTE = 60_000;
type Span = [number, number]; // epoch ms, half-open [from, to)

/** The spans of one local date that the unit counts, before pauses. */
function countedSpansOf(localDate: string, unit: TimeLimitUnit, cal: WorkingCalendar): Span[] {
  switch (unit) {
    case 'calendar_minutes':
    case 'calendar_hours':
    case 'calendar_days':
    case 'working_days': {
      if (unit === 'working_days' && !isWorkingDay(localDate, cal)) return [];
      const from = startOfLocalDate(localDate, cal.timeZone).getTime();
      const to = startOfLocalDate(addLocalDays(localDate, 1), cal.timeZone).getTime();
      return [[from, to]];
    }
    case 'working_hours':
    case 'end_of_working_day':
      return workingWindowsOf(localDate, cal).map(([a, b]) => [a.getTime(), b.getTime()]);
  }
}

/** Pauses as sorted, merged spans; open pauses run to +∞; empty or inverted pauses are dropped. */
function pauseSpans(pauses: readonly PauseInterval[]): Span[] {
  const spans = pauses
    .map((p): Span => [p.from.getTime(), p.to === null ? Infinity : p.to.getTime()])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

function subtract(span: Span, holes: readonly Span[]): Span[] {
  const out: Span[] = [];
  let cursor = span[0];
  for (const [a, b] of holes) {
    if (b <= cursor || a >= span[1]) continue;
    if (a > cursor) out.push([cursor, a]);
    cursor = Math.max(cursor, b);
    if (cursor >= span[1]) break;
  }
  if (cursor < span[1]) out.push([cursor, span[1]]);
  return out;
}

/**
 * Counted, unpaused spans from `start` onwards, day by day in the calendar's time zone, up to the local
 * date of `until` (or without end; then a calendar without counted time fails after MAX_SEARCH_DAYS).
 */
function* countedSpans(
  start: Date,
  unit: TimeLimitUnit,
  cal: WorkingCalendar,
  holes: readonly Span[],
  until?: Date,
): Generator<Span> {
  const last = until ? localDateOf(until, cal.timeZone) : null;
  let date = localDateOf(start, cal.timeZone);
  for (let i = 0; last ? date <= last : i < MAX_SEARCH_DAYS; i++, date = addLocalDays(date, 1)) {
    for (const [a, b] of countedSpansOf(date, unit, cal)) {
      const from = Math.max(a, start.getTime());
      if (b > from) yield* subtract([from, b], holes);
    }
  }
  if (!last)
    throw new RangeError(`no ${unit} time within ${MAX_SEARCH_DAYS} days after ${start.toISOString()}`);
}

/** Clock time consumed between start and now in the limit's measure, paused time excluded, in minutes. */
export function consumedMinutes(
  start: Date,
  now: Date,
  unit: TimeLimitUnit,
  cal: WorkingCalendar,
  pauses: readonly PauseInterval[],
): number {
  const end = now.getTime();
  if (end <= start.getTime()) return 0;
  let ms = 0;
  for (const [a, b] of countedSpans(start, unit, cal, pauseSpans(pauses), now)) {
    if (a >= end) break;
    ms += Math.min(b, end) - a;
  }
  return ms / MINUTE;
}

/** The local date whose end of working hours ends an end_of_working_day limit started at `start`. */
function sameDayTarget(start: Date, amount: number, cal: WorkingCalendar): string {
  const startDate = localDateOf(start, cal.timeZone);
  const end = endOfWorkingHours(startDate, cal);
  let target = end && start.getTime() < end.getTime() ? startDate : nextWorkingDay(startDate, cal);
  for (let i = 1; i < amount; i++) target = nextWorkingDay(target, cal);
  return target;
}

/** Length of the limit in the same measure, in minutes (for end_of_working_day: computed from start). */
export function limitMinutes(start: Date, limit: TimeLimit, cal: WorkingCalendar): number {
  switch (limit.unit) {
    case 'calendar_minutes':
      return limit.amount;
    case 'calendar_hours':
    case 'working_hours':
      return limit.amount * 60;
    case 'calendar_days':
    case 'working_days':
      return limit.amount * 24 * 60;
    case 'end_of_working_day': {
      const target = sameDayTarget(start, limit.amount, cal);
      const end = endOfWorkingHours(target, cal);
      if (!end) throw new RangeError('the working calendar has no working hours');
      return consumedMinutes(start, end, 'end_of_working_day', cal, []);
    }
  }
}

/** The instant the limit is reached given the pauses so far; null while paused (clock stopped). */
export function deadlineAt(
  start: Date,
  limit: TimeLimit,
  cal: WorkingCalendar,
  pauses: readonly PauseInterval[],
): Date | null {
  if (pauses.some((p) => p.to === null)) return null;
  let remaining = Math.round(limitMinutes(start, limit, cal) * MINUTE);
  if (remaining <= 0) return new Date(start.getTime());
  for (const [a, b] of countedSpans(start, limit.unit, cal, pauseSpans(pauses))) {
    if (b - a >= remaining) return new Date(a + remaining);
    remaining -= b - a;
  }
  return null; // unreachable: countedSpans throws when the calendar has no time left
}

export type WarningLevel = 0 | 50 | 80 | 100;
export const DEFAULT_WARNING_THRESHOLDS = [0.5, 0.8, 1.0] as const;
const LEVELS: readonly WarningLevel[] = [50, 80, 100];

/**
 * The highest warning level reached (domain.md §4: 50%, 80%, 100% = breach). `thresholds` are the
 * fractions for the 50, 80 and 100 levels, in that order. A threshold is reached at exactly its value.
 */
export function warningLevel(
  consumed: number,
  limit: number,
  thresholds: readonly number[] = DEFAULT_WARNING_THRESHOLDS,
): WarningLevel {
  if (limit <= 0) return 100;
  let level: WarningLevel = 0;
  thresholds.slice(0, 3).forEach((t, i) => {
    // Tolerance for binary fractions: 0.8 × 450 must count as reached at 360.
    if (consumed >= t * limit - 1e-9 * limit) level = LEVELS[i];
  });
  return level;
}

export type EscalationRole = 'handler' | 'supervisor' | 'department_head';

/** Who is told at each level: 50% the handler, 80% also the supervisor, 100% also the department head. */
export function escalationTargets(level: WarningLevel): EscalationRole[] {
  if (level >= 100) return ['handler', 'supervisor', 'department_head'];
  if (level >= 80) return ['handler', 'supervisor'];
  if (level >= 50) return ['handler'];
  return [];
}

export interface ClockReading {
  consumedMinutes: number;
  limitMinutes: number;
  remainingMinutes: number; // negative once breached
  level: WarningLevel;
  deadline: Date | null;
}

/** Everything an order's clock shows at `now`: consumed, limit, remaining, warning level and deadline. */
export function readClock(
  start: Date,
  now: Date,
  limit: TimeLimit,
  cal: WorkingCalendar,
  pauses: readonly PauseInterval[],
  thresholds: readonly number[] = DEFAULT_WARNING_THRESHOLDS,
): ClockReading {
  const consumed = consumedMinutes(start, now, limit.unit, cal, pauses);
  const total = limitMinutes(start, limit, cal);
  return {
    consumedMinutes: consumed,
    limitMinutes: total,
    remainingMinutes: total - consumed,
    level: warningLevel(consumed, total, thresholds),
    deadline: deadlineAt(start, limit, cal, pauses),
  };
}
