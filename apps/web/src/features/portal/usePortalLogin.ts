import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PortalLoginBody, PortalMe } from '@gridcare/contracts';
import { portalApi } from './portalApi';
import { PORTAL_KEY, PORTAL_ME_KEY } from './usePortalMe';

export function usePortalLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PortalLoginBody) => {
      await portalApi('/api/portal/login', { method: 'POST', body, redirectOn401: false });
      return portalApi<PortalMe>('/api/portal/me');
    },
    onSuccess: (me) => {
      queryClient.removeQueries({ queryKey: PORTAL_KEY });
      queryClient.setQueryData(PORTAL_ME_KEY, me);
    },
  });
}
