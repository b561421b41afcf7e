import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ServiceNorm, ServiceNormInput } from '@gridcare/contracts';
import { api } from '../../api/client';
import { NORMS_KEY } from './useServiceNorms';

/** POST /api/service-norms (with an Idempotency-Key) or PUT /api/service-norms/:id (with version). */
export function useSaveServiceNorm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      body,
      idempotencyKey,
    }: {
      id?: number;
      body: ServiceNormInput & { version?: number };
      idempotencyKey?: string;
    }) =>
      id
        ? api<ServiceNorm>(`/api/service-norms/${id}`, { method: 'PUT', body })
        : api<ServiceNorm>('/api/service-norms', { method: 'POST', body, idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NORMS_KEY }),
  });
}
