import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CustomerOverview } from '../../api/types';

export const customerKey = (id: number) => ['customer', id] as const;

/** GET /api/customers/:id/overview — everything the 360 page shows at once. */
export function useCustomerOverview(id: number) {
  return useQuery({
    queryKey: [...customerKey(id), 'overview'],
    queryFn: ({ signal }) => api<CustomerOverview>(`/api/customers/${id}/overview`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}
