import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ServiceNorm } from '@gridcare/contracts';
import { api, withQuery } from '../../api/client';
import type { Page } from '../../api/types';

export interface ServiceNormQuery {
  category?: string;
  type?: string;
  subCategory?: string | null;
  q?: string;
  status?: 'active' | 'inactive' | 'all';
  page: number;
  pageSize: number;
}

export const NORMS_KEY = ['service-norms'] as const;

/** GET /api/service-norms — the catalogue, in the manual's order. */
export function useServiceNorms(params: ServiceNormQuery, enabled = true) {
  return useQuery({
    queryKey: [...NORMS_KEY, params],
    queryFn: ({ signal }) =>
      api<Page<ServiceNorm>>(withQuery('/api/service-norms', { ...params }), { signal }),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 5 * 60_000,
  });
}
