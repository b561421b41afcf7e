import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { VisitInput } from '../../api/types';
import { customerKey } from '../customers/useCustomerOverview';

/** POST /api/visits; afterwards the customer's timeline, plans and the manager's summary refresh. */
export function useRecordVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: VisitInput & { idempotencyKey?: string }) =>
      api<{ id: number }>('/api/visits', { method: 'POST', body, idempotencyKey }),
    onSuccess: (_r, vars) => {
      void queryClient.invalidateQueries({ queryKey: customerKey(vars.customerId) });
      void queryClient.invalidateQueries({ queryKey: ['visit-plans'] });
      void queryClient.invalidateQueries({ queryKey: ['my'] });
    },
  });
}
