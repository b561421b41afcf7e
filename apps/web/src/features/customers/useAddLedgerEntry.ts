import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { LedgerCategory, LedgerEntry } from '../../api/types';
import { customerKey } from './useCustomerOverview';

export function useAddLedgerEntry(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { category: LedgerCategory; title: string; content: string }) =>
      api<LedgerEntry>(`/api/customers/${id}/ledger`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerKey(id) }),
  });
}
