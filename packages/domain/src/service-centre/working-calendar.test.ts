import { describe, expect, it } from 'vitest';
import { CAL_2026, HOLIDAYS_2026, sh } from './calendar-2026.fixture';
import {
  addLocalDays,
  endOfWorkingHours,
  isLocalDate,
  isWorkingDay,
  localDateOf,
  nextWorkingDay,
  validWorkingHours,
  workingCalendar,
} from './working-calendar';

describe('isWorkingDay on the 2026 official calendar', () => {
  it.each([
    ['2026-01-01', false, 'New Year, a Thursday'],
    ['2026-01-03', false, 'New Year holiday on a Saturday'],
    ['2026-01-04', true, 'make-up Sunday after New Year'],
    ['2026-01-05', true, 'ordinary Monday'],
    ['2026-01-10', false, 'ordinary Saturday'],
    ['2026-01-11', false, 'ordinary Sunday'],
    ['2026-02-13', true, 'Friday before Spring Festival'],
    ['2026-02-14', true, 'make-up Saturday before Spring Festival'],
    ['2026-02-16', false, 'Spring Festival Monday'],
    ['2026-02-23', false, 'last day of Spring Festival, a Monday'],
    ['2026-02-24', true, 'first working day after Spring Festival'],
    ['2026-02-28', true, 'make-up Saturday after Spring Festival'],
    ['2026-05-09', true, 'make-up Saturday after Labour Day'],
    ['2026-09-20', true, 'make-up Sunday before National Day'],
    ['2026-09-25', false, 'Mid-Autumn Friday'],
    ['2026-10-05', false, 'National Day Monday'],
    ['2026-10-08', true, 'first working day after National Day'],
    ['2026-10-10', true, 'make-up Saturday after National Day'],
  ])('%s → %s (%s)', (date, working) => {
    expect(isWorkingDay(date, CAL_2026)).toBe(working);
  });

  it('counts 33 holiday dates in 2026', () => {
    expect(HOLIDAYS_2026).toHaveLength(33);
  });

  it('without calendar data only weekends are off', () => {
    const bare = workingCalendar();
    expect(isWorkingDay('2026-01-01', bare)).toBe(true);
    expect(isWorkingDay('2026-01-04', bare)).toBe(false);
  });
});

describe('local dates in Asia/Shanghai, not UTC', () => {
  it.each([
    ['2026-01-03T15:59:59Z', '2026-01-03'],
    ['2026-01-03T16:00:00Z', '2026-01-04'],
    ['2026-01-04T15:59:59Z', '2026-01-04'],
  ])('%s is local date %s', (iso, date) => {
    expect(localDateOf(new Date(iso), 'Asia/Shanghai')).toBe(date);
  });

  // The local date is memoised per UTC quarter hour: right on both sides of midnight in zones whose offset is
  // not whole hours, and across daylight-saving changes (asked in order, so a wrong memo would show).
  it.each([
    ['Asia/Kolkata', '2026-11-22T18:29:59.999Z', '2026-11-22'],
    ['Asia/Kolkata', '2026-11-22T18:30:00Z', '2026-11-23'],
    ['Asia/Kathmandu', '2026-11-22T18:14:59Z', '2026-11-22'],
    ['Asia/Kathmandu', '2026-11-22T18:15:00Z', '2026-11-23'],
    ['America/New_York', '2026-03-08T04:59:59Z', '2026-03-07'],
    ['America/New_York', '2026-03-08T05:00:00Z', '2026-03-08'],
    ['America/New_York', '2026-11-01T03:59:59Z', '2026-10-31'],
    ['America/New_York', '2026-11-01T04:00:00Z', '2026-11-01'],
    ['America/New_York', '2026-11-02T04:59:59Z', '2026-11-01'],
    ['America/New_York', '2026-11-02T05:00:00Z', '2026-11-02'],
  ])('in %s, %s is local date %s', (zone, iso, date) => {
    expect(localDateOf(new Date(iso), zone)).toBe(date);
    expect(localDateOf(new Date(iso), zone)).toBe(date);
  });

  it('00:30 on the make-up Sunday is a working day although it is still Saturday (a holiday) in UTC', () => {
    const instant = new Date('2026-01-03T16:30:00Z');
    expect(isWorkingDay(instant.toISOString().slice(0, 10), CAL_2026)).toBe(false);
    expect(isWorkingDay(localDateOf(instant, CAL_2026.timeZone), CAL_2026)).toBe(true);
  });

  it('ends working hours at 17:30 local time', () => {
    expect(endOfWorkingHours('2026-01-05', CAL_2026)).toEqual(sh('2026-01-05 17:30'));
    expect(endOfWorkingHours('2026-01-10', CAL_2026)).toBeNull();
  });
});

describe('nextWorkingDay', () => {
  it.each([
    ['2026-01-09', '2026-01-12', 'Friday → Monday'],
    ['2025-12-31', '2026-01-04', 'over New Year to the make-up Sunday'],
    ['2026-02-14', '2026-02-24', 'over Spring Festival'],
    ['2026-09-30', '2026-10-08', 'over National Day'],
    ['2026-10-09', '2026-10-10', 'to the make-up Saturday'],
  ])('%s → %s (%s)', (from, to) => {
    expect(nextWorkingDay(from, CAL_2026)).toBe(to);
  });
});

describe('helpers', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['2026-1-01', false],
  ])('isLocalDate(%s) → %s', (s, ok) => {
    expect(isLocalDate(s)).toBe(ok);
  });

  it('adds local days across month and year ends', () => {
    expect(addLocalDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addLocalDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it.each([
    [
      [
        { start: '08:30', end: '12:00' },
        { start: '13:30', end: '17:30' },
      ],
      true,
    ],
    [
      [
        { start: '13:30', end: '17:30' },
        { start: '08:30', end: '12:00' },
      ],
      true,
    ],
    [[{ start: '00:00', end: '24:00' }], true],
    [[{ start: '12:00', end: '08:30' }], false],
    [
      [
        { start: '08:30', end: '12:00' },
        { start: '11:00', end: '17:30' },
      ],
      false,
    ],
    [[{ start: '8:30', end: '12:00' }], false],
    [[{ start: '08:30', end: '25:00' }], false],
  ])('validWorkingHours(%j) → %s', (windows, ok) => {
    expect(validWorkingHours(windows)).toBe(ok);
  });
});
