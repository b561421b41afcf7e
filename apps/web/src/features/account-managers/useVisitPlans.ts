import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { Page, VisitPlan } from '../../api/types';

export interface VisitPlanQuery {
  period?: string;
  status?: string;
  overdue?: string;
  page: number;
  pageSize: number;
}

/** GET /api/visit-plans — monthly visit plans (the manager's own, or the unit's for supervisors). */
export function useVisitPlans(params: VisitPlanQuery) {
  return useQuery({
    queryKey: ['visit-plans', params],
    queryFn: ({ signal }) => api<Page<VisitPlan>>(withQuery('/api/visit-plans', { ...params }), { signal }),
    placeholderData: keepPreviousData,
  });
}
