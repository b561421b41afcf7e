import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery, type QueryValue } from '../../api/client';
import type { Page } from '../../api/types';
import type { WorkOrderQueue, WorkOrderSummary } from './types';

/** Every work-order query lives under this key, so one invalidation refreshes lists, counts and details. */
export const WORK_ORDERS_KEY = ['workorders'] as const;

export interface WorkOrderListParams extends Record<string, QueryValue> {
  queue: WorkOrderQueue;
  type?: string;
  status?: string;
  channel?: string;
  customerId?: number;
  /** The unit the order is assigned to now. */
  assignedUnitId?: number;
  /** Only orders not yet closed or merged. */
  open?: 'true';
  q?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** The list filters without paging, as the export link and the list share them. */
export function listFilters({ page: _p, pageSize: _s, ...filters }: WorkOrderListParams) {
  return filters;
}

/** GET /api/workorders — one page of a queue, filtered. */
export function useWorkOrders(params: WorkOrderListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...WORK_ORDERS_KEY, 'list', params],
    queryFn: ({ signal }) => api<Page<WorkOrderSummary>>(withQuery('/api/workorders', params), { signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
