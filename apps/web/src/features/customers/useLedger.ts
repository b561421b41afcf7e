import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { LedgerEntry, Page } from '../../api/types';
import { customerKey } from './useCustomerOverview';

/** GET /api/customers/:id/ledger — the customer ledger (客户台账), paged. */
export function useLedger(id: number, page: number, pageSize = 10) {
  return useQuery({
    queryKey: [...customerKey(id), 'ledger', page, pageSize],
    queryFn: async ({ signal }) => {
      const res = await api<Page<LedgerEntry> | LedgerEntry[]>(
        withQuery(`/api/customers/${id}/ledger`, { page, pageSize }),
        { signal },
      );
      return Array.isArray(res) ? { items: res, page: 1, pageSize: res.length, total: res.length } : res;
    },
    placeholderData: keepPreviousData,
  });
}
