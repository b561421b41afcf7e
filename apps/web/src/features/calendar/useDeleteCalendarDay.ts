import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import { calendarKey } from './useCalendarYear';

/** DELETE /api/calendar/days/:date?version= — the date becomes an ordinary day again. */
export function useDeleteCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ date, version }: { date: string; version: number }) =>
      api(withQuery(`/api/calendar/days/${date}`, { version }), { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKey }),
  });
}
