// SLA instants for generated orders. A million orders carry about three million clocks, and the domain's
// clockInstants spends most of its 50–150 µs per clock converting instants to local dates through Intl
// (@date-fns/tz). For clocks without pauses this class walks the very same counted spans as
// packages/domain deadlines.ts (calendar time, working days, working-hours windows of the official
// calendar) with the local date of each instant memoised per 15-minute slot — every real time zone's
// midnight falls on a quarter hour, which is checked — so a clock costs a few microseconds. Its answers
// equal clockInstants' to the millisecond: a test compares them over thousands of starts, and every
// 500th call here is checked against the domain function at run time. Clocks with pauses, and the running
// clocks of open orders, go to the domain functions directly (see work-order-sim.ts).
import {
  DEFAULT_WARNING_THRESHOLDS,
  MAX_SEARCH_DAYS,
  addLocalDays,
  clockInstants,
  endOfWorkingHours,
  isWorkingDay,
  localDateOf,
  nextWorkingDay,
  startOfLocalDate,
  workingWindowsOf,
  type TimeLimit,
  type TimeLimitUnit,
  type WorkingCalendar,
} from '@gridcare/domain';

const MINUTE = 60_000;
const SLOT = 15 * MINUTE;
type Span = readonly [number, number];
type Family = 'calendar' | 'working_days' | 'working_hours';

export interface Instants {
  warn50At: number | null;
  warn80At: number | null;
  dueAt: number | null;
}

function familyOf(unit: TimeLimitUnit): Family {
  if (unit === 'working_days') return 'working_days';
  if (unit === 'working_hours' || unit === 'end_of_working_day') return 'working_hours';
  return 'calendar';
}

export class ClockMath {
  private readonly dateBySlot = new Map<number, string>();
  private readonly spansByDay = new Map<string, readonly Span[]>();
  private readonly nextDay = new Map<string, string>();
  private calls = 0;

  constructor(
    readonly cal: WorkingCalendar,
    /** Compare every n-th answer with the domain function (0: never). */
    private readonly checkEvery = 500,
  ) {}

  /** The local date of an instant, memoised per quarter hour. */
  localDate(ms: number): string {
    const slot = Math.floor(ms / SLOT);
    let d = this.dateBySlot.get(slot);
    if (d === undefined) {
      d = localDateOf(new Date(slot * SLOT), this.cal.timeZone);
      // A zone whose midnight is not on a quarter hour (none today) gets the exact, slow answer.
      const midnight = startOfLocalDate(addLocalDays(d, 1), this.cal.timeZone).getTime();
      if (midnight % SLOT !== 0) return localDateOf(new Date(ms), this.cal.timeZone);
      if (this.dateBySlot.size > 200_000) this.dateBySlot.clear();
      this.dateBySlot.set(slot, d);
    }
    return d;
  }

  private following(d: string): string {
    let n = this.nextDay.get(d);
    if (n === undefined) {
      n = addLocalDays(d, 1);
      this.nextDay.set(d, n);
    }
    return n;
  }

  /** What a unit family counts on a local date, as epoch-ms spans (deadlines.ts countedSpansOf). */
  private spans(d: string, family: Exclude<Family, 'calendar'>): readonly Span[] {
    const key = family === 'working_days' ? 'd' + d : 'h' + d;
    let s = this.spansByDay.get(key);
    if (s === undefined) {
      if (family === 'working_days') {
        s = isWorkingDay(d, this.cal)
          ? [
              [
                startOfLocalDate(d, this.cal.timeZone).getTime(),
                startOfLocalDate(this.following(d), this.cal.timeZone).getTime(),
              ],
            ]
          : [];
      } else {
        s = workingWindowsOf(d, this.cal).map(([a, b]) => [a.getTime(), b.getTime()] as const);
      }
      this.spansByDay.set(key, s);
    }
    return s;
  }

