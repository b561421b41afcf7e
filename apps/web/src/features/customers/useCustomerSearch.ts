import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CustomerSummary } from '@gridcare/contracts';
import { api, withQuery, type QueryValue } from '../../api/client';
import type { Page } from '../../api/types';

export type CustomerSearchParams = Record<string, QueryValue> & { page: number; pageSize: number };

/** GET /api/customers — one page of matches for the search box and filters. */
export function useCustomerSearch(params: CustomerSearchParams) {
  return useQuery({
    queryKey: ['customers', 'search', params],
    queryFn: ({ signal }) => api<Page<CustomerSummary>>(withQuery('/api/customers', params), { signal }),
    placeholderData: keepPreviousData,
  });
}
