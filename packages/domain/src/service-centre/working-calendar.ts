// The official working-day calendar (domain.md §4): weekends and public holidays are off, make-up working
// days (调休上班, e.g. a Saturday) are on. The dates are data (a table admins edit, seeded from the State
// Council notices), passed in as a WorkingCalendar; this file only interprets them. All local-date logic
// happens in `cal.timeZone` through @date-fns/tz, never with hand-written offsets.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

export interface WorkingHoursWindow {
  start: string; // local 'HH:MM'
  end: string; // local 'HH:MM', after start; '24:00' allowed
}

export interface WorkingCalendar {
  timeZone: string; // 'Asia/Shanghai'
  holidays: ReadonlySet<string>; // 'YYYY-MM-DD' local dates that are off (public holidays incl. weekend days inside them)
  makeupWorkdays: ReadonlySet<string>; // 'YYYY-MM-DD' weekend dates that are working days (调休上班)
  workingHours: readonly WorkingHoursWindow[]; // local 'HH:MM', default 08:30–12:00, 13:30–17:30
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
export const DEFAULT_WORKING_HOURS: readonly WorkingHoursWindow[] = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

/** A calendar with defaults for whatever is not given (weekends only, default hours, Asia/Shanghai). */
export function workingCalendar(parts: Partial<WorkingCalendar> = {}): WorkingCalendar {
  return {
    timeZone: parts.timeZone ?? DEFAULT_TIME_ZONE,
    holidays: parts.holidays ?? new Set(),
    makeupWorkdays: parts.makeupWorkdays ?? new Set(),
    workingHours: parts.workingHours ?? DEFAULT_WORKING_HOURS,
  };
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

export function isLocalDate(s: string): boolean {
  const m = LOCAL_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

export function isLocalTime(s: string): boolean {
  return LOCAL_TIME.test(s);
}

/** Minutes after local midnight of an 'HH:MM' string. */
export function minutesOfDay(hhmm: string): number {
  if (!isLocalTime(hhmm)) throw new RangeError(`not a local time HH:MM: ${hhmm}`);
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** Working-hours windows that are well formed: each start before its end, sorted, not overlapping. */
export function validWorkingHours(windows: readonly WorkingHoursWindow[]): boolean {
  let previousEnd = -1;
  for (const w of [...windows].sort((a, b) => a.start.localeCompare(b.start))) {
    if (!isLocalTime(w.start) || !isLocalTime(w.end)) return false;
    const [s, e] = [minutesOfDay(w.start), minutesOfDay(w.end)];
    if (s >= e || s < previousEnd) return false;
    previousEnd = e;
  }
  return true;
}

function parts(localDate: string): [number, number, number] {
  if (!isLocalDate(localDate)) throw new RangeError(`not a local date YYYY-MM-DD: ${localDate}`);
  const [y, m, d] = localDate.split('-').map(Number);
  return [y, m, d];
}

// Converting a local wall-clock time to an instant is the costly step of every clock; the same few days
// and hours recur across orders, so conversions are memoised (bounded, cleared when full).
const instantCache = new Map<string, number>();
const INSTANT_CACHE_LIMIT = 100_000;

/** The instant a local wall-clock time on `localDate` happens in `timeZone`. */
export function localInstant(localDate: string, hhmm: string, timeZone: string): Date {
  const key = `${timeZone}|${localDate}|${hhmm}`;
  let ms = instantCache.get(key);
  if (ms === undefined) {
    const [y, m, d] = parts(localDate);
    const minutes = minutesOfDay(hhmm);
    ms = new TZDate(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, timeZone).getTime();
    if (instantCache.size >= INSTANT_CACHE_LIMIT) instantCache.clear();
    instantCache.set(key, ms);
  }
  return new Date(ms);
}

/** Local midnight starting `localDate` in `timeZone`. */
export function startOfLocalDate(localDate: string, timeZone: string): Date {
  return localInstant(localDate, '00:00', timeZone);
}

// Every clock asks for the local date of many instants. Time-zone offsets (and their changes) fall on
// quarter hours, so all instants of one UTC quarter hour share a local date: memoised by quarter hour.
const QUARTER_HOUR_MS = 15 * 60_000;
const localDateCache = new Map<string, string>();

/** The local date ('YYYY-MM-DD') of an instant in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): string {
  const quarter = Math.floor(instant.getTime() / QUARTER_HOUR_MS);
  const key = `${timeZone}|${quarter}`;
  let date = localDateCache.get(key);
  if (date === undefined) {
    date = format(new TZDate(quarter * QUARTER_HOUR_MS, timeZone), 'yyyy-MM-dd');
    if (localDateCache.size >= INSTANT_CACHE_LIMIT) localDateCache.clear();
    localDateCache.set(key, date);
  }
  return date;
}

// Date-only arithmetic below works on the calendar date itself (a proleptic Gregorian day count), so no
// time zone is involved; Date.UTC is used as the day counter.
const dayNumberCache = new Map<string, number>();
function dayNumber(localDate: string): number {
  let n = dayNumberCache.get(localDate);
  if (n === undefined) {
    const [y, m, d] = parts(localDate);
    n = Date.UTC(y, m - 1, d) / 86_400_000;
    if (dayNumberCache.size >= INSTANT_CACHE_LIMIT) dayNumberCache.clear();
    dayNumberCache.set(localDate, n);
  }
  return n;
}

/** The local date `days` after `localDate`. */
export function addLocalDays(localDate: string, days: number): string {
  return new Date((dayNumber(localDate) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** Saturday or Sunday, from the date alone. */
export function isWeekend(localDate: string): boolean {
  const weekday = (((dayNumber(localDate) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4)
  return weekday === 0 || weekday === 6;
}

/** Holidays first (a holiday is off even on a weekday), then make-up days, then Monday–Friday. */
export function isWorkingDay(localDate: string, cal: WorkingCalendar): boolean {
  if (cal.holidays.has(localDate)) return false;
  if (cal.makeupWorkdays.has(localDate)) return true;
  return !isWeekend(localDate);
}

/** The first working day strictly after `localDate`. */
export function nextWorkingDay(localDate: string, cal: WorkingCalendar): string {
  let d = addLocalDays(localDate, 1);
  for (let i = 0; i < MAX_SEARCH_DAYS; i++, d = addLocalDays(d, 1)) if (isWorkingDay(d, cal)) return d;
  throw new RangeError(`no working day within ${MAX_SEARCH_DAYS} days after ${localDate}`);
}

/** Ten years: a calendar without any working time must not make a deadline search loop forever. */
export const MAX_SEARCH_DAYS = 3660;

/** The working-hours windows of a local date as instants ([] on days off), in order. */
export function workingWindowsOf(localDate: string, cal: WorkingCalendar): [Date, Date][] {
  if (!isWorkingDay(localDate, cal)) return [];
  return [...cal.workingHours]
    .sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start))
    .map((w) => [
      localInstant(localDate, w.start, cal.timeZone),
      localInstant(localDate, w.end, cal.timeZone),
    ]);
}

/** The end of the last working-hours window of a working day; null on days off or without hours. */
export function endOfWorkingHours(localDate: string, cal: WorkingCalendar): Date | null {
  const windows = workingWindowsOf(localDate, cal);
  return windows.length ? windows[windows.length - 1][1] : null;
}
