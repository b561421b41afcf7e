import { describe, expect, it } from 'vitest';
import { CAL_2026, sh } from './calendar-2026.fixture';
import {
  consumedMinutes,
  deadlineAt,
  escalationTargets,
  limitMinutes,
  readClock,
  warningLevel,
} from './deadlines';
import type { PauseInterval, TimeLimit, TimeLimitUnit } from './deadlines';
import { workingCalendar } from './working-calendar';

const p = (from: string, to: string | null): PauseInterval => ({ from: sh(from), to: to ? sh(to) : null });
const u = (amount: number, unit: TimeLimitUnit): TimeLimit => ({ amount, unit });

// All instants are Asia/Shanghai wall-clock times. 2026-01-09 is a Friday.
describe('deadlineAt without pauses (domain.md §4 clocks)', () => {
  it.each([
    // working days: whole local days that are working days
    [
      '1 working day from Friday 10:00 ends Monday 10:00',
      '2026-01-09 10:00',
      u(1, 'working_days'),
      '2026-01-12 10:00',
    ],
    [
      '1 working day from Saturday 10:00 ends Tuesday 00:00',
      '2026-01-10 10:00',
      u(1, 'working_days'),
      '2026-01-13 00:00',
    ],
    [
      'New Year: from 31 Dec into the make-up Sunday',
      '2025-12-31 10:00',
      u(1, 'working_days'),
      '2026-01-04 10:00',
    ],
    [
      'Spring Festival: 1 working day lands on the make-up Saturday',
      '2026-02-13 10:00',
      u(1, 'working_days'),
      '2026-02-14 10:00',
    ],
    [
      'Spring Festival: complaint reply of 5 working days',
      '2026-02-13 10:00',
      u(5, 'working_days'),
      '2026-02-27 10:00',
    ],
    ['National Day: 30 Sep to 8 Oct', '2026-09-30 15:00', u(1, 'working_days'), '2026-10-08 15:00'],
    ['make-up Saturday 10 Oct counts', '2026-10-09 10:00', u(2, 'working_days'), '2026-10-12 10:00'],
    [
      'make-up Sunday 20 Sep counts as a whole day',
      '2026-09-19 10:00',
      u(1, 'working_days'),
      '2026-09-21 00:00',
    ],
    [
      'start inside Spring Festival waits for 24 Feb',
      '2026-02-18 09:00',
      u(2, 'working_days'),
      '2026-02-26 00:00',
    ],
    // working hours: 08:30–12:00 and 13:30–17:30 on working days
    ['4 working hours from Friday 16:00', '2026-01-09 16:00', u(4, 'working_hours'), '2026-01-12 11:00'],
    ['1 working hour from lunch time', '2026-01-12 12:30', u(1, 'working_hours'), '2026-01-12 14:30'],
    [
      'working hours continue on the make-up Saturday',
      '2026-02-13 17:00',
      u(2, 'working_hours'),
      '2026-02-14 10:00',
    ],
    [
      '8 working hours span lunch and the night',
      '2026-01-12 08:30',
      u(8, 'working_hours'),
      '2026-01-13 09:00',
    ],
    // same day (当日): end of working hours
    ['same day from Monday 10:00', '2026-01-12 10:00', u(1, 'end_of_working_day'), '2026-01-12 17:30'],
    ['same day from Monday 07:00', '2026-01-12 07:00', u(1, 'end_of_working_day'), '2026-01-12 17:30'],
    [
      'same day at exactly 17:30 moves to the next working day',
      '2026-01-12 17:30',
      u(1, 'end_of_working_day'),
      '2026-01-13 17:30',
    ],
    [
      'same day in the evening moves to the next working day',
      '2026-01-12 18:00',
      u(1, 'end_of_working_day'),
      '2026-01-13 17:30',
    ],
    [
      'same day on a Saturday moves to Monday',
      '2026-01-10 09:00',
      u(1, 'end_of_working_day'),
      '2026-01-12 17:30',
    ],
    [
      'same day on New Year eve evening goes to the make-up Sunday',
      '2025-12-31 18:00',
      u(1, 'end_of_working_day'),
      '2026-01-04 17:30',
    ],
    ['same day on the make-up Saturday', '2026-02-14 09:00', u(1, 'end_of_working_day'), '2026-02-14 17:30'],
    [
      'same day before National Day goes to 8 Oct',
      '2026-09-30 19:00',
      u(1, 'end_of_working_day'),
      '2026-10-08 17:30',
    ],
    [
      'amount 2 is the end of the following working day',
      '2026-01-09 10:00',
      u(2, 'end_of_working_day'),
      '2026-01-12 17:30',
    ],
    // calendar time ignores the calendar
    ['45 calendar minutes on a holiday', '2026-10-01 10:00', u(45, 'calendar_minutes'), '2026-10-01 10:45'],
    ['4 calendar hours over midnight', '2026-01-09 22:00', u(4, 'calendar_hours'), '2026-01-10 02:00'],
    ['7 calendar days over National Day', '2026-09-30 10:00', u(7, 'calendar_days'), '2026-10-07 10:00'],
  ])('%s', (_rule, start, limit, deadline) => {
    const at = deadlineAt(sh(start), limit, CAL_2026, []);
    expect(at).toEqual(sh(deadline));
    // At the deadline exactly the whole limit has been consumed.
    expect(consumedMinutes(sh(start), at as Date, limit.unit, CAL_2026, [])).toBeCloseTo(
      limitMinutes(sh(start), limit, CAL_2026),
      6,
    );
  });
});

