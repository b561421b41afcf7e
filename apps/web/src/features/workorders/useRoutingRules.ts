import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RoutingRuleView } from './types';

export const ROUTING_RULES_KEY = ['routing-rules'] as const;

/** GET /api/workorders/routing-rules — every routing rule (config:admin). */
export function useRoutingRules() {
  return useQuery({
    queryKey: ROUTING_RULES_KEY,
    queryFn: async ({ signal }) => {
      const res = await api<RoutingRuleView[] | { items: RoutingRuleView[] }>(
        '/api/workorders/routing-rules',
        { signal },
      );
      return Array.isArray(res) ? res : res.items;
    },
  });
}
