import { useQuery } from '@tanstack/react-query';
import { businessPeriod } from '@gridcare/domain';
import { api, withQuery } from '../../api/client';
import type { Page } from '../../api/types';

/** Two totals for supervisors: required-but-unassigned customers, and overdue visits (page size 1: only the totals). */
export function useSupervisorCounts(enabled: boolean) {
  return useQuery({
    queryKey: ['home', 'supervisor-counts'],
    enabled,
    queryFn: async ({ signal }) => {
      const [unassigned, overdue] = await Promise.allSettled([
        api<Page<unknown>>(withQuery('/api/manager-assignments/unassigned', { page: 1, pageSize: 1 }), {
          signal,
        }),
        api<Page<unknown>>(
          withQuery('/api/visit-plans', {
            overdue: 'true',
            period: businessPeriod(new Date()),
            page: 1,
            pageSize: 1,
          }),
          { signal },
        ),
      ]);
      return {
        unassigned: unassigned.status === 'fulfilled' ? unassigned.value.total : null,
        overdueVisits: overdue.status === 'fulfilled' ? overdue.value.total : null,
      };
    },
  });
}
