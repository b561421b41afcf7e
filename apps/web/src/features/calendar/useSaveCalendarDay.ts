import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalendarDay, CalendarDayUpdate } from '@gridcare/contracts';
import { api } from '../../api/client';
import { calendarKey } from './useCalendarYear';

/** PUT /api/calendar/days/:date (version when the date already has an entry; Idempotency-Key). */
export function useSaveCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      date,
      body,
      idempotencyKey,
    }: {
      date: string;
      body: CalendarDayUpdate;
      idempotencyKey: string;
    }) => api<CalendarDay>(`/api/calendar/days/${date}`, { method: 'PUT', body, idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKey }),
  });
}
