import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { ReportGroup, WorkOrderReport } from './types';
import { WORK_ORDERS_KEY } from './useWorkOrders';

export interface ReportParams {
  from: string;
  to: string;
  groupBy: ReportGroup;
}

/** GET /api/workorders/reports — SLA compliance, breaches, visits, satisfaction and FCR per group. */
export function useWorkOrderReport(params: ReportParams) {
  return useQuery({
    queryKey: [...WORK_ORDERS_KEY, 'report', params],
    queryFn: ({ signal }) =>
      api<WorkOrderReport>(withQuery('/api/workorders/reports', { ...params }), { signal }),
    placeholderData: keepPreviousData,
  });
}
