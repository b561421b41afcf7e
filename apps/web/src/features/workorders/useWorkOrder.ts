import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { WorkOrder } from './types';
import { WORK_ORDERS_KEY } from './useWorkOrders';

export const workOrderKey = (id: number) => [...WORK_ORDERS_KEY, 'detail', id] as const;

/** GET /api/workorders/:id — the order with its clocks, events, return visits, children and allowed actions. */
export function useWorkOrder(id: number) {
  return useQuery({
    queryKey: workOrderKey(id),
    queryFn: ({ signal }) => api<WorkOrder>(`/api/workorders/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}
