import { expect, it } from 'vitest';
import { deadlineAt, isWorkingDay } from '@gridcare/domain';
import { describeEachDatabase } from '../../test/harness';
import { loadOfficialCalendar, officialSource } from './calendar.seed';
import { invalidateWorkingCalendar, loadWorkingCalendar } from './calendar.service';

// domain.md §4: the official calendar comes from maintained data and admins can correct it.
describeEachDatabase('working-day calendar', (h) => {
  it('loads the official 2026 calendar when the server is ready on a fresh database', async () => {
    const rows = await h().db.query(
      `SELECT 1 FROM calendar_days WHERE date = '2026-02-17' AND kind = 'holiday'`,
    );
    expect(rows.rowCount).toBe(1);
    const cal = await loadWorkingCalendar(h().db);
    expect(cal.timeZone).toBe('Asia/Shanghai');
    expect(cal.workingHours).toEqual([
      { start: '08:30', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ]);
    expect(isWorkingDay('2026-02-16', cal)).toBe(false); // Spring Festival
    expect(isWorkingDay('2026-02-14', cal)).toBe(true); // make-up Saturday
    expect(isWorkingDay('2026-10-10', cal)).toBe(true);
    expect(isWorkingDay('2026-10-05', cal)).toBe(false);
    // 5 working days over Spring Festival, as a complaint reply clock sees it.
    const start = new Date('2026-02-13T10:00:00+08:00');
    expect(deadlineAt(start, { amount: 5, unit: 'working_days' }, cal, [])).toEqual(
      new Date('2026-02-27T10:00:00+08:00'),
    );
    const audit = await h().db.query(
      `SELECT 1 FROM audit_log WHERE action = 'calendar.load_official' AND entity_id = '2026'`,
    );
    expect(audit.rowCount).toBe(1);
  });

  it('loads each official year only once', async () => {
    expect(await loadOfficialCalendar(h().db)).toEqual([]);
    const r = await h().db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM calendar_days WHERE date = '2026-01-01'`,
    );
    expect(r.rows[0].n).toBe(1);
  });

  it('shows a year with its days, the loaded years and the year still missing', async () => {
    const agent = await h().loginAs('agent');
    const res = await h().api(agent, 'GET', '/api/calendar?year=2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.year).toBe(2026);
    expect(body.officialSource).toBe(officialSource());
    expect(body.officialYears.map((y: { year: number }) => y.year)).toContain(2026);
    expect(body.loadedYears).toContain(2026);
    const days = body.days as { date: string; kind: string; name: string; source: string }[];
    expect(days.filter((d) => d.kind === 'holiday')).toHaveLength(33);
    expect(days.filter((d) => d.kind === 'makeup_workday').map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(days.find((d) => d.date === '2026-02-17')).toMatchObject({
      name: '春节',
      source: officialSource(),
    });
    // The package holds no year after 2026 (yet): the screen asks for the next notice.
    const thisYear = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
    );
    const expectMissing = body.loadedYears.includes(thisYear + 1) ? null : thisYear + 1;
    expect(body.missingNextYear).toBe(expectMissing);
  });

  it('an admin enters the 2027 notice: the year counts as loaded and the clocks use it at once', async () => {
    const admin = await h().loginAs('admin');
    const warm = await loadWorkingCalendar(h().db);
    expect(isWorkingDay('2027-02-08', warm)).toBe(true);
    const put = await h().api(admin, 'PUT', '/api/calendar/days/2027-02-08', {
      kind: 'holiday',
      name: '春节',
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      date: '2027-02-08',
      kind: 'holiday',
      name: '春节',
      source: 'admin',
      version: 1,
    });
    expect(isWorkingDay('2027-02-08', await loadWorkingCalendar(h().db))).toBe(false);
    const year = (await h().api(admin, 'GET', '/api/calendar?year=2027')).json();
    expect(year.loadedYears).toContain(2027);
    expect(year.days).toHaveLength(1);
    const audit = await h().db.query<{ after: { kind: string } }>(
      `SELECT after FROM audit_log WHERE action = 'calendar_day.create' AND entity_id = '2027-02-08'`,
    );
    expect(audit.rows[0].after.kind).toBe('holiday');
  });

  it('changing an official day needs its version; a stale version answers 409', async () => {
    const admin = await h().loginAs('admin');
    const noVersion = await h().api(admin, 'PUT', '/api/calendar/days/2026-10-10', {
      kind: 'makeup_workday',
      name: '国庆节调休',
    });
    expect(noVersion.statusCode).toBe(409);
    const ok = await h().api(admin, 'PUT', '/api/calendar/days/2026-10-10', {
      kind: 'makeup_workday',
      name: '国庆节调休',
      version: 1,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, source: 'admin', name: '国庆节调休' });
    const stale = await h().api(admin, 'PUT', '/api/calendar/days/2026-10-10', {
      kind: 'makeup_workday',
      name: 'x',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
  });

  it('a retried PUT with the same Idempotency-Key is answered once', async () => {
    const admin = await h().loginAs('admin');
    const headers = { 'idempotency-key': 'cal-2027-10-01' };
    const body = { kind: 'holiday', name: '国庆节' };
    const first = await h().api(admin, 'PUT', '/api/calendar/days/2027-10-01', body, headers);
    const retry = await h().api(admin, 'PUT', '/api/calendar/days/2027-10-01', body, headers);
    expect(first.statusCode).toBe(200);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    const audit = await h().db.query(
      `SELECT 1 FROM audit_log WHERE entity = 'calendar_day' AND entity_id = '2027-10-01'`,
    );
    expect(audit.rowCount).toBe(1);
  });

  it('deleting a date makes it an ordinary day again', async () => {
    const admin = await h().loginAs('admin');
    expect(isWorkingDay('2026-06-19', await loadWorkingCalendar(h().db))).toBe(false);
    const stale = await h().api(admin, 'DELETE', '/api/calendar/days/2026-06-19?version=9');
    expect(stale.statusCode).toBe(409);
    const del = await h().api(admin, 'DELETE', '/api/calendar/days/2026-06-19?version=1');
    expect(del.statusCode).toBe(200);
    expect(isWorkingDay('2026-06-19', await loadWorkingCalendar(h().db))).toBe(true);
    expect((await h().api(admin, 'DELETE', '/api/calendar/days/2026-06-19')).statusCode).toBe(404);
    // Deleted official days stay deleted: the official year is not loaded again.
    await loadOfficialCalendar(h().db);
    const r = await h().db.query(`SELECT 1 FROM calendar_days WHERE date = '2026-06-19'`);
    expect(r.rowCount).toBe(0);
  });

  it('answers 400 with field messages in the caller’s language for bad input', async () => {
    const admin = await h().loginAs('admin');
    const badDate = await h().api(admin, 'PUT', '/api/calendar/days/2026-02-30', { kind: 'holiday' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details).toEqual([
      { path: 'params.date', message: '日期应为有效的 YYYY-MM-DD' },
    ]);
    const weekday = await h().api(
      admin,
      'PUT',
      '/api/calendar/days/2027-03-03',
      { kind: 'makeup_workday' },
      { 'accept-language': 'en-US' },
    );
    expect(weekday.statusCode).toBe(400);
    expect(weekday.json().error.details).toEqual([
      { path: 'body.kind', message: 'A make-up working day must be a Saturday or Sunday' },
    ]);
    for (const [url, body] of [
      ['/api/calendar/days/2027-03-06', { kind: 'workday' }],
      ['/api/calendar/days/2027-03-06', { kind: 'holiday', name: 'x'.repeat(51) }],
      ['/api/calendar/days/not-a-date', { kind: 'holiday' }],
      ['/api/calendar/days/2027-03-06', null],
    ] as const) {
      expect((await h().api(admin, 'PUT', url, body)).statusCode).toBe(400);
    }
    expect((await h().api(admin, 'GET', '/api/calendar?year=abc')).statusCode).toBe(400);
    expect((await h().api(admin, 'GET', '/api/calendar?year=1900')).statusCode).toBe(400);
    expect((await h().api(admin, 'DELETE', '/api/calendar/days/2026-13-01')).statusCode).toBe(400);
  });

  it('only config:admin may edit', async () => {
    for (const login of ['supervisor', 'agent', 'auditor']) {
      const cookie = await h().loginAs(login);
      expect(
        (await h().api(cookie, 'PUT', '/api/calendar/days/2027-05-01', { kind: 'holiday' })).statusCode,
      ).toBe(403);
      expect((await h().api(cookie, 'DELETE', '/api/calendar/days/2026-05-01')).statusCode).toBe(403);
      expect(
        (
          await h().api(cookie, 'PUT', '/api/calendar/working-hours', {
            workingHours: [{ start: '09:00', end: '17:00' }],
            version: 1,
          })
        ).statusCode,
      ).toBe(403);
    }
    expect((await h().app.inject({ method: 'GET', url: '/api/calendar' })).statusCode).toBe(401);
  });

  it('working hours: read, change with version, reject overlaps; the clocks follow', async () => {
    const admin = await h().loginAs('admin');
    const get = await h().api(admin, 'GET', '/api/calendar/working-hours');
    expect(get.json()).toMatchObject({ timeZone: 'Asia/Shanghai', version: 1 });
    const overlap = await h().api(admin, 'PUT', '/api/calendar/working-hours', {
      workingHours: [
        { start: '08:30', end: '12:00' },
        { start: '11:00', end: '17:00' },
      ],
      version: 1,
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error.details[0]).toEqual({
      path: 'body.workingHours',
      message: '工作时段须开始早于结束，且各时段互不重叠',
    });
    const badTime = await h().api(admin, 'PUT', '/api/calendar/working-hours', {
      workingHours: [{ start: '8:30', end: '25:00' }],
      version: 1,
    });
    expect(badTime.statusCode).toBe(400);
    const put = await h().api(admin, 'PUT', '/api/calendar/working-hours', {
      workingHours: [
        { start: '14:00', end: '18:00' },
        { start: '09:00', end: '12:00' },
      ],
      version: 1,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      version: 2,
      workingHours: [
        { start: '09:00', end: '12:00' },
        { start: '14:00', end: '18:00' },
      ],
    });
    const cal = await loadWorkingCalendar(h().db);
    const start = new Date('2026-01-12T10:00:00+08:00');
    expect(deadlineAt(start, { amount: 1, unit: 'end_of_working_day' }, cal, [])).toEqual(
      new Date('2026-01-12T18:00:00+08:00'),
    );
    const stale = await h().api(admin, 'PUT', '/api/calendar/working-hours', {
      workingHours: [{ start: '09:00', end: '17:00' }],
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const audit = await h().db.query(`SELECT 1 FROM audit_log WHERE action = 'calendar_settings.update'`);
    expect(audit.rowCount).toBe(1);
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await h().app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/calendar', '/api/calendar/days/{date}', '/api/calendar/working-hours']),
    );
  });

  it('serves the cached calendar for 60 s and reloads after invalidation', async () => {
    const db = h().db;
    invalidateWorkingCalendar(db);
    const t = Date.now();
    const first = await loadWorkingCalendar(db, t);
    await db.query(`INSERT INTO calendar_days (date, kind, name) VALUES ('2027-12-31', 'holiday', 'test')`);
    expect(await loadWorkingCalendar(db, t + 59_000)).toBe(first);
    const later = await loadWorkingCalendar(db, t + 61_000);
    expect(later.holidays.has('2027-12-31')).toBe(true);
    await db.query(`DELETE FROM calendar_days WHERE date = '2027-12-31'`);
    invalidateWorkingCalendar(db);
    expect((await loadWorkingCalendar(db)).holidays.has('2027-12-31')).toBe(false);
  });
});