describe('midnight in Asia/Shanghai, not UTC', () => {
  it('00:30 local on the make-up Sunday (Saturday 16:30 UTC) starts counting at once', () => {
    const start = new Date('2026-01-03T16:30:00Z');
    expect(deadlineAt(start, u(1, 'working_days'), CAL_2026, [])).toEqual(new Date('2026-01-04T16:30:00Z'));
  });

  it('Saturday 00:30 local (Friday 16:30 UTC) is already the weekend for a same-day limit', () => {
    const start = new Date('2026-01-09T16:30:00Z');
    expect(deadlineAt(start, u(1, 'end_of_working_day'), CAL_2026, [])).toEqual(
      new Date('2026-01-12T09:30:00Z'),
    );
  });

  it('the last minute of Friday local time still counts as a working day', () => {
    expect(
      consumedMinutes(sh('2026-01-09 23:59'), sh('2026-01-10 00:30'), 'working_days', CAL_2026, []),
    ).toBe(1);
  });

  it('the same rules hold in another zone', () => {
    const utcCal = workingCalendar({ timeZone: 'UTC' });
    expect(deadlineAt(new Date('2026-01-09T16:30:00Z'), u(1, 'end_of_working_day'), utcCal, [])).toEqual(
      new Date('2026-01-09T17:30:00Z'),
    );
  });
});

describe('limitMinutes', () => {
  it.each([
    ['2026-01-12 10:00', u(1, 'end_of_working_day'), 360],
    ['2026-01-12 07:00', u(1, 'end_of_working_day'), 450],
    ['2026-01-12 17:30', u(1, 'end_of_working_day'), 450],
    ['2026-01-12 17:29', u(1, 'end_of_working_day'), 1],
    ['2026-01-12 12:30', u(1, 'end_of_working_day'), 240],
    ['2026-01-12 10:00', u(2, 'end_of_working_day'), 810],
    ['2026-01-12 10:00', u(45, 'calendar_minutes'), 45],
    ['2026-01-12 10:00', u(4, 'calendar_hours'), 240],
    ['2026-01-12 10:00', u(7, 'calendar_days'), 10080],
    ['2026-01-12 10:00', u(5, 'working_days'), 7200],
    ['2026-01-12 10:00', u(4, 'working_hours'), 240],
  ])('from %s, %o is %i minutes', (start, limit, minutes) => {
    expect(limitMinutes(sh(start), limit, CAL_2026)).toBe(minutes);
  });
});

