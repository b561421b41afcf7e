import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { QueueCounts } from './types';
import { WORK_ORDERS_KEY } from './useWorkOrders';

/** GET /api/workorders/queue-counts — the numbers on the desk's queue tabs (refreshed every minute). */
export function useQueueCounts() {
  return useQuery({
    queryKey: [...WORK_ORDERS_KEY, 'queue-counts'],
    queryFn: ({ signal }) => api<QueueCounts>('/api/workorders/queue-counts', { signal }),
    refetchInterval: 60_000,
  });
}
