import { useQuery } from '@tanstack/react-query';
import type { PortalDemoHint } from '@gridcare/contracts';
import { portalApi } from './portalApi';
import { PORTAL_KEY } from './usePortalMe';

/** Where the demo's SMS simulator lists received messages (null with a real gateway). */
export function usePortalDemoHint() {
  return useQuery({
    queryKey: [...PORTAL_KEY, 'demo-hint'],
    queryFn: ({ signal }) => portalApi<PortalDemoHint>('/api/portal/demo-hint', { signal }),
    staleTime: Infinity,
    retry: false,
  });
}
