import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PortalRequestSummary } from '@gridcare/contracts';
import { withQuery } from '../../api/client';
import type { Page } from '../../api/types';
import { portalApi } from './portalApi';
import { PORTAL_KEY } from './usePortalMe';

export const PORTAL_REQUESTS_KEY = [...PORTAL_KEY, 'requests'] as const;

/** GET /api/portal/requests — the customer's own requests, newest first, paged by the server. */
export function usePortalRequests(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...PORTAL_REQUESTS_KEY, 'list', page, pageSize],
    queryFn: ({ signal }) =>
      portalApi<Page<PortalRequestSummary>>(withQuery('/api/portal/requests', { page, pageSize }), {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
