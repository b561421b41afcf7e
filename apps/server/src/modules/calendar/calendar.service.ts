// The working-day calendar (domain.md §4): the WorkingCalendar every SLA clock uses, and the admin use
// cases that maintain it (holidays, make-up working days, working hours). Official years are loaded
// from the `chinese-days` package on first use (calendar.seed.ts).
import type {
  CalendarDay,
  CalendarDayUpdate,
  CalendarYear,
  WorkingHoursSettings,
  WorkingHoursUpdate,
} from '@gridcare/contracts';
import { businessDate, isWeekend, workingCalendar, type WorkingCalendar } from '@gridcare/domain';
import { writeAudit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requirePermission } from '../../platform/auth/context';
import { databaseKey, type Db } from '../../platform/db/db';
import { invalid, notFound, versionConflict } from '../../platform/http/errors';
import * as repo from './calendar.repository';
import { loadOfficialCalendar, officialSource } from './calendar.seed';

// --- The calendar the clocks use -------------------------------------------------------------------
// Cached per process and database for 60 s; an edit through this process drops the cache at once, other
// processes pick it up within the 60 s.
const CACHE_TTL_MS = 60_000;
const calendars = new Map<object, { at: number; value: Promise<WorkingCalendar> }>();
const officialLoaded = new Map<object, Promise<unknown>>();

/** One key per database, the same inside and outside a transaction. */

/** Loads the official years once per process and database (retried after a failure). */
export function ensureOfficialCalendar(db: Db): Promise<unknown> {
  const key = databaseKey(db);
  let p = officialLoaded.get(key);
  if (!p) {
    p = loadOfficialCalendar(db).catch((e) => {
      officialLoaded.delete(key);
      throw e;
    });
    officialLoaded.set(key, p);
  }
  return p;
}

async function readCalendar(db: Db): Promise<WorkingCalendar> {
  await ensureOfficialCalendar(db);
  // One after the other: `db` may be a transaction's single connection.
  const days = await repo.allDayKinds(db);
  const settings = await repo.findSettings(db);
  return workingCalendar({
    timeZone: settings.timeZone,
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    makeupWorkdays: new Set(days.filter((d) => d.kind === 'makeup_workday').map((d) => d.date)),
    workingHours: settings.workingHours,
  });
}

/** The official working-day calendar with the admins' edits, for deadlines and SLA clocks. */
export function loadWorkingCalendar(db: Db, now = Date.now()): Promise<WorkingCalendar> {
  const key = databaseKey(db);
  const cached = calendars.get(key);
  if (cached && now - cached.at < CACHE_TTL_MS) return cached.value;
  const value = readCalendar(db);
  calendars.set(key, { at: now, value });
  value.catch(() => calendars.delete(key));
  return value;
}

export function invalidateWorkingCalendar(db: Db): void {
  calendars.delete(databaseKey(db));
}

// --- Admin use cases ---------------------------------------------------------------------------------
export async function getCalendarYear(ctx: RequestContext, year?: number): Promise<CalendarYear> {
  await ensureOfficialCalendar(ctx.db);
  const settings = await repo.findSettings(ctx.db);
  const currentYear = Number(businessDate(ctx.now, settings.timeZone).slice(0, 4));
  const y = year ?? currentYear;
  const [days, loadedYears, officialYears] = await Promise.all([
    repo.listDays(ctx.db, `${y}-01-01`, `${y}-12-31`),
    repo.loadedYears(ctx.db),
    repo.officialYears(ctx.db),
  ]);
  return {
    year: y,
    timeZone: settings.timeZone,
    days,
    loadedYears,
    officialYears,
    officialSource: officialSource(),
    missingNextYear: loadedYears.includes(currentYear + 1) ? null : currentYear + 1,
  };
}

const actorOf = (ctx: RequestContext) => ({ id: ctx.user.id, name: ctx.user.displayName });

/**
 * Adds or changes the entry of one date. Runs in the caller's transaction (the route wraps it in
 * runIdempotent); call invalidateWorkingCalendar after it commits.
 */
export async function saveCalendarDay(
  ctx: RequestContext,
  tx: Db,
  date: string,
  input: CalendarDayUpdate,
): Promise<CalendarDay> {
  requirePermission(ctx.user, 'config:admin');
  // A make-up working day only means something on a weekend; a holiday may fall on any day.
  if (input.kind === 'makeup_workday' && !isWeekend(date))
    throw invalid('body.kind', 'msg:calendar.makeup_weekend');
  const values = { kind: input.kind, name: input.name, source: 'admin' };
  const before = await repo.findDay(tx, date);
  let after: CalendarDay | null;
  if (before) {
    if (input.version === undefined || input.version !== before.version) throw versionConflict();
    after = await repo.updateDay(tx, date, input.version, values);
  } else {
    after = await repo.insertDay(tx, date, values);
  }
  if (!after) throw versionConflict();
  await writeAudit(tx, {
    actor: actorOf(ctx),
    action: before ? 'calendar_day.update' : 'calendar_day.create',
    entity: 'calendar_day',
    entityId: date,
    before: before ? { kind: before.kind, name: before.name, source: before.source } : undefined,
    after: values,
    requestId: ctx.requestId,
  });
  return after;
}

/** Removes the entry of one date: it becomes an ordinary weekday or weekend day again. */
export async function deleteCalendarDay(ctx: RequestContext, date: string, version?: number): Promise<void> {
  requirePermission(ctx.user, 'config:admin');
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findDay(tx, date);
    if (!before) throw notFound();
    if (version !== undefined && version !== before.version) throw versionConflict();
    if (!(await repo.deleteDay(tx, date, before.version))) throw versionConflict();
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'calendar_day.delete',
      entity: 'calendar_day',
      entityId: date,
      before: { kind: before.kind, name: before.name, source: before.source },
      requestId: ctx.requestId,
    });
  });
  invalidateWorkingCalendar(ctx.db);
}

export async function getWorkingHours(ctx: RequestContext): Promise<WorkingHoursSettings> {
  return repo.findSettings(ctx.db);
}

export async function saveWorkingHours(
  ctx: RequestContext,
  input: WorkingHoursUpdate,
): Promise<WorkingHoursSettings> {
  requirePermission(ctx.user, 'config:admin');
  const saved = await ctx.db.transaction(async (tx) => {
    const before = await repo.findSettings(tx);
    if (before.version !== input.version) throw versionConflict();
    const windows = [...input.workingHours].sort((a, b) => a.start.localeCompare(b.start));
    const after = await repo.updateWorkingHours(tx, input.version, windows);
    if (!after) throw versionConflict();
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'calendar_settings.update',
      entity: 'calendar_settings',
      entityId: 1,
      before: { workingHours: before.workingHours },
      after: { workingHours: after.workingHours },
      requestId: ctx.requestId,
    });
    return after;
  });
  invalidateWorkingCalendar(ctx.db);
  return saved;
}
