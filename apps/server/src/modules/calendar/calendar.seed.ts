// Official holidays and make-up working days from the maintained `chinese-days` package (its data follows
// the State Council's yearly notices). Each year the package holds, from OFFICIAL_FROM_YEAR on, is loaded
// into calendar_days once — when the server is ready (an onReady hook of the calendar routes: a fresh
// clone's `npm start`, every test harness) or at the first use of a database's calendar. A package upgrade that adds a year (e.g. 2027)
// loads that year on the next start without touching admin edits; until then admins enter the year's
// notice in the calendar screen, which says which years are loaded.
import { createRequire } from 'node:module';
import type { CalendarDayKind } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';
import { writeAudit } from '../../platform/audit/audit';
import { insertOfficialYear, officialYears } from './calendar.repository';

const require = createRequire(import.meta.url);

interface ChineseDaysData {
  holidays: Record<string, string>; // '2026-01-01': "New Year's Day,元旦,1"
  workdays: Record<string, string>; // make-up working days, same format
}

/** Older years only matter for orders still open from them; 2025 covers every order the system holds. */
export const OFFICIAL_FROM_YEAR = 2025;

export interface OfficialDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export function officialSource(): string {
  const pkg = require('chinese-days/package.json') as { version: string };
  return `chinese-days@${pkg.version}`;
}

/** The package's dates grouped by year, from OFFICIAL_FROM_YEAR on. */
export function officialDaysByYear(): Map<number, OfficialDay[]> {
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const byYear = new Map<number, OfficialDay[]>();
  const add = (entries: Record<string, string>, kind: CalendarDayKind) => {
    for (const [date, label] of Object.entries(entries)) {
      const year = Number(date.slice(0, 4));
      if (year < OFFICIAL_FROM_YEAR) continue;
      // "Spring Festival,春节,4": the Chinese name is the one people use.
      const name = (label.split(',')[1] ?? label).slice(0, 50);
      if (!byYear.has(year)) byYear.set(year, []);
      byYear.get(year)!.push({ date, kind, name });
    }
  };
  add(data.holidays, 'holiday');
  add(data.workdays, 'makeup_workday');
  return byYear;
}

/** Loads the official years not loaded yet; returns the years loaded now. Safe to run concurrently. */
export async function loadOfficialCalendar(db: Db): Promise<number[]> {
  const done = new Set((await officialYears(db)).map((y) => y.year));
  const missing = [...officialDaysByYear()].filter(([year]) => !done.has(year));
  if (missing.length === 0) return [];
  const source = officialSource();
  return db.transaction(async (tx) => {
    const loaded: number[] = [];
    for (const [year, days] of missing.sort((a, b) => a[0] - b[0])) {
      if (!(await insertOfficialYear(tx, year, source, days))) continue;
      loaded.push(year);
      await writeAudit(tx, {
        actor: null,
        action: 'calendar.load_official',
        entity: 'calendar_year',
        entityId: year,
        after: { source, days: days.length },
      });
    }
    return loaded;
  });
}
