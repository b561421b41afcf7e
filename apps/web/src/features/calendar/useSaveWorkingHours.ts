import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WorkingHoursSettings, WorkingHoursUpdate } from '@gridcare/contracts';
import { api } from '../../api/client';
import { calendarKey } from './useCalendarYear';

/** PUT /api/calendar/working-hours (with version). */
export function useSaveWorkingHours() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkingHoursUpdate) =>
      api<WorkingHoursSettings>('/api/calendar/working-hours', { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKey }),
  });
}
