import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SlaBoard } from './types';
import { WORK_ORDERS_KEY } from './useWorkOrders';

/** GET /api/workorders/board — open, warned, breached and awaiting-visit orders by type and by unit. */
export function useSlaBoard() {
  return useQuery({
    queryKey: [...WORK_ORDERS_KEY, 'board'],
    queryFn: ({ signal }) => api<SlaBoard>('/api/workorders/board', { signal }),
    refetchInterval: 60_000,
  });
}
