import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PortalRequest } from '@gridcare/contracts';
import { portalApi } from './portalApi';
import { portalRequestKey } from './usePortalRequest';
import { PORTAL_REQUESTS_KEY } from './usePortalRequests';

/** POST /api/portal/requests with the submission's Idempotency-Key (kept by the caller for retries). */
export function useSubmitPortalRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: Record<string, unknown>; idempotencyKey: string }) =>
      portalApi<PortalRequest>('/api/portal/requests', {
        method: 'POST',
        body: v.body,
        idempotencyKey: v.idempotencyKey,
      }),
    onSuccess: (r) => {
      queryClient.setQueryData(portalRequestKey(r.caseNo), r);
      void queryClient.invalidateQueries({ queryKey: [...PORTAL_REQUESTS_KEY, 'list'] });
    },
  });
}
