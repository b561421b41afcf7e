import { useQuery } from '@tanstack/react-query';
import type { WorkingHoursSettings } from '@gridcare/contracts';
import { api } from '../../api/client';
import { calendarKey } from './useCalendarYear';

/** GET /api/calendar/working-hours */
export function useWorkingHours() {
  return useQuery({
    queryKey: [...calendarKey, 'working-hours'],
    queryFn: ({ signal }) => api<WorkingHoursSettings>('/api/calendar/working-hours', { signal }),
  });
}
