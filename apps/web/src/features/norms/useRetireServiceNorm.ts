import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ServiceNorm } from '@gridcare/contracts';
import { api } from '../../api/client';
import { NORMS_KEY } from './useServiceNorms';

/** DELETE /api/service-norms/:id?version= — retires the norm (kept for the record, hidden from agents). */
export function useRetireServiceNorm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (norm: Pick<ServiceNorm, 'id' | 'version'>) =>
      api<ServiceNorm>(`/api/service-norms/${norm.id}?version=${norm.version}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NORMS_KEY }),
  });
}
