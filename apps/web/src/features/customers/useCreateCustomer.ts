import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Customer } from '@gridcare/contracts';
import { api } from '../../api/client';

/** POST /api/customers with an Idempotency-Key (the same key for a retry of the same attempt). */
export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: Record<string, unknown>; idempotencyKey: string }) =>
      api<Customer>('/api/customers', { method: 'POST', body, idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['customers'] }),
  });
}
