import { useQuery } from '@tanstack/react-query';
import type { PortalRequest } from '@gridcare/contracts';
import { portalApi } from './portalApi';
import { PORTAL_REQUESTS_KEY } from './usePortalRequests';

export const portalRequestKey = (caseNo: string) => [...PORTAL_REQUESTS_KEY, 'detail', caseNo] as const;

/** GET /api/portal/requests/:caseNo — one request in the external view. */
export function usePortalRequest(caseNo: string) {
  return useQuery({
    queryKey: portalRequestKey(caseNo),
    queryFn: ({ signal }) =>
      portalApi<PortalRequest>(`/api/portal/requests/${encodeURIComponent(caseNo)}`, { signal }),
    enabled: caseNo.length > 0,
  });
}
