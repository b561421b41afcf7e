import { describe, expect, it } from 'vitest';
import { CAL_2026, sh } from './calendar-2026.fixture';
import { clockInstants, nextCheckAt } from './clock-thresholds';
import type { PauseInterval, TimeLimit } from './deadlines';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const local = (s: string | null) => (s ? sh(s).toISOString() : null);

describe('clockInstants: 50 %, 80 % and 100 % of a limit in its own clock', () => {
  const cases: {
    name: string;
    start: string;
    limit: TimeLimit;
    pauses?: PauseInterval[];
    warn50: string | null;
    warn80: string | null;
    due: string | null;
  }[] = [
    {
      // Mon 10:00: 14 h left on Monday, then Tue–Fri 24 h each, the weekend off, 10 h of the next Monday.
      name: 'complaint reply, 5 working days from a Monday morning',
      start: '2026-11-23 10:00',
      limit: { amount: 5, unit: 'working_days' },
      warn50: '2026-11-25 22:00', // 60 h: 14 + 24 + 22
      warn80: '2026-11-27 10:00', // 96 h: 14 + 24 + 24 + 24 + 10
      due: '2026-11-30 10:00', // 120 h
    },
    {
      // 08:30–12:00 and 13:30–17:30: 360 working minutes are left after 10:00.
      name: 'dispatch the same working day, accepted at 10:00',
      start: '2026-11-23 10:00',
      limit: { amount: 1, unit: 'end_of_working_day' },
      warn50: '2026-11-23 14:30', // 180 min: 120 before noon + 60 after 13:30
      warn80: '2026-11-23 16:18', // 288 min: 120 + 168
      due: '2026-11-23 17:30',
    },
    {
      name: 'fault arrival, 45 calendar minutes, on a public holiday (calendar clocks ignore holidays)',
      start: '2026-10-01 08:00',
      limit: { amount: 45, unit: 'calendar_minutes' },
      warn50: null, // 22.5 min → 08:22:30, checked below with seconds
      warn80: '2026-10-01 08:36',
      due: '2026-10-01 08:45',
    },
    {
      // Thu 16:00 → 8 h on Thursday; 25–27 Sep are the Mid-Autumn holiday; Monday gives the other 16 h.
      name: 'one working day across the Mid-Autumn holiday',
      start: '2026-09-24 16:00',
      limit: { amount: 1, unit: 'working_days' },
      warn50: '2026-09-28 04:00', // 12 h: 8 h Thursday + 4 h Monday
      warn80: '2026-09-28 11:12', // 19.2 h: 8 + 11.2
      due: '2026-09-28 16:00',
    },
    {
      // Saturday 19 Sep is off, Sunday 20 Sep is a make-up working day (调休上班).
      name: 'one working day from a Saturday before a make-up Sunday',
      start: '2026-09-19 10:00',
      limit: { amount: 1, unit: 'working_days' },
      warn50: '2026-09-20 12:00',
      warn80: '2026-09-20 19:12',
      due: '2026-09-21 00:00',
    },
    {
      name: 'a closed pause moves every instant by the paused time',
      start: '2026-11-23 10:00',
      limit: { amount: 45, unit: 'calendar_minutes' },
      pauses: [{ from: sh('2026-11-23 10:10'), to: sh('2026-11-23 10:40') }],
      warn50: null, // 10 min before the pause + 12.5 after → 10:52:30
      warn80: '2026-11-23 11:06', // 36 min: 10 + 26
      due: '2026-11-23 11:15',
    },
    {
      name: 'an open pause stops the clock: no instants',
      start: '2026-11-23 10:00',
      limit: { amount: 5, unit: 'working_days' },
      pauses: [{ from: sh('2026-11-23 11:00'), to: null }],
      warn50: null,
      warn80: null,
      due: null,
    },
  ];
  it.each(cases)('$name', (c) => {
    const got = clockInstants(sh(c.start), c.limit, CAL_2026, c.pauses ?? []);
    if (c.warn50 !== null) expect(iso(got.warn50At)).toBe(local(c.warn50));
    expect(iso(got.warn80At)).toBe(local(c.warn80));
    expect(iso(got.dueAt)).toBe(local(c.due));
  });

  it('half of 45 minutes is 22 min 30 s, before and after a pause', () => {
    const noPause = clockInstants(
      sh('2026-10-01 08:00'),
      { amount: 45, unit: 'calendar_minutes' },
      CAL_2026,
      [],
    );
    expect(iso(noPause.warn50At)).toBe('2026-10-01T00:22:30.000Z');
    const paused = clockInstants(sh('2026-11-23 10:00'), { amount: 45, unit: 'calendar_minutes' }, CAL_2026, [
      { from: sh('2026-11-23 10:10'), to: sh('2026-11-23 10:40') },
    ]);
    expect(iso(paused.warn50At)).toBe('2026-11-23T02:52:30.000Z');
  });
});

describe('nextCheckAt: the first instant not yet acted on', () => {
  const instants = {
    warn50At: sh('2026-11-23 11:00'),
    warn80At: sh('2026-11-23 12:00'),
    dueAt: sh('2026-11-23 13:00'),
  };
  it.each([
    [0, '2026-11-23 11:00'],
    [50, '2026-11-23 12:00'],
    [80, '2026-11-23 13:00'],
    [100, null],
  ] as const)('after level %s → %s', (level, expected) => {
    expect(iso(nextCheckAt(instants, level))).toBe(local(expected));
  });
});
