import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { ManagerOption, Page } from '../../api/types';

/** GET /api/managers — account managers in the user's scope (up to 200, for a select). */
export function useManagers(options: { orgUnitId?: number; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['managers', options.orgUnitId ?? null],
    queryFn: async ({ signal }) => {
      const res = await api<Page<ManagerOption>>(
        withQuery('/api/managers', { orgUnitId: options.orgUnitId, pageSize: 200 }),
        { signal },
      );
      return res.items;
    },
    enabled: options.enabled ?? true,
    staleTime: 60_000,
  });
}
