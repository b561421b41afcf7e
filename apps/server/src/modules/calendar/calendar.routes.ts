// The working-day calendar (domain.md §4): anyone logged in reads it; config:admin edits it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CalendarDateParam,
  CalendarDay,
  CalendarDayDeleteQuery,
  CalendarDayUpdate,
  CalendarYear,
  CalendarYearQuery,
  OkBody,
  WorkingHoursSettings,
  WorkingHoursUpdate,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { contextOf } from '../../platform/http/auth-hook';
import { runIdempotent } from '../../platform/http/idempotency';
import {
  deleteCalendarDay,
  ensureOfficialCalendar,
  getCalendarYear,
  getWorkingHours,
  invalidateWorkingCalendar,
  saveCalendarDay,
  saveWorkingHours,
} from './calendar.service';

const tags = ['calendar'];

export const calendarRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  // The official years are in the database as soon as the server is ready (npm start, test harness).
  app.addHook('onReady', async () => {
    await ensureOfficialCalendar(db);
  });

  app.get(
    '/api/calendar',
    {
      schema: {
        tags,
        summary:
          'Holidays and make-up working days of a year (default: this year), and which years are loaded',
        querystring: CalendarYearQuery,
        response: { 200: CalendarYear },
      },
    },
    async (request) => getCalendarYear(contextOf(request, db), request.query.year),
  );

  app.put(
    '/api/calendar/days/:date',
    {
      schema: {
        tags,
        summary:
          'Set a date as holiday or make-up working day (config:admin; version when it exists; Idempotency-Key)',
        params: CalendarDateParam,
        body: CalendarDayUpdate,
        response: { 200: CalendarDay },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      const result = await runIdempotent(db, request, ctx.user.id, 200, (tx) =>
        saveCalendarDay(ctx, tx, request.params.date, request.body),
      );
      invalidateWorkingCalendar(db);
      return reply.status(200).send(result.body);
    },
  );

  app.delete(
    '/api/calendar/days/:date',
    {
      schema: {
        tags,
        summary: 'Remove the entry of a date: an ordinary day again (config:admin; ?version=)',
        params: CalendarDateParam,
        querystring: CalendarDayDeleteQuery,
        response: { 200: OkBody },
      },
    },
    async (request) => {
      await deleteCalendarDay(contextOf(request, db), request.params.date, request.query.version);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/calendar/working-hours',
    {
      schema: {
        tags,
        summary: 'Working-hours windows of a working day and the business time zone',
        response: { 200: WorkingHoursSettings },
      },
    },
    async (request) => getWorkingHours(contextOf(request, db)),
  );

  app.put(
    '/api/calendar/working-hours',
    {
      schema: {
        tags,
        summary: 'Change the working-hours windows (config:admin; version)',
        body: WorkingHoursUpdate,
        response: { 200: WorkingHoursSettings },
      },
    },
    async (request) => saveWorkingHours(contextOf(request, db), request.body),
  );
};
