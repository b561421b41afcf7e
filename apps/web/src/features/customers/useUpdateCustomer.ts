import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Customer } from '@gridcare/contracts';
import { api } from '../../api/client';
import { customerKey } from './useCustomerOverview';

/** PATCH /api/customers/:id with the version the form was loaded at (409 version_conflict if stale). */
export function useUpdateCustomer(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<Customer>(`/api/customers/${id}`, { method: 'PATCH', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customerKey(id) });
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}
