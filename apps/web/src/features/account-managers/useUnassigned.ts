import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UnassignedCustomer } from '@gridcare/contracts';
import { api, withQuery } from '../../api/client';
import type { Page } from '../../api/types';

/** GET /api/manager-assignments/unassigned — customers that must have a manager but have none. */
export function useUnassigned(
  params: { orgUnitId?: string; page: number; pageSize: number },
  enabled = true,
) {
  return useQuery({
    queryKey: ['manager-assignments', 'unassigned', params],
    queryFn: ({ signal }) =>
      api<Page<UnassignedCustomer>>(withQuery('/api/manager-assignments/unassigned', params), { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
