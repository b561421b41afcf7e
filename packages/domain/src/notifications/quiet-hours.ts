// Quiet hours (免打扰时段, domain.md §17): SMS and email to a contact are not sent between the start and
// the end of their quiet hours (default 21:00–08:00 business time) but held until the window ends.
// Safety-critical messages (outage notices) and in-app messages are not held.

export interface QuietHours {
  /** Local business time 'HH:MM'. A window whose start is after its end crosses midnight. */
  start: string;
  end: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: '21:00', end: '08:00' };

/** Asia/Shanghai is UTC+8 all year (China has no daylight-saving time). */
export const BUSINESS_UTC_OFFSET_MINUTES = 8 * 60;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function minutesOf(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new RangeError(`not a time of day: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * The moment a message due `now` may go out: `now` itself outside quiet hours, otherwise the end of the
 * window (the same night's morning for a window crossing midnight). A window with equal start and end
 * is empty.
 */
export function quietHoursRelease(
  now: Date,
  quiet: QuietHours,
  utcOffsetMinutes = BUSINESS_UTC_OFFSET_MINUTES,
): Date {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return now;
  const local = now.getTime() + utcOffsetMinutes * MINUTE;
  const dayStart = Math.floor(local / DAY) * DAY;
  const minuteOfDay = (local - dayStart) / MINUTE;
  let releaseLocal: number;
  if (start < end) {
    if (minuteOfDay < start || minuteOfDay >= end) return now;
    releaseLocal = dayStart + end * MINUTE;
  } else if (minuteOfDay >= start) {
    releaseLocal = dayStart + DAY + end * MINUTE;
  } else if (minuteOfDay < end) {
    releaseLocal = dayStart + end * MINUTE;
  } else {
    return now;
  }
  return new Date(releaseLocal - utcOffsetMinutes * MINUTE);
}

/** When a message on `channel` may first be attempted. */
export function deliveryNotBefore(opts: {
  now: Date;
  channel: string;
  quietHours: QuietHours | null;
  safetyCritical: boolean;
  utcOffsetMinutes?: number;
}): Date {
  if (opts.safetyCritical || opts.channel === 'in_app' || !opts.quietHours) return opts.now;
  return quietHoursRelease(opts.now, opts.quietHours, opts.utcOffsetMinutes);
}
