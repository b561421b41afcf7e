import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RoutingRuleBody, RoutingRuleView } from './types';
import { ROUTING_RULES_KEY } from './useRoutingRules';

/** POST /api/workorders/routing-rules (new) or PUT …/:id with the version it was read at (edit). */
export function useSaveRoutingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: number; version?: number; body: RoutingRuleBody }) =>
      id
        ? api<RoutingRuleView>(`/api/workorders/routing-rules/${id}`, {
            method: 'PUT',
            body: { ...body, version },
          })
        : api<RoutingRuleView>('/api/workorders/routing-rules', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ROUTING_RULES_KEY }),
  });
}
