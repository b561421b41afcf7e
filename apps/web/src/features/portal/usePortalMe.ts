import { useQuery } from '@tanstack/react-query';
import type { PortalMe } from '@gridcare/contracts';
import { portalApi } from './portalApi';

export const PORTAL_KEY = ['portal'] as const;
export const PORTAL_ME_KEY = [...PORTAL_KEY, 'me'] as const;

/** GET /api/portal/me — the logged-in customer; a 401 means nobody is logged in to the portal. */
export function usePortalMe() {
  return useQuery({
    queryKey: PORTAL_ME_KEY,
    queryFn: ({ signal }) => portalApi<PortalMe>('/api/portal/me', { signal, redirectOn401: false }),
    staleTime: 60_000,
    retry: false,
  });
}
