// The working-day calendar's API contract (domain.md §4): public holidays and make-up working days by
// date, the working hours of a working day, and which years of official data are loaded.
import { z } from 'zod';
import { isLocalDate, isLocalTime, validWorkingHours } from '@gridcare/domain';
import { VersionField } from './common';
import { msg } from './messages';

export const CALENDAR_DAY_KINDS = ['holiday', 'makeup_workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export const CalendarDate = z.string().refine((v) => isLocalDate(v), { message: msg('calendar.date') });
export const CalendarDateParam = z.object({ date: CalendarDate });
export type CalendarDateParam = z.infer<typeof CalendarDateParam>;

/** Without a year: the current year in the business time zone. */
export const CalendarYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export type CalendarYearQuery = z.infer<typeof CalendarYearQuery>;

export const CalendarDay = z.object({
  date: z.string(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string(),
  /** 'chinese-days@<version>' for the official data, 'admin' once entered or changed by hand. */
  source: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

export const CalendarOfficialYear = z.object({
  year: z.number().int(),
  source: z.string(),
  days: z.number().int(),
});

export const CalendarYear = z.object({
  year: z.number().int(),
  timeZone: z.string(),
  days: z.array(CalendarDay),
  /** Years with at least one holiday or make-up day (official or entered by hand). */
  loadedYears: z.array(z.number().int()),
  /** Years loaded from the official data package, with its name and version. */
  officialYears: z.array(CalendarOfficialYear),
  /** The data package the official years come from, e.g. 'chinese-days@1.5.7'. */
  officialSource: z.string(),
  /** The year after the current one when it has no data yet: its State Council notice must be entered. */
  missingNextYear: z.number().int().nullable(),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

export const CalendarDayUpdate = z.object({
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string().trim().max(50).default(''),
  /** Required when the date already has an entry (optimistic lock); omitted when adding one. */
  version: VersionField.optional(),
});
export type CalendarDayUpdate = z.infer<typeof CalendarDayUpdate>;

export const CalendarDayDeleteQuery = z.object({ version: z.coerce.number().int().positive().optional() });
export type CalendarDayDeleteQuery = z.infer<typeof CalendarDayDeleteQuery>;

export const WorkingHoursWindow = z.object({
  start: z.string().refine((v) => isLocalTime(v), { message: msg('time.hhmm') }),
  end: z.string().refine((v) => isLocalTime(v), { message: msg('time.hhmm') }),
});

export const WorkingHoursSettings = z.object({
  timeZone: z.string(),
  workingHours: z.array(WorkingHoursWindow),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type WorkingHoursSettings = z.infer<typeof WorkingHoursSettings>;

export const WorkingHoursUpdate = z.object({
  workingHours: z
    .array(WorkingHoursWindow)
    .min(1)
    .max(4)
    .refine((w) => validWorkingHours(w), { message: msg('calendar.working_hours') }),
  version: VersionField,
});
export type WorkingHoursUpdate = z.infer<typeof WorkingHoursUpdate>;
