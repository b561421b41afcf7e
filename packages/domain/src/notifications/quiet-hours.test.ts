import { describe, expect, it } from 'vitest';
import { DEFAULT_QUIET_HOURS, deliveryNotBefore, quietHoursRelease } from './quiet-hours';

// Times are written in Asia/Shanghai (+08:00); tests run with TZ=UTC.
const sh = (local: string) => new Date(`${local}+08:00`);

describe('quietHoursRelease (domain.md §17, default 21:00–08:00 Asia/Shanghai)', () => {
  const cases: [string, string, { start: string; end: string }, string][] = [
    ['daytime is not quiet', '2026-11-23T14:30:00', DEFAULT_QUIET_HOURS, '2026-11-23T14:30:00'],
    ['one minute before the window', '2026-11-23T20:59:59', DEFAULT_QUIET_HOURS, '2026-11-23T20:59:59'],
    ['the start minute is quiet', '2026-11-23T21:00:00', DEFAULT_QUIET_HOURS, '2026-11-24T08:00:00'],
    [
      'late evening waits for tomorrow 08:00',
      '2026-11-23T23:45:10',
      DEFAULT_QUIET_HOURS,
      '2026-11-24T08:00:00',
    ],
    [
      'after midnight waits for the same morning',
      '2026-11-24T00:10:00',
      DEFAULT_QUIET_HOURS,
      '2026-11-24T08:00:00',
    ],
    ['07:59 waits one minute', '2026-11-24T07:59:00', DEFAULT_QUIET_HOURS, '2026-11-24T08:00:00'],
    ['the end minute is no longer quiet', '2026-11-24T08:00:00', DEFAULT_QUIET_HOURS, '2026-11-24T08:00:00'],
    ['year end crossing', '2026-12-31T22:00:00', DEFAULT_QUIET_HOURS, '2027-01-01T08:00:00'],
    ['month end crossing in a leap year', '2028-02-28T23:00:00', DEFAULT_QUIET_HOURS, '2028-02-29T08:00:00'],
    [
      'a daytime window (12:00–14:00 siesta)',
      '2026-11-23T12:30:00',
      { start: '12:00', end: '14:00' },
      '2026-11-23T14:00:00',
    ],
    [
      'outside a daytime window',
      '2026-11-23T14:00:00',
      { start: '12:00', end: '14:00' },
      '2026-11-23T14:00:00',
    ],
    [
      'a window ending at midnight',
      '2026-11-23T23:30:00',
      { start: '22:00', end: '00:00' },
      '2026-11-24T00:00:00',
    ],
    [
      'a window starting at midnight',
      '2026-11-23T00:00:00',
      { start: '00:00', end: '06:30' },
      '2026-11-23T06:30:00',
    ],
    [
      'equal start and end is no window',
      '2026-11-23T03:00:00',
      { start: '21:00', end: '21:00' },
      '2026-11-23T03:00:00',
    ],
  ];
  it.each(cases)('%s', (_, now, quiet, expected) => {
    expect(quietHoursRelease(sh(now), quiet).toISOString()).toBe(sh(expected).toISOString());
  });

  it('uses business time, not the machine clock: 13:30 UTC is 21:30 in Shanghai', () => {
    expect(quietHoursRelease(new Date('2026-11-23T13:30:00Z'), DEFAULT_QUIET_HOURS).toISOString()).toBe(
      '2026-11-24T00:00:00.000Z',
    );
  });

  it('refuses a malformed time of day', () => {
    expect(() => quietHoursRelease(new Date(), { start: '25:00', end: '08:00' })).toThrow(RangeError);
  });
});

describe('deliveryNotBefore', () => {
  const night = sh('2026-11-23T23:00:00');
  const morning = sh('2026-11-24T08:00:00');
  it.each([
    ['an SMS at night waits for the morning', 'sms', false, morning],
    ['an email at night waits for the morning', 'email', false, morning],
    ['a safety-critical SMS goes at once', 'sms', true, night],
    ['in-app messages are never held', 'in_app', false, night],
  ] as const)('%s', (_, channel, safetyCritical, expected) => {
    expect(
      deliveryNotBefore({ now: night, channel, quietHours: DEFAULT_QUIET_HOURS, safetyCritical }),
    ).toEqual(expected);
  });
  it('no quiet hours at all means now', () => {
    expect(
      deliveryNotBefore({ now: night, channel: 'sms', quietHours: null, safetyCritical: false }),
    ).toEqual(night);
  });
});
