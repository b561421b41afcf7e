// The generator's clock arithmetic must give exactly what the domain gives: same instants to the
// millisecond, for every unit, across weekends, the official 2026 holidays and make-up working days,
// lunch breaks, nights, and starts right on the boundaries.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIME_LIMIT_RULES,
  clockInstants,
  deadlineAt,
  localInstant,
  workingCalendar,
  type TimeLimit,
} from '@gridcare/domain';
import { CAL_2026 } from '../../../../packages/domain/src/service-centre/calendar-2026.fixture';
import { ClockMath } from './clock-instants';
import { createRng } from './prng';

const LIMITS: TimeLimit[] = [
  ...DEFAULT_TIME_LIMIT_RULES.map((r) => r.limit),
  { amount: 2, unit: 'end_of_working_day' },
  { amount: 3.5, unit: 'working_hours' },
  { amount: 16, unit: 'working_hours' },
  { amount: 1, unit: 'calendar_days' },
  { amount: 10, unit: 'working_days' },
];

/** Starts spread over 2026 (holidays included), plus the edges of the working day and of the holidays. */
function starts(): number[] {
  const rng = createRng(7);
  const out: number[] = [];
  const from = Date.UTC(2025, 11, 20);
  for (let i = 0; i < 3000; i++) out.push(from + Math.floor(rng.next() * 400 * 86_400_000));
  for (const day of ['2026-02-13', '2026-02-14', '2026-02-24', '2026-09-30', '2026-10-08', '2026-10-10']) {
    for (const hhmm of ['00:00', '08:29', '08:30', '12:00', '13:29', '13:30', '17:29', '17:30', '23:59'])
      out.push(localInstant(day, hhmm, CAL_2026.timeZone).getTime());
  }
  return out;
}

const asMs = (d: Date | null) => (d ? d.getTime() : null);

describe('generator clock arithmetic', () => {
  it('gives the same warning and due instants as clockInstants for every unit and start', () => {
    const math = new ClockMath(CAL_2026, 0);
    const differences: string[] = [];
    for (const limit of LIMITS) {
      for (const start of starts()) {
        const fast = math.instants(start, limit);
        const exact = clockInstants(new Date(start), limit, CAL_2026, []);
        const same =
          fast.warn50At === asMs(exact.warn50At) &&
          fast.warn80At === asMs(exact.warn80At) &&
          fast.dueAt === asMs(exact.dueAt);
        if (!same) differences.push(`${new Date(start).toISOString()} ${limit.amount} ${limit.unit}`);
      }
    }
    expect(differences.slice(0, 5)).toEqual([]);
  });

  it('adds working time as deadlineAt does in working hours', () => {
    const math = new ClockMath(CAL_2026, 0);
    for (const start of starts().slice(0, 500)) {
      for (const minutes of [5, 90, 240, 481, 2000]) {
        expect(math.afterWorkingMinutes(start, minutes)).toBe(
          asMs(deadlineAt(new Date(start), { amount: minutes / 60, unit: 'working_hours' }, CAL_2026, [])),
        );
      }
    }
  });

  it('checks itself against the domain while generating', () => {
    const math = new ClockMath(workingCalendar({ workingHours: [{ start: '09:00', end: '17:00' }] }), 1);
    math.instants(Date.UTC(2026, 5, 1, 2), { amount: 4, unit: 'working_hours' });
    // Hours changed under its memoised spans: the next answer is wrong, and the check says so.
    (math.cal as { workingHours: unknown }).workingHours = [{ start: '10:00', end: '12:00' }];
    expect(() => math.instants(Date.UTC(2026, 5, 1, 2), { amount: 4, unit: 'working_hours' })).toThrow(
      /differ from the domain/,
    );
  });
});