describe('consumedMinutes', () => {
  it.each([
    ['now before start', '2026-01-12 10:00', '2026-01-12 09:00', 'working_hours', 0],
    [
      'working hours Friday 16:00 → Monday 09:00',
      '2026-01-09 16:00',
      '2026-01-12 09:00',
      'working_hours',
      120,
    ],
    ['working days over a weekend', '2026-01-09 10:00', '2026-01-12 10:00', 'working_days', 1440],
    ['calendar hours over a weekend', '2026-01-10 10:00', '2026-01-11 10:00', 'calendar_hours', 1440],
    ['working days over Spring Festival', '2026-02-13 00:00', '2026-02-24 00:00', 'working_days', 2880],
    ['working hours on a holiday', '2026-10-02 09:00', '2026-10-02 16:00', 'working_hours', 0],
    [
      'same-day clock runs in working hours',
      '2026-01-12 10:00',
      '2026-01-12 14:00',
      'end_of_working_day',
      150,
    ],
  ] as const)('%s', (_rule, start, now, unit, minutes) => {
    expect(consumedMinutes(sh(start), sh(now), unit, CAL_2026, [])).toBe(minutes);
  });
});

describe('pauses stop every clock', () => {
  it('a closed pause in working days moves the deadline by the paused working time', () => {
    const pauses = [p('2026-01-09 14:00', '2026-01-09 18:00')];
    expect(deadlineAt(sh('2026-01-09 10:00'), u(1, 'working_days'), CAL_2026, pauses)).toEqual(
      sh('2026-01-12 14:00'),
    );
  });

  it('a pause spanning Spring Festival only costs the working time it covers; the make-up Saturday counts', () => {
    const pauses = [p('2026-02-14 12:00', '2026-02-24 06:00')];
    const start = sh('2026-02-13 10:00');
    expect(deadlineAt(start, u(5, 'working_days'), CAL_2026, pauses)).toEqual(sh('2026-02-28 04:00'));
    expect(consumedMinutes(start, sh('2026-02-26 00:00'), 'working_days', CAL_2026, pauses)).toBe(68 * 60);
  });

  it('an open pause stops the clock: no deadline, consumption frozen at the pause', () => {
    const pauses = [p('2026-01-09 14:00', null)];
    const start = sh('2026-01-09 10:00');
    expect(deadlineAt(start, u(1, 'working_days'), CAL_2026, pauses)).toBeNull();
    expect(consumedMinutes(start, sh('2026-01-12 09:00'), 'working_days', CAL_2026, pauses)).toBe(240);
    expect(consumedMinutes(start, sh('2026-01-20 09:00'), 'working_days', CAL_2026, pauses)).toBe(240);
  });

  it('a resumed order counts again after the pause', () => {
    const pauses = [p('2026-01-09 14:00', '2026-01-12 09:00')];
    expect(
      consumedMinutes(sh('2026-01-09 10:00'), sh('2026-01-12 10:00'), 'working_days', CAL_2026, pauses),
    ).toBe(300);
  });

  it('a fault-repair arrival clock of 45 calendar minutes', () => {
    const start = sh('2026-01-10 10:00');
    expect(
      deadlineAt(start, u(45, 'calendar_minutes'), CAL_2026, [p('2026-01-10 10:10', '2026-01-10 10:30')]),
    ).toEqual(sh('2026-01-10 11:05'));
  });

  it('overlapping pauses count once', () => {
    const pauses = [p('2026-01-10 10:10', '2026-01-10 10:30'), p('2026-01-10 10:20', '2026-01-10 10:40')];
    expect(deadlineAt(sh('2026-01-10 10:00'), u(45, 'calendar_minutes'), CAL_2026, pauses)).toEqual(
      sh('2026-01-10 11:15'),
    );
  });

  it('a pause over lunch does not move a working-hours deadline', () => {
    const start = sh('2026-01-12 10:00');
    expect(deadlineAt(start, u(4, 'working_hours'), CAL_2026, [])).toEqual(sh('2026-01-12 15:30'));
    expect(
      deadlineAt(start, u(4, 'working_hours'), CAL_2026, [p('2026-01-12 12:00', '2026-01-12 13:30')]),
    ).toEqual(sh('2026-01-12 15:30'));
  });

  it('a same-day limit paused for 30 working minutes ends 30 working minutes into the next day', () => {
    const pauses = [p('2026-01-12 11:00', '2026-01-12 11:30')];
    expect(deadlineAt(sh('2026-01-12 10:00'), u(1, 'end_of_working_day'), CAL_2026, pauses)).toEqual(
      sh('2026-01-13 09:00'),
    );
  });

  it('a pause that began before the start only counts from the start', () => {
    const pauses = [p('2026-01-12 09:00', '2026-01-12 10:30')];
    expect(
      consumedMinutes(sh('2026-01-12 10:00'), sh('2026-01-12 11:00'), 'calendar_minutes', CAL_2026, pauses),
    ).toBe(30);
  });
});

