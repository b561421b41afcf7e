import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { MyCustomer, Page } from '../../api/types';

/** GET /api/my/customers — the customers the logged-in manager looks after. */
export function useMyCustomers(params: { q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['my', 'customers', params],
    queryFn: ({ signal }) => api<Page<MyCustomer>>(withQuery('/api/my/customers', params), { signal }),
    placeholderData: keepPreviousData,
  });
}
