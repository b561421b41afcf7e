import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CalendarYear } from '@gridcare/contracts';
import { api, withQuery } from '../../api/client';

export const calendarKey = ['calendar'] as const;

/** GET /api/calendar?year= — without a year, the server's current year. */
export function useCalendarYear(year: number | undefined) {
  return useQuery({
    queryKey: [...calendarKey, 'year', year ?? 'current'],
    queryFn: ({ signal }) => api<CalendarYear>(withQuery('/api/calendar', { year }), { signal }),
    placeholderData: keepPreviousData,
  });
}
