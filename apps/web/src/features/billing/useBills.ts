import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery, type QueryValue } from '../../api/client';
import type { Page } from '../../api/types';
import type { BillDetail, BillSummary, CustomerBillingHistory } from './types';

/** Every billing query lives under this key: one invalidation refreshes lists and details. */
export const BILLING_KEY = ['billing'] as const;

export type BillFilters = Record<string, QueryValue>;

/** GET /api/billing/bills — one page of bills in my scope. */
export function useBills(params: BillFilters) {
  return useQuery({
    queryKey: [...BILLING_KEY, 'bills', params],
    queryFn: ({ signal }) => api<Page<BillSummary>>(withQuery('/api/billing/bills', params), { signal }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/billing/bills/:id — one bill with its explanation. */
export function useBill(id: number | undefined) {
  return useQuery({
    queryKey: [...BILLING_KEY, 'bill', id],
    queryFn: ({ signal }) => api<BillDetail>(`/api/billing/bills/${id}`, { signal }),
    enabled: !!id,
  });
}

/** GET /api/billing/customers/:id/history — the customer 360's billing card. */
export function useCustomerBillingHistory(customerId: number | undefined) {
  return useQuery({
    queryKey: [...BILLING_KEY, 'history', customerId],
    queryFn: ({ signal }) =>
      api<CustomerBillingHistory>(`/api/billing/customers/${customerId}/history`, { signal }),
    enabled: !!customerId,
  });
}
