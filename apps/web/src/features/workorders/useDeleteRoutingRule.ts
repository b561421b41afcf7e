import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ROUTING_RULES_KEY } from './useRoutingRules';

/** DELETE /api/workorders/routing-rules/:id */
export function useDeleteRoutingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      api<{ ok: true }>(`/api/workorders/routing-rules/${id}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ROUTING_RULES_KEY }),
  });
}
