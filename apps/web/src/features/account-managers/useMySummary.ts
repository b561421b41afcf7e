import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { MySummary } from '../../api/types';

/** GET /api/my/summary — the account manager's month at a glance. */
export function useMySummary(enabled = true) {
  return useQuery({
    queryKey: ['my', 'summary'],
    queryFn: ({ signal }) => api<MySummary>('/api/my/summary', { signal }),
    enabled,
  });
}
