import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CustomerSummary } from '@gridcare/contracts';
import { api, withQuery } from '../../api/client';
import type { Page } from '../../api/types';

/** GET /api/customers?q= — the first matches for the intake form's customer picker (2+ characters). */
export function useCustomerLookup(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ['customers', 'lookup', term],
    queryFn: async ({ signal }) =>
      (await api<Page<CustomerSummary>>(withQuery('/api/customers', { q: term, pageSize: 10 }), { signal }))
        .items,
    enabled: term.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
