// The only SQL of the working-day calendar: calendar_days, calendar_official_years, calendar_settings.
import type { CalendarDay, CalendarDayKind } from '@gridcare/contracts';
import type { WorkingHoursWindow } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';

const DAY_COLUMNS = `to_char(date, 'YYYY-MM-DD') AS date, kind, name, source, version, updated_at AS "updatedAt"`;

export interface DayValues {
  kind: CalendarDayKind;
  name: string;
  source: string;
}

export async function listDays(db: Db, from: string, to: string): Promise<CalendarDay[]> {
  const r = await db.query<CalendarDay>(
    `SELECT ${DAY_COLUMNS} FROM calendar_days WHERE date BETWEEN $1::date AND $2::date ORDER BY date`,
    [from, to],
  );
  return r.rows;
}

/** Every holiday and make-up date, for building the WorkingCalendar (a few hundred rows at most). */
export async function allDayKinds(db: Db): Promise<{ date: string; kind: CalendarDayKind }[]> {
  const r = await db.query<{ date: string; kind: CalendarDayKind }>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM calendar_days`,
  );
  return r.rows;
}

export async function findDay(db: Db, date: string): Promise<CalendarDay | null> {
  const r = await db.query<CalendarDay>(`SELECT ${DAY_COLUMNS} FROM calendar_days WHERE date = $1::date`, [
    date,
  ]);
  return r.rows[0] ?? null;
}

export async function insertDay(db: Db, date: string, v: DayValues): Promise<CalendarDay | null> {
  const r = await db.query<CalendarDay>(
    `INSERT INTO calendar_days (date, kind, name, source) VALUES ($1::date, $2, $3, $4)
     ON CONFLICT (date) DO NOTHING RETURNING ${DAY_COLUMNS}`,
    [date, v.kind, v.name, v.source],
  );
  return r.rows[0] ?? null;
}

export async function updateDay(
  db: Db,
  date: string,
  version: number,
  v: DayValues,
): Promise<CalendarDay | null> {
  const r = await db.query<CalendarDay>(
    `UPDATE calendar_days SET kind = $3, name = $4, source = $5, updated_at = now(), version = version + 1
     WHERE date = $1::date AND version = $2 RETURNING ${DAY_COLUMNS}`,
    [date, version, v.kind, v.name, v.source],
  );
  return r.rows[0] ?? null;
}

export async function deleteDay(db: Db, date: string, version: number): Promise<boolean> {
  const r = await db.query(`DELETE FROM calendar_days WHERE date = $1::date AND version = $2`, [
    date,
    version,
  ]);
  return r.rowCount > 0;
}

export async function loadedYears(db: Db): Promise<number[]> {
  const r = await db.query<{ year: number }>(
    `SELECT DISTINCT extract(year FROM date)::int AS year FROM calendar_days ORDER BY 1`,
  );
  return r.rows.map((x) => x.year);
}

export async function officialYears(db: Db): Promise<{ year: number; source: string; days: number }[]> {
  const r = await db.query<{ year: number; source: string; days: number }>(
    `SELECT year, source, days FROM calendar_official_years ORDER BY year`,
  );
  return r.rows;
}

/**
 * Loads one official year: its dates are added where the date has no entry yet (admin entries win), and
 * the year is recorded. Returns false when another process recorded the year first (nothing inserted).
 */
export async function insertOfficialYear(
  db: Db,
  year: number,
  source: string,
  days: { date: string; kind: CalendarDayKind; name: string }[],
): Promise<boolean> {
  const claimed = await db.query(
    `INSERT INTO calendar_official_years (year, source, days) VALUES ($1, $2, $3)
     ON CONFLICT (year) DO NOTHING RETURNING year`,
    [year, source, days.length],
  );
  if (claimed.rowCount === 0) return false;
  await db.query(
    `INSERT INTO calendar_days (date, kind, name, source)
     SELECT d::date, k, n, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS t(d, k, n)
     ON CONFLICT (date) DO NOTHING`,
    [days.map((d) => d.date), days.map((d) => d.kind), days.map((d) => d.name), source],
  );
  return true;
}

export interface SettingsRow {
  timeZone: string;
  workingHours: WorkingHoursWindow[];
  version: number;
  updatedAt: string;
}

const SETTINGS_COLUMNS = `time_zone AS "timeZone", working_hours AS "workingHours", version, updated_at AS "updatedAt"`;

export async function findSettings(db: Db): Promise<SettingsRow> {
  const r = await db.query<SettingsRow>(`SELECT ${SETTINGS_COLUMNS} FROM calendar_settings WHERE id = 1`);
  return r.rows[0];
}

export async function updateWorkingHours(
  db: Db,
  version: number,
  workingHours: readonly WorkingHoursWindow[],
): Promise<SettingsRow | null> {
  const r = await db.query<SettingsRow>(
    `UPDATE calendar_settings SET working_hours = $2::jsonb, updated_at = now(), version = version + 1
     WHERE id = 1 AND version = $1 RETURNING ${SETTINGS_COLUMNS}`,
    [version, JSON.stringify(workingHours)],
  );
  return r.rows[0] ?? null;
}
