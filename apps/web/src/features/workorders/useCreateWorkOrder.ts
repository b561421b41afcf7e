import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { WorkOrder, WorkOrderCreate } from './types';
import { useOrderSaved } from './useOrderSaved';

/** POST /api/workorders with one Idempotency-Key per form submission → 201 the new order. */
export function useCreateWorkOrder() {
  const saved = useOrderSaved();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: WorkOrderCreate; idempotencyKey: string }) =>
      api<WorkOrder>('/api/workorders', { method: 'POST', body, idempotencyKey }),
    onSuccess: saved,
  });
}