  /** The instant `remainingMs` of counted time after `start` (deadlines.ts deadlineAt without pauses). */
  private walk(start: number, family: Family, remainingMs: number): number {
    let remaining = remainingMs;
    if (remaining <= 0) return start;
    if (family === 'calendar') return start + remaining; // calendar days follow each other without gaps
    let d = this.localDate(start);
    for (let i = 0; i < MAX_SEARCH_DAYS; i++, d = this.following(d)) {
      for (const [a, b] of this.spans(d, family)) {
        const from = Math.max(a, start);
        if (b <= from) continue;
        if (b - from >= remaining) return from + remaining;
        remaining -= b - from;
      }
    }
    throw new RangeError(`no counted time within ${MAX_SEARCH_DAYS} days`);
  }

  /** Working-hours time between start and end, in minutes (deadlines.ts consumedMinutes). */
  private workingMinutes(start: number, end: number): number {
    if (end <= start) return 0;
    let ms = 0;
    const last = this.localDate(end);
    for (let d = this.localDate(start); d <= last; d = this.following(d)) {
      for (const [a, b] of this.spans(d, 'working_hours')) {
        const from = Math.max(a, start);
        if (b <= from) continue;
        if (from >= end) return ms / MINUTE;
        ms += Math.min(b, end) - from;
      }
    }
    return ms / MINUTE;
  }

  /** deadlines.ts limitMinutes. */
  private limitMinutes(start: number, limit: TimeLimit): number {
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
        const startDate = this.localDate(start);
        const end = endOfWorkingHours(startDate, this.cal);
        let target = end && start < end.getTime() ? startDate : nextWorkingDay(startDate, this.cal);
        for (let i = 1; i < limit.amount; i++) target = nextWorkingDay(target, this.cal);
        const targetEnd = endOfWorkingHours(target, this.cal);
        if (!targetEnd) throw new RangeError('the working calendar has no working hours');
        return this.workingMinutes(start, targetEnd.getTime());
      }
    }
  }

  /** The instant `limit` is reached from `start` without pauses (deadlines.ts deadlineAt). */
  deadline(start: number, limit: TimeLimit): number {
    return this.walk(start, familyOf(limit.unit), Math.round(this.limitMinutes(start, limit) * MINUTE));
  }

  /** clock-thresholds.ts instantAtShare without pauses. */
  private atShare(start: number, limit: TimeLimit, share: number): number {
    if (share === 1) return this.deadline(start, limit);
    if (limit.unit === 'end_of_working_day') {
      const minutes = this.limitMinutes(start, limit) * share;
      return this.deadline(start, { amount: minutes / 60, unit: 'working_hours' });
    }
    return this.deadline(start, { amount: limit.amount * share, unit: limit.unit });
  }

  /** clockInstants(start, limit, cal, []) with the default thresholds. */
  instants(start: number, limit: TimeLimit): Instants {
    const [w50, w80, due] = DEFAULT_WARNING_THRESHOLDS;
    const out = {
      warn50At: this.atShare(start, limit, w50),
      warn80At: this.atShare(start, limit, w80),
      dueAt: this.atShare(start, limit, due),
    };
    if (this.checkEvery > 0 && ++this.calls % this.checkEvery === 0) this.check(start, limit, out);
    return out;
  }

  private check(start: number, limit: TimeLimit, out: Instants): void {
    const d = clockInstants(new Date(start), limit, this.cal, []);
    const same = (a: Date | null, b: number | null) => (a ? a.getTime() : null) === b;
    if (!same(d.warn50At, out.warn50At) || !same(d.warn80At, out.warn80At) || !same(d.dueAt, out.dueAt))
      throw new Error(
        `generated clock instants differ from the domain's for ${new Date(start).toISOString()} ${limit.amount} ${limit.unit}`,
      );
  }

  /** `minutes` of working-hours time after `start` (a handler's working time on a step). */
  afterWorkingMinutes(start: number, minutes: number): number {
    return this.walk(start, 'working_hours', Math.round(minutes * MINUTE));
  }
}