describe('warningLevel: 50%, 80% and 100% are reached at exactly their value', () => {
  it.each([
    [0, 450, 0],
    [224.9, 450, 0],
    [225, 450, 50],
    [359.9, 450, 50],
    [360, 450, 80],
    [449.99, 450, 80],
    [450, 450, 100],
    [900, 450, 100],
    [720, 1440, 50],
    [1152, 1440, 80],
    [36, 45, 80],
    [0, 0, 100],
  ])('%d of %d minutes → %d', (consumed, limit, level) => {
    expect(warningLevel(consumed, limit)).toBe(level);
  });

  it('uses configured thresholds', () => {
    expect(warningLevel(30, 100, [0.25, 0.5, 0.75])).toBe(50);
    expect(warningLevel(50, 100, [0.25, 0.5, 0.75])).toBe(80);
    expect(warningLevel(75, 100, [0.25, 0.5, 0.75])).toBe(100);
  });

  it('a complaint reply clock half way through a working day', () => {
    const clock = readClock(
      sh('2026-01-09 10:00'),
      sh('2026-01-09 22:00'),
      u(1, 'working_days'),
      CAL_2026,
      [],
    );
    expect(clock).toEqual({
      consumedMinutes: 720,
      limitMinutes: 1440,
      remainingMinutes: 720,
      level: 50,
      deadline: sh('2026-01-12 10:00'),
    });
  });

  it('a breached clock has negative remaining time', () => {
    const clock = readClock(
      sh('2026-01-12 10:00'),
      sh('2026-01-13 09:00'),
      u(1, 'end_of_working_day'),
      CAL_2026,
      [],
    );
    expect(clock.remainingMinutes).toBe(-30);
    expect(clock.level).toBe(100);
  });
});

describe('escalationTargets: handler, then supervisor, then department head', () => {
  it.each([
    [0, []],
    [50, ['handler']],
    [80, ['handler', 'supervisor']],
    [100, ['handler', 'supervisor', 'department_head']],
  ] as const)('level %d → %o', (level, roles) => {
    expect(escalationTargets(level)).toEqual(roles);
  });
});

describe('calendars without working time', () => {
  it('fails loudly instead of searching forever', () => {
    const noHours = workingCalendar({ workingHours: [] });
    expect(() => deadlineAt(sh('2026-01-12 10:00'), u(1, 'working_hours'), noHours, [])).toThrow(RangeError);
    expect(() => limitMinutes(sh('2026-01-12 10:00'), u(1, 'end_of_working_day'), noHours)).toThrow(
      RangeError,
    );
  });
});
