import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PortalRatingBody, PortalRequest } from '@gridcare/contracts';
import { portalApi } from './portalApi';
import { portalRequestKey } from './usePortalRequest';
import { PORTAL_REQUESTS_KEY } from './usePortalRequests';

/** POST /api/portal/requests/:caseNo/rating — the customer's return visit (one key per submission). */
export function useRatePortalRequest(caseNo: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: PortalRatingBody; idempotencyKey: string }) =>
      portalApi<PortalRequest>(`/api/portal/requests/${encodeURIComponent(caseNo)}/rating`, {
        method: 'POST',
        body: v.body,
        idempotencyKey: v.idempotencyKey,
      }),
    onSuccess: (r) => {
      queryClient.setQueryData(portalRequestKey(caseNo), r);
      void queryClient.invalidateQueries({ queryKey: [...PORTAL_REQUESTS_KEY, 'list'] });
    },
  });
}
