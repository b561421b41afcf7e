import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Notice } from '@gridcare/contracts';
import { api, withQuery } from '../../api/client';
import type { Page } from '../../api/types';

export interface NoticeQuery {
  q?: string;
  kind?: string;
  status?: string;
  page: number;
  pageSize: number;
}

export const NOTICES_KEY = ['notices'] as const;

/**
 * GET /api/notices (the notices valid now and addressed to me) or, for publishers,
 * GET /api/notices/manage (every notice of my units, in any state).
 */
export function useNotices(scope: 'current' | 'manage', params: NoticeQuery, enabled = true) {
  const path = scope === 'current' ? '/api/notices' : '/api/notices/manage';
  return useQuery({
    queryKey: [...NOTICES_KEY, scope, params],
    queryFn: ({ signal }) => api<Page<Notice>>(withQuery(path, { ...params }), { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
